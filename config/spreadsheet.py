"""Cells for CSV and spreadsheet exports that a spreadsheet program will show, never run.

Excel and LibreOffice treat a cell that starts with =, +, -, @ (or a tab or carriage return before one) as a
formula, so a title typed by a user could run a formula on the reader's machine (CSV injection). A leading
apostrophe makes the program show the text as typed.
"""

from decimal import Decimal

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as a spreadsheet cell: numbers stay numbers, text that could be read as a formula is defused."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text
