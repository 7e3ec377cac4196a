"""The competency frameworks that come with Werkmentor, built from the source documents in both languages.

Each module holds one framework as plain data: titles as (English, Dutch) pairs, nested
area → competency → indicator. `shipped_frameworks.install` turns them into published version 1 rows.
"""

from . import coach_profile, exit_qualifications, mentor_profile

SHIPPED = (mentor_profile.FRAMEWORK, coach_profile.FRAMEWORK, exit_qualifications.FRAMEWORK)

# The default rating scale of DOMAIN.md: value, English, Dutch, meets the standard.
DEFAULT_SCALE = (
    (1, "unsatisfactory", "onvoldoende", False),
    (2, "satisfactory", "voldoende", True),
    (3, "good", "goed", True),
)
