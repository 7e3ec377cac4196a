"""The weekly digest: once per person per week, in their language, their own placements only, notification levels."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from oversight.digest.collect import iso_week
from oversight.digest.delivery import send_weekly
from oversight.digest.services import queue_weekly
from oversight.health.compute import refresh_all
from oversight.models import DigestSent, HealthLevel
from tests.factories import CompanyFactory, make_placement
from tests.oversight.factories_health import BREAKS, healthy_placement

pytestmark = pytest.mark.usefixtures("tasks_in_process")


@pytest.fixture
def health(world):
    """The world's placement (supervised by world.supervisor) at risk, another of the school on track, and one at
    risk at another school."""
    healthy_placement(world, placement=world.placement)
    BREAKS["incident escalated"][1](world.placement)
    healthy_placement(world, company=CompanyFactory(name="Garage Smit"), supervisor=world.colleague_teacher)
    elsewhere = make_placement(school=world.other_school, company=world.other_company, supervisor=world.other_teacher)
    BREAKS["incident escalated"][1](elsewhere)
    refresh_all()
    return world


def _to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_the_digest_goes_once_per_person_per_week_however_often_it_runs(health):
    queue_weekly()
    queue_weekly()
    call_command("send_weekly_digest", stdout=None)
    send_weekly()  # even a run outside the week's entry writes to nobody twice
    assert len(_to("coordinator@example.org")) == 1
    assert len(_to("supervisor@example.org")) == 1
    assert DigestSent.objects.filter(user=health.coordinator, week=iso_week(timezone.localdate())).count() == 1


def test_each_reads_only_their_own_schools_and_learners_placements(health):
    send_weekly()
    coordinator = _to("coordinator@example.org")[0]
    assert "1 placement at risk" in coordinator.subject
    assert "Daan Jansen (Bakkerij De Korenschoof)" in coordinator.body
    assert "1 escalated incident is open." in coordinator.body
    assert health.other_company.name not in coordinator.body
    supervisor = _to("supervisor@example.org")[0].body
    assert "Daan Jansen" in supervisor
    other = _to("other.coordinator@example.org")[0].body
    assert "Daan Jansen" not in other and health.other_company.name in other
    assert not _to("colleague.teacher@example.org")  # their learner is on track: nothing to tell
    assert not _to("learner@example.org") and not _to("mentor@example.org") and not _to("admin@example.org")


def test_in_the_recipients_language(health):
    User.objects.filter(pk=health.coordinator.pk).update(language="nl")
    send_weekly()
    message = _to("coordinator@example.org")[0]
    assert "1 stage in gevaar" in message.subject
    assert "Wat jou nu nodig heeft" in message.body


def test_opting_out_and_essential_only(health):
    User.objects.filter(pk=health.coordinator.pk).update(notification_level=User.NotificationLevel.NONE)
    User.objects.filter(pk=health.supervisor.pk).update(notification_level=User.NotificationLevel.ESSENTIAL)
    User.objects.filter(pk=health.colleague_teacher.pk).update(notification_level=User.NotificationLevel.ESSENTIAL)
    send_weekly()
    assert not _to("coordinator@example.org")
    assert len(_to("supervisor@example.org")) == 1  # at risk is essential
    assert not _to("colleague.teacher@example.org")


def test_next_week_says_what_changed(health):
    send_weekly()
    health.placement.incidents.update(status="closed", escalated_at=timezone.now() - timedelta(days=8))
    refresh_all()
    mail.outbox.clear()
    send_weekly(now=timezone.now() + timedelta(days=7))
    body = _to("coordinator@example.org")[0].body
    assert "Back on track" in body and "Daan Jansen" in body.split("Back on track")[1]
    assert DigestSent.objects.get(user=health.coordinator, week=iso_week(timezone.localdate() + timedelta(days=7)))
    last_week = DigestSent.objects.get(user=health.coordinator, week=iso_week(timezone.localdate()))
    assert last_week.levels[str(HealthLevel.AT_RISK)] == [health.placement.pk]


def test_the_digest_reads_a_fixed_number_of_queries(health, django_assert_max_num_queries):
    for n in range(6):
        person = User.objects.create_user(email=f"teacher{n}@example.org", first_name="T", last_name=str(n))
        person.memberships.create(role="teacher", school=health.school)
        placement = healthy_placement(health, supervisor=person)
        BREAKS["incident escalated"][1](placement)
    refresh_all()
    # collecting everything is fixed; per e-mail only the sending (the DigestSent row, its savepoint)
    with django_assert_max_num_queries(8 + 4 * 12):
        send_weekly()
    assert len(mail.outbox) >= 9


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param(lambda pk: {str(HealthLevel.AT_RISK): [pk]}, id="lists per level"),
        pytest.param(lambda pk: {str(pk): HealthLevel.AT_RISK}, id="a key per placement, as rows written before"),
    ],
)
def test_last_weeks_levels_are_read_in_either_form(health, stored):
    """At risk last week and now: nothing changed, so the placement is listed as at risk but not as news."""
    last_week = timezone.localdate() - timedelta(days=7)
    levels = stored(health.placement.pk)
    DigestSent.objects.create(user=health.coordinator, week=iso_week(last_week), levels=levels, emailed=True)
    send_weekly()
    body = _to("coordinator@example.org")[0].body
    assert "Became at risk" not in body and "Daan Jansen" in body
