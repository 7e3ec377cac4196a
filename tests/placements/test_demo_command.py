from io import StringIO

from django.core.management import call_command

from accounts.models import Company, Membership, Role, School, User
from meetings import models as meetings
from mentoring import models as coaching
from placements.models import Placement, Programme
from registry import models as registry

DEMO_MODELS = (
    School,
    Company,
    User,
    Membership,
    Programme,
    Placement,
    *(getattr(coaching, n) for n in coaching.__all__),
    *(getattr(registry, n) for n in registry.__all__),
    *(getattr(meetings, n) for n in meetings.__all__),
)


def counts():
    return {model.__name__: model.objects.count() for model in DEMO_MODELS}


def test_demo_builds_a_believable_world_and_running_it_twice_adds_nothing(db):
    out = StringIO()
    call_command("demo", stdout=out)
    first = counts()
    call_command("demo", stdout=StringIO())
    assert counts() == first

    assert first["School"] == 2
    assert first["Company"] == 6
    assert Company.objects.exclude(country="NL").count() >= 2
    assert Membership.objects.filter(role=Role.MENTOR).count() == 12
    assert Membership.objects.filter(role=Role.LEARNER).count() == 20
    assert set(Placement.objects.values_list("status", flat=True)) == set(Placement.Status.values)
    assert first["CoachingSession"] > 0 and first["ActionItem"] > 0 and first["MentoringAgreement"] > 0
    assert set(coaching.CoachingPlan.objects.values_list("status", flat=True)) >= {"approved", "submitted"}
    assert first["Certificate"] > 0 and first["Course"] > 0
    assert first["Meeting"] > 0 and first["Minutes"] > 0
    for email in ("coordinator@", "supervisor@", "mentor@", "company@", "learner@", "staff@"):
        assert email in out.getvalue()


def test_demo_logins_work_with_the_printed_password(client, db):
    call_command("demo", stdout=StringIO())
    response = client.post("/accounts/login/", {"username": "mentor@demo.werkmentor.nl", "password": "demo"})
    assert response.status_code == 302
