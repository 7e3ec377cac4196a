"""The demo world: the people, schools and companies (`data`), and one seed module per part of the application.

The `demo` command (home/management/commands/demo.py) creates the people and placements from `data`, then runs
each module's `seed(placements, today)` in order. Every seed is idempotent: running the demo twice adds nothing.
"""
