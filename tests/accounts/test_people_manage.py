"""Adding people, changing their roles, their leaving and coming back, through the people pages."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.invitations.models import Invitation
from accounts.models import Membership, Role, User
from placements.models import Placement
from tests.factories import grant

# The invitation e-mails are checked where they are sent: in this process, also when REDIS_URL is set (CI).
pytestmark = pytest.mark.usefixtures("tasks_in_process")


def _url(name, org, *extra):
    kind = "school" if org.__class__.__name__ == "School" else "company"
    return reverse(name, args=[kind, org.pk, *extra])


def _invite_data(**extra):
    return {"email": "sanne@example.org", "first_name": "Sanne", "last_name": "Bakker", "language": "nl", **extra}


def test_a_company_admin_invites_a_mentor(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.company_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("people_add", world.company), _invite_data(role="mentor"))
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="sanne@example.org")
    assert (invitation.role, invitation.company, invitation.invited_by) == (
        "mentor",
        world.company,
        world.company_admin,
    )
    assert mail.outbox[0].to == ["sanne@example.org"] and "Hallo Sanne" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("who", "org", "role"),
    [
        ("company_admin", "company", "coordinator"),  # a company admin cannot make anyone coordinator
        ("company_admin", "company", "learner"),
        ("coordinator", "school", "company_admin"),
        ("coordinator", "school", "learner"),  # learners come in through placements, with their student details
    ],
)
def test_nobody_invites_into_a_role_outside_their_organisation(client, world, who, org, role):
    client.force_login(getattr(world, who))
    response = client.post(_url("people_add", getattr(world, org)), _invite_data(role=role))
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not Invitation.objects.exists()


def test_the_add_page_offers_only_the_organisations_roles(client, world):
    client.force_login(world.company_admin)
    form = client.get(_url("people_add", world.company)).context["form"]
    assert [value for value, _label in form.fields["role"].choices] == ["mentor", "company_admin"]


def test_inviting_an_existing_account_adds_the_role_without_a_second_account(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        _url("people_add", world.school), _invite_data(email="Mentor@Example.org", role="teacher"), follow=True
    )
    assert "already has an account" in response.text
    assert User.objects.filter(email__iexact="mentor@example.org").count() == 1
    assert Membership.objects.filter(user=world.mentor, role=Role.TEACHER, school=world.school).exists()


def test_roles_are_changed_within_the_organisations_roles(client, world):
    client.force_login(world.coordinator)
    url = _url("people_person", world.school, world.supervisor.pk)
    assert client.post(url, {"roles": ["teacher", "coordinator"]}).status_code == 302
    assert set(world.supervisor.memberships.filter(ended_at__isnull=True).values_list("role", flat=True)) == {
        "teacher",
        "coordinator",
    }
    assert client.post(url, {"roles": ["coordinator"]}).status_code == 302
    teacher = world.supervisor.memberships.get(role="teacher")
    assert teacher.ended_at is not None  # ended, not deleted: the supervisor's placements still point at it
    # Escalation outside the school's roles and an empty choice are refused, with the reason.
    response = client.post(url, {"roles": ["company_admin"]})
    assert response.status_code == 400 and "Select a valid choice" in response.text
    response = client.post(url, {"roles": []})
    assert response.status_code == 400 and "Choose at least one role" in response.text


def test_a_manager_cannot_take_away_their_own_right_to_manage(client, world):
    client.force_login(world.company_admin)
    response = client.post(_url("people_person", world.company, world.company_admin.pk), {"roles": ["mentor"]})
    assert response.status_code == 400 and "your own right" in response.text
    response = client.post(_url("people_deactivate", world.company, world.company_admin.pk))
    assert response.status_code == 400
    assert world.company_admin.memberships.get().ended_at is None


def test_a_learner_is_listed_but_managed_on_the_learners_pages(client, world):
    client.force_login(world.coordinator)
    listing = client.get(_url("people_list", world.school), {"role": "learner"})
    assert f'href="{reverse("learner_list")}?q=learner%40example.org"' in listing.text
    page = client.get(_url("people_person", world.school, world.learner.pk))
    assert page.status_code == 200 and "managed on the learners' pages" in page.text
    assert 'name="roles"' not in page.text
    assert client.post(_url("people_person", world.school, world.learner.pk), {"roles": ["teacher"]}).status_code == 403
    assert client.post(_url("people_deactivate", world.school, world.learner.pk)).status_code == 403
    assert set(world.learner.memberships.filter(ended_at__isnull=True).values_list("role", flat=True)) == {"learner"}


def _logs_in(client, email) -> bool:
    client.logout()
    client.post(reverse("login"), {"username": email, "password": "correct horse battery"})
    return "_auth_user_id" in client.session


def test_a_leaver_cannot_log_in_and_keeps_their_records_until_reactivated(client, world):
    mentor_session = client.__class__()
    mentor_session.force_login(world.mentor)
    client.force_login(world.company_admin)
    response = client.post(_url("people_deactivate", world.company, world.mentor.pk), follow=True)
    assert "is now shown as left" in response.text
    mentor = User.objects.get(pk=world.mentor.pk)
    assert not mentor.is_active
    assert mentor.memberships.get().ended_at is not None
    assert Placement.objects.filter(pk=world.placement.pk, mentor=mentor).exists()
    listing = client.get(_url("people_list", world.company), {"status": "left"})
    assert [person.pk for person in listing.context["page"].object_list] == [mentor.pk]
    assert "Left" in listing.text
    assert mentor_session.get(reverse("dashboard")).status_code == 302  # their open session ends too
    assert not _logs_in(client, "mentor@example.org")

    client.force_login(world.company_admin)
    client.post(_url("people_reactivate", world.company, mentor.pk))
    mentor.refresh_from_db()
    assert mentor.is_active and mentor.memberships.get().ended_at is None
    assert _logs_in(client, "mentor@example.org")


def test_leaving_one_organisation_keeps_the_access_elsewhere(client, world):
    grant(world.supervisor, Role.MENTOR, world.company)
    client.force_login(world.company_admin)
    client.post(_url("people_deactivate", world.company, world.supervisor.pk))
    supervisor = User.objects.get(pk=world.supervisor.pk)
    assert supervisor.is_active
    assert supervisor.memberships.get(role="mentor").ended_at is not None
    assert supervisor.memberships.get(role="teacher").ended_at is None
    client.force_login(supervisor)
    assert client.get(reverse("placement_detail", args=[world.placement.pk])).status_code == 200


def test_the_role_history_records_who_ended_a_role(client, world):
    client.force_login(world.company_admin)
    client.post(_url("people_deactivate", world.company, world.colleague_mentor.pk))
    membership = world.colleague_mentor.memberships.get()
    latest = membership.history.first()
    assert latest.ended_at is not None and latest.history_user == world.company_admin


def test_search_and_filters(client, world):
    client.force_login(world.coordinator)
    response = client.get(_url("people_list", world.school), {"q": "ingrid", "role": "", "status": ""})
    assert [person.pk for person in response.context["page"].object_list] == [world.supervisor.pk]
    response = client.get(_url("people_list", world.school), {"role": "learner"})
    assert {person.pk for person in response.context["page"].object_list} == {
        world.learner.pk,
        world.other_learner.pk,
    }
    assert client.get(_url("people_list", world.school), {"role": "mentor"}).status_code == 400


def _add_people(school, count):
    users = User.objects.bulk_create(
        [User(email=f"teacher{n}@example.org", first_name=f"T{n}", last_name="Docent") for n in range(count)]
    )
    Membership.objects.bulk_create([Membership(user=user, role=Role.TEACHER, school=school) for user in users])


def test_the_list_costs_the_same_queries_for_few_and_many_people(client, world, django_assert_max_num_queries):
    client.force_login(world.coordinator)
    url = _url("people_list", world.school)
    client.get(url)  # session and caches warmed
    with django_assert_max_num_queries(14):
        client.get(url)
    _add_people(world.school, 60)
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 50


def test_the_invitation_list_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    from accounts.invitations.services import invite

    client.force_login(world.coordinator)
    url = _url("people_invitations", world.school)
    for n in range(15):
        invite(
            email=f"new{n}@example.org", first_name="N", last_name=str(n), role=Role.TEACHER, school=world.school,
            invited_by=world.coordinator, send=False,
        )  # fmt: skip
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.text.count("Send again") == 15


def test_the_dashboard_links_to_the_people_and_counts_no_leavers(client, world):
    client.force_login(world.company_admin)
    dashboard = client.get(reverse("dashboard"))
    assert f'href="{reverse("people")}"' in dashboard.text
    assert "2 work mentors at your company." in dashboard.text
    client.post(_url("people_deactivate", world.company, world.colleague_mentor.pk))
    assert "1 work mentor at your company." in client.get(reverse("dashboard")).text
    client.force_login(world.coordinator)
    assert f'href="{reverse("people")}"' in client.get(reverse("dashboard")).text
    client.force_login(world.supervisor)
    assert f'href="{reverse("people")}"' not in client.get(reverse("dashboard")).text
