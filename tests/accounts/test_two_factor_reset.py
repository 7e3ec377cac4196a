"""A lost authenticator reset by a coordinator (a person of their own school, not staff) or by staff (anyone): the
authenticator and recovery codes go, the reset is recorded, the person is told by e-mail through the outbox and
sets up a new one at their next log-in where it is required."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, TwoFactorReset
from accounts.two_factor.reset import two_factor_reset
from accounts.two_factor.selectors import has_two_factor
from core.outbox.models import OutboxEntry
from tests.accounts.test_two_factor_required import log_in, sent_to_setup
from tests.accounts.two_factor_helpers import turn_on
from tests.factories import grant


def _reset_url(kind, org, person):
    return reverse("people_two_factor_reset", args=[kind, org.pk, person.pk])


@pytest.fixture
def colleague(world):
    """A second coordinator of world.school, with an authenticator: their phone is lost."""
    person = world.colleague_teacher
    grant(person, Role.COORDINATOR, world.school)
    turn_on(person)
    return person


def test_a_coordinator_resets_a_colleagues_authenticator_who_sets_up_a_new_one(
    client, world, colleague, tasks_in_process, django_capture_on_commit_callbacks
):
    client.force_login(world.coordinator)
    world.school.require_two_factor_for_staff = True  # of coordinators, at their next log-in
    world.school.save()
    page = client.get(reverse("people_person", args=["school", world.school.pk, colleague.pk]))
    assert _reset_url("school", world.school, colleague) in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_reset_url("school", world.school, colleague), follow=True)
    assert response.status_code == 200 and "has been reset" in response.text
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    reset = TwoFactorReset.objects.get(user=colleague)
    assert reset.reset_by == world.coordinator
    assert OutboxEntry.objects.filter(task_name="accounts.two_factor.send_two_factor_reset", args=[reset.pk]).exists()
    (message,) = [m for m in mail.outbox if m.to == [colleague.email]]
    assert "authenticator has been reset" in message.subject
    assert "set up an authenticator app again" in message.body
    assert "Last reset on" in client.get(reverse("people_person", args=["school", world.school.pk, colleague.pk])).text

    client.post(reverse("logout"))
    log_in(client, colleague)
    assert sent_to_setup(client.get(reverse("dashboard")))


def test_the_email_is_in_the_persons_language(world, colleague, tasks_in_process, django_capture_on_commit_callbacks):
    colleague.language = "nl"
    colleague.save()
    with django_capture_on_commit_callbacks(execute=True):
        two_factor_reset(person=colleague, by=world.coordinator)
    (message,) = [m for m in mail.outbox if m.to == [colleague.email]]
    assert "authenticator" in message.subject and "Hallo" in message.body


@pytest.mark.parametrize(
    "who, kind, org, status",
    [
        ("other_coordinator", "school", "school", 404),  # another school: not their people
        ("other_coordinator", "school", "other_school", 404),  # and not through their own school's pages
        ("supervisor", "school", "school", 403),
        ("company_admin", "school", "school", 404),
        ("learner", "school", "school", 403),
    ],
)
def test_who_may_not_reset_changes_nothing(client, world, colleague, who, kind, org, status):
    client.force_login(getattr(world, who))
    assert client.post(_reset_url(kind, getattr(world, org), colleague)).status_code == status
    assert has_two_factor(colleague) and not TwoFactorReset.objects.exists()


def test_a_coordinator_may_not_reset_staff_or_themselves(client, world):
    staff_at_school = world.staff
    grant(staff_at_school, Role.TEACHER, world.school)
    turn_on(staff_at_school)
    client.force_login(world.coordinator)
    assert (
        _reset_url("school", world.school, staff_at_school)
        not in client.get(reverse("people_person", args=["school", world.school.pk, staff_at_school.pk])).text
    )
    assert client.post(_reset_url("school", world.school, staff_at_school)).status_code == 403
    assert has_two_factor(staff_at_school)
    turn_on(world.coordinator)
    with pytest.raises(PermissionDenied):
        two_factor_reset(person=world.coordinator, by=world.coordinator)
    assert has_two_factor(world.coordinator)


def test_staff_reset_anyone_also_at_a_company(client, world):
    turn_on(world.mentor)
    client.force_login(world.staff)
    assert client.post(_reset_url("company", world.company, world.mentor)).status_code == 302
    assert not has_two_factor(world.mentor)
    assert TwoFactorReset.objects.get(user=world.mentor).reset_by == world.staff


def test_a_company_admin_may_not_reset_their_mentor(client, world):
    turn_on(world.mentor)
    client.force_login(world.company_admin)
    assert client.post(_reset_url("company", world.company, world.mentor)).status_code == 403
    assert has_two_factor(world.mentor)


def test_nothing_to_reset_is_said_and_nothing_recorded(client, world):
    client.force_login(world.coordinator)
    response = client.post(_reset_url("school", world.school, world.supervisor), follow=True)
    assert "has no authenticator to reset" in response.text
    assert not TwoFactorReset.objects.exists() and not OutboxEntry.objects.exists()
