"""English date formats in the style of the pages (day, month, year; a 24-hour clock), as used in the Netherlands.

Django's own English formats are American: "Dec. 5, 2026, 10 a.m.". They show wherever a date is formatted without
an explicit format (date_format(value), {{ value }}), for example in a meeting's agenda. Dutch keeps Django's formats.
Input formats are not changed: dates are typed in date pickers, which send ISO dates.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
