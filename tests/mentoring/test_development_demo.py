"""Demo development logs: believable, never in the future, and a second run adds nothing."""

from datetime import date

import pytest

from accounts.models import Role
from home.demo.development import seed
from mentoring.models import DevelopmentActivity
from tests.factories import CompanyFactory, SchoolFactory, make_placement, person


@pytest.fixture
def demo_placements(db):
    school, company = SchoolFactory(), CompanyFactory()
    emails = ["mentor@demo.werkmentor.nl", "anja.visser@delinde.example", "javier.lopez@solymar.example"]
    mentors = [person(Role.MENTOR, company, email=email) for email in emails]
    return [make_placement(school=school, company=company, mentor=mentor) for mentor in mentors]


@pytest.mark.parametrize("today", [date(2026, 1, 2), date(2026, 3, 1), date(2026, 12, 31)])
def test_demo_mentor_gets_four_to_eight_activities_across_this_and_last_year(demo_placements, today):
    seed(demo_placements, today)
    demo = DevelopmentActivity.objects.filter(mentor__email="mentor@demo.werkmentor.nl")
    assert 4 <= demo.count() <= 8
    assert {a.date.year for a in demo} <= {2025, 2026}
    assert all(a.date <= today for a in DevelopmentActivity.objects.all())
    others = DevelopmentActivity.objects.exclude(mentor__email="mentor@demo.werkmentor.nl")
    assert others.values("mentor").distinct().count() == 2


def test_seeding_twice_adds_nothing(demo_placements):
    seed(demo_placements, date(2026, 11, 25))
    first = DevelopmentActivity.objects.count()
    seed(demo_placements, date(2026, 11, 25))
    assert DevelopmentActivity.objects.count() == first > 0
