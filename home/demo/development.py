"""Demo development logs: the demo work mentor and two colleagues at other companies logged their own CPD."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from mentoring.models import DevelopmentActivity

from . import growth

Kind = DevelopmentActivity.Kind
DEMO_MENTOR = "mentor@demo.werkmentor.nl"
OTHER_MENTORS = ("anja.visser@delinde.example", "javier.lopez@solymar.example")

# (years back from this year, month, day, kind, title, hours, notes). Dates are fixed within a year, so a
# second run on another day adds nothing, except an activity whose date has passed since.
ACTIVITIES = {
    DEMO_MENTOR: [
        (1, 3, 14, Kind.COURSE, "Refresher day for work mentors, Rijnland Vakcollege", "6", "New assessment forms."),
        (1, 5, 22, Kind.TRADE_FAIR, "Bakery trade fair, Houten", "4", "Talked to two schools about new learners."),
        (1, 9, 10, Kind.READING, "Article on coaching on the job in the bakers' trade journal", "1.5", ""),
        (1, 11, 18, Kind.PEER_FEEDBACK, "Henk watched a coaching session, gave feedback", "1", "Ask more, tell less."),
        (0, 1, 9, Kind.REFLECTION, "Looked back on last year's coaching and set my own goals", "2", ""),
        (0, 2, 20, Kind.TRAINING, "Afternoon training: giving feedback to young people", "3.5", ""),
        (0, 4, 15, Kind.LABOUR_MARKET, "Regional labour-market meeting for the bakery trade", "1.5", ""),
        (0, 6, 12, Kind.INTERVISION, "Intervision with work mentors of other bakeries", "2", ""),
    ],
    OTHER_MENTORS[0]: [
        (1, 10, 3, Kind.COURSE, "Work mentor course in care, module 2", "8", ""),
        (0, 1, 16, Kind.REFLECTION, "Reflection on a difficult conversation with a learner", "1", ""),
    ],
    OTHER_MENTORS[1]: [
        (1, 6, 5, Kind.TRADE_FAIR, "Hospitality trade fair, Málaga", "5", ""),
        (0, 1, 23, Kind.READING, "Read the school's guide for work mentors abroad", "2", ""),
    ],
}


def seed(placements: list, today) -> None:
    mentors = {p.mentor.email: p.mentor for p in placements if p.mentor_id}
    for email, activities in ACTIVITIES.items():
        mentor = mentors.get(email)
        if mentor is None:
            continue
        for years_back, month, day, kind, title, hours, notes in activities:
            when = date(today.year - years_back, month, day)
            if when > today:
                continue  # the log only holds what has been done
            DevelopmentActivity.objects.get_or_create(
                mentor=mentor,
                title=title,
                date=when,
                defaults={"kind": kind, "hours": Decimal(hours), "notes": notes},
            )
    if DEMO_MENTOR in mentors:
        growth.seed(mentors[DEMO_MENTOR], timezone.now())
