"""Ending a placement's life without deleting it: an ended placement is archived (and can be restored)."""
