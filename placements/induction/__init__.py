"""The induction programme (work process 1.2): company templates, a placement's checklist and its PDF."""
