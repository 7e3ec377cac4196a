"""The demo seed for obstacles and incidents: believable, idempotent, and silent (no e-mail)."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from home.demo.obstacles import seed
from mentoring.models import Incident, Obstacle
from placements.models import Placement
from tests.helpers import queued_work


def test_seed_fills_the_demo_learners_log_and_running_it_twice_adds_nothing(db, django_capture_on_commit_callbacks):
    call_command("demo", stdout=StringIO())
    placements = list(Placement.objects.with_people())
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        seed(placements, today)
        seed(placements, today)
    assert queued_work(callbacks) == []
    assert mail.outbox == []

    demo = Placement.objects.get(learner__email="learner@demo.werkmentor.nl", status="active")
    assert set(Obstacle.objects.filter(placement=demo).values_list("side", flat=True)) == set(Obstacle.Side.values)
    assert Obstacle.objects.count() == 3
    lateness = Incident.objects.get(placement=demo)
    assert lateness.category == Incident.Category.LATENESS
    assert lateness.escalated_at is None
    escalated = Incident.objects.exclude(placement=demo).get()
    assert escalated.escalated_at is not None
    assert escalated.placement.supervisor.email == "supervisor@demo.werkmentor.nl"
    for incident in (lateness, escalated):
        assert incident.placement.start_date <= incident.occurred_on <= today
