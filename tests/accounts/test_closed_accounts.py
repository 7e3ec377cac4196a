"""An account that staff closed is not opened again by giving it a role: an invitation (sent or accepted), the
people pages and the learner import refuse with a reason. An account that closed because its last role ended
still opens again with a new role."""

from types import SimpleNamespace

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.invitations.services import invite
from accounts.invitations.tokens import make_token
from accounts.models import Membership, Role, User
from accounts.people.selectors import SCHOOL, Org
from accounts.people.services import person_deactivate
from accounts.services import membership_grant
from placements.imports.learner_plan import LearnerRow, plan_learner_rows
from placements.imports.outcomes import ERROR
from tests.factories import UserFactory

CLOSED = "was closed by the site staff; ask them to open it again"


@pytest.fixture
def closed(world):
    """A former teacher of another school whose account staff closed in the administration."""
    user = UserFactory(email="closed@example.org", first_name="Kees", last_name="Dicht")
    Membership.objects.create(user=user, role=Role.TEACHER, school=world.other_school)
    staff_close(world, user)
    return user


def staff_close(world, user):
    """What staff do in the administration: switch `active` off on the user's page."""
    user.is_active = False
    admin = site._registry[User]
    admin.save_model(SimpleNamespace(user=world.staff), user, SimpleNamespace(changed_data=["is_active"]), True)
    user.refresh_from_db()
    assert user.closed_by_staff


def test_the_administration_marks_an_account_it_closes_and_unmarks_it_when_it_opens(world, closed):
    closed.is_active = True
    site._registry[User].save_model(
        SimpleNamespace(user=world.staff), closed, SimpleNamespace(changed_data=["is_active"]), True
    )
    closed.refresh_from_db()
    assert closed.is_active and not closed.closed_by_staff
    membership_grant(user=closed, role=Role.TEACHER, school=world.school)  # open again: a role is fine


def test_a_coordinator_inviting_a_closed_account_is_told_to_ask_staff(client, world, closed):
    client.force_login(world.coordinator)
    data = {
        "email": "Closed@example.org",
        "first_name": "Kees",
        "last_name": "Dicht",
        "language": "en",
        "role": "teacher",
    }
    response = client.post(reverse("people_add", args=["school", world.school.pk]), data)
    assert response.status_code == 400 and CLOSED in response.text
    closed.refresh_from_db()
    assert not closed.is_active
    assert not Membership.objects.filter(user=closed, school=world.school).exists()


def test_the_people_pages_do_not_give_back_roles_to_a_closed_account(client, world):
    colleague = world.colleague_teacher
    staff_close(world, colleague)
    client.force_login(world.coordinator)
    url = reverse("people_person", args=["school", world.school.pk, colleague.pk])
    page = client.get(url)
    assert "This account was closed by the site staff" in page.text
    assert reverse("people_reactivate", args=["school", world.school.pk, colleague.pk]) not in page.text
    response = client.post(url, {"roles": ["teacher", "coordinator"]})
    assert response.status_code == 400 and CLOSED in str(response.context["form"].errors)
    # Left and closed: coming back is refused as well.
    person_deactivate(person=colleague, org=Org(SCHOOL, world.school), by=world.coordinator)
    response = client.post(reverse("people_reactivate", args=["school", world.school.pk, colleague.pk]))
    assert response.status_code == 400 and CLOSED in response.text
    colleague.refresh_from_db()
    assert not colleague.is_active


def test_a_pending_invitation_cannot_open_an_account_closed_since(client, world):
    invitation = invite(
        email="later@example.org", first_name="Lot", last_name="Later", role=Role.TEACHER,
        school=world.school, invited_by=world.coordinator, send=False,
    )  # fmt: skip
    user = UserFactory(email="later@example.org")  # they made an account some other way; staff closed it
    staff_close(world, user)
    page = client.get(reverse("invitation_accept", args=[make_token(invitation.link_version)]))
    assert page.status_code == 403 and "closed by the site&#x27;s staff" in page.text
    user.refresh_from_db()
    assert not user.is_active and not Membership.objects.filter(user=user).exists()


def test_an_account_closed_because_its_last_role_ended_opens_with_a_new_role(world):
    teacher = world.other_teacher
    person_deactivate(person=teacher, org=Org(SCHOOL, world.other_school), by=world.other_coordinator)
    teacher.refresh_from_db()
    assert not teacher.is_active and not teacher.closed_by_staff
    membership_grant(user=teacher, role=Role.TEACHER, school=world.school)
    teacher.refresh_from_db()
    assert teacher.is_active


def test_the_learner_import_names_a_closed_account_as_the_rows_error(world, closed):
    row = LearnerRow(
        row=2, number="S123", first_name="Kees", last_name="Dicht", email="closed@example.org", record_values={}
    )
    plan = plan_learner_rows(world.school, [row])
    (result,) = plan.results
    assert result.outcome == ERROR and CLOSED in result.message
    with pytest.raises(ValidationError, match="closed by the site staff"):
        membership_grant(user=closed, role=Role.LEARNER, school=world.school)
