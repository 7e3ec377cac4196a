"""Registry tests use the shared fixtures of tests/conftest.py (world, task_worker)."""
