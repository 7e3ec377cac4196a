"""The History page: who changed an audited object, when, and each field from what to what.

The history itself is written by django-simple-history (`history = HistoricalRecords()` on the models:
certificates, assessment records and their amendments, placements, companies, roles and the schools'
registry and meeting settings). This package reads it: `kinds.py` is the fixed list of what may be asked
for and who may read it, `changes.py` turns history rows into changes, `views.py` shows them.
It lives in home, the top layer, because it reads the models of every app.
"""
