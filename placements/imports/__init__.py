"""Importing learners and placements from a student information system's export: upload, map the columns,
dry run, then all or nothing (placements/imports/steps.py); large files in the background (services.py, job.py)."""
