"""Importing learners and placements from a student information system's export: upload, map the columns,
dry run, then all or nothing (placements/imports/services.py); large files in the background (job.py)."""
