"""Competency profile of the coach / work-trajectory supervisor (seed 001).

Two areas: the result areas with their performance indicators (coach_result_areas.py), and the behavioural
competencies with theirs (coach_behaviour.py, coach_behaviour_conduct.py). Dutch titles follow the source's items; English titles are
translations.
"""

from .coach_behaviour import CONTACT_AND_COMMUNICATION
from .coach_behaviour_conduct import CONDUCT_AND_INFLUENCE
from .coach_result_areas import RESULT_AREAS

BEHAVIOURAL_COMPETENCIES = CONTACT_AND_COMMUNICATION + CONDUCT_AND_INFLUENCE

FRAMEWORK = {
    "code": "coach-competency-profile",
    "purpose": "learners",
    "title": (
        "Competency profile of the coach / work-trajectory supervisor",
        "Competentieprofiel coach-werktrajectbegeleider",
    ),
    "description": (
        "The results a coach is accountable for and the behaviour that shows competence, each with performance "
        "indicators to observe."
    ),
    "areas": [
        {"code": "I", "title": ("Result areas", "Resultaatgebieden"), "competencies": RESULT_AREAS},
        {
            "code": "III",
            "title": ("Behavioural competencies", "Gedragscompetenties"),
            "competencies": BEHAVIOURAL_COMPETENCIES,
        },
    ],
}
