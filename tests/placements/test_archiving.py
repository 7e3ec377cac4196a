"""Ending a placement's life without deleting it (issue 14, item 4): an ended placement is archived, leaves the
lists and dashboards, stays reachable with a banner, and can be restored. Who may, and what is refused."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from placements.archiving.services import archive_placement, restore_placement
from placements.models import Placement
from tests.cast import EVERYONE
from tests.factories import UserFactory, make_placement

SEES = {"learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "company_admin", "staff"}
ARCHIVES = {"supervisor", "coordinator", "staff"}


def expected(who):
    """The answer to a POST of the archive or restore URL: done (redirect), refused (403) or not seen (404)."""
    if who in ARCHIVES:
        return 302
    return 403 if who in SEES else 404


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def ended(world):
    Placement.objects.filter(pk=world.placement.pk).update(status=Placement.Status.COMPLETED)
    world.placement.refresh_from_db()
    return world.placement


@pytest.fixture
def archived(world, ended):
    return archive_placement(ended, world.coordinator)


def archive_url(placement):
    return reverse("placement_archive", args=[placement.pk])


def restore_url(placement):
    return reverse("placement_restore", args=[placement.pk])


# --- Archiving and restoring ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["supervisor", "coordinator"])
def test_the_schools_teacher_or_coordinator_archives_an_ended_placement(client, world, ended, who):
    user = getattr(world, who)
    client.force_login(user)
    confirm = client.get(archive_url(ended))
    assert confirm.status_code == 200
    assert "Nothing is deleted" in confirm.text
    ended.refresh_from_db()
    assert ended.archived_at is None  # the confirmation page changes nothing

    response = client.post(archive_url(ended))
    assert response.status_code == 302
    assert response.url == reverse("placement_detail", args=[ended.pk])
    assert "The placement has been archived. Its records are kept." in messages_of(response)
    ended.refresh_from_db()
    assert ended.archived_at is not None
    assert ended.archived_by == user
    assert ended.status == Placement.Status.COMPLETED  # archiving does not touch the status


def test_a_placement_that_ended_early_can_be_archived(world, ended):
    Placement.objects.filter(pk=ended.pk).update(
        status=Placement.Status.ENDED_EARLY, ended_on=ended.start_date, end_reason="Company closed"
    )
    ended.refresh_from_db()
    archive_placement(ended, world.supervisor)
    assert Placement.objects.archived().filter(pk=ended.pk).exists()


@pytest.mark.parametrize("who", ["supervisor", "coordinator"])
def test_the_schools_teacher_or_coordinator_restores_an_archived_placement(client, world, archived, who):
    client.force_login(getattr(world, who))
    assert client.get(restore_url(archived)).status_code == 200
    archived.refresh_from_db()
    assert archived.archived_at is not None  # the confirmation page changes nothing

    response = client.post(restore_url(archived))
    assert response.status_code == 302
    assert "The placement has been restored and appears in the lists again." in messages_of(response)
    archived.refresh_from_db()
    assert archived.archived_at is None
    assert archived.archived_by is None
    assert Placement.objects.not_archived().filter(pk=archived.pk).exists()


@pytest.mark.parametrize("status", [Placement.Status.PLANNED, Placement.Status.ACTIVE])
def test_an_open_placement_is_refused_with_the_reason(client, world, status):
    Placement.objects.filter(pk=world.placement.pk).update(status=status)
    client.force_login(world.coordinator)
    confirm = client.get(archive_url(world.placement))
    assert confirm.status_code == 200
    assert "end the placement first" in confirm.text
    assert f'action="{archive_url(world.placement)}"' not in confirm.text  # no button to press

    response = client.post(archive_url(world.placement))
    assert response.status_code == 400
    assert f"This placement is still {Placement.Status(status).label}: end the placement first" in response.text
    world.placement.refresh_from_db()
    assert world.placement.archived_at is None
    assert world.placement.archived_by is None
    assert world.placement.status == status


def test_the_service_refuses_an_open_placement_and_a_second_archiving(world, ended):
    still_open = make_placement(school=world.school, company=world.company, learner=world.other_learner)
    with pytest.raises(ValidationError, match="end the placement first"):
        archive_placement(still_open, world.coordinator)
    assert Placement.objects.get(pk=still_open.pk).archived_at is None
    archive_placement(ended, world.coordinator)
    first = Placement.objects.get(pk=ended.pk).archived_at
    with pytest.raises(ValidationError, match="already archived"):
        archive_placement(ended, world.supervisor)
    assert Placement.objects.get(pk=ended.pk).archived_at == first


def test_restoring_a_placement_that_is_not_archived_is_refused(client, world, ended):
    with pytest.raises(ValidationError, match="not archived"):
        restore_placement(ended, world.coordinator)
    client.force_login(world.coordinator)
    response = client.post(restore_url(ended))
    assert response.status_code == 400
    assert "This placement is not archived." in response.text


# --- Who may ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_schools_coordinators_the_supervisor_and_staff_archive(client, world, ended, who):
    client.force_login(getattr(world, who))
    response = client.post(archive_url(ended))
    assert response.status_code == expected(who)
    ended.refresh_from_db()
    assert (ended.archived_at is not None) == (who in ARCHIVES)
    confirm = client.get(archive_url(ended))
    assert confirm.status_code == (200 if who in ARCHIVES else expected(who))


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_schools_coordinators_the_supervisor_and_staff_restore(client, world, archived, who):
    client.force_login(getattr(world, who))
    response = client.post(restore_url(archived))
    assert response.status_code == expected(who)
    archived.refresh_from_db()
    assert (archived.archived_at is None) == (who in ARCHIVES)


def test_a_refusal_says_who_may(client, world, ended):
    client.force_login(world.mentor)
    response = client.post(archive_url(ended))
    assert response.status_code == 403
    assert "Only the school&#x27;s coordinators and this placement&#x27;s supervisor can archive" in response.text


def test_anonymous_visitors_are_sent_to_login(client, world, ended):
    response = client.post(archive_url(ended))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    ended.refresh_from_db()
    assert ended.archived_at is None


# --- The placement page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who", sorted(SEES))
def test_an_archived_placement_stays_reachable_with_a_banner(client, world, archived, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("placement_detail", args=[archived.pk]))
    assert response.status_code == 200
    date = archived.archived_at.strftime("%-d %B %Y")
    assert f"Archived on {date} by {world.coordinator.get_full_name()}." in response.text
    assert (restore_url(archived) in response.text) == (who in ARCHIVES)


def test_the_archive_button_shows_only_on_an_ended_placement_for_who_may(client, world, ended):
    detail = reverse("placement_detail", args=[ended.pk])
    client.force_login(world.supervisor)
    assert archive_url(ended) in client.get(detail).text
    client.force_login(world.mentor)
    assert archive_url(ended) not in client.get(detail).text
    Placement.objects.filter(pk=ended.pk).update(status=Placement.Status.ACTIVE)
    client.force_login(world.supervisor)
    assert archive_url(ended) not in client.get(detail).text


def test_a_placement_that_is_not_archived_has_no_banner(client, world, ended):
    client.force_login(world.coordinator)
    assert "data-archived-banner" not in client.get(reverse("placement_detail", args=[ended.pk])).text


# --- The lists --------------------------------------------------------------------------------------------


def listed(client, query=None):
    response = client.get(reverse("placement_list"), query or {})
    assert response.status_code == 200
    return [placement.pk for placement in response.context["page"].object_list]


def test_archived_placements_leave_the_list_unless_asked_for(client, world, archived):
    other = make_placement(school=world.school, company=world.company, learner=world.other_learner)
    client.force_login(world.coordinator)
    assert listed(client) == [other.pk]
    assert listed(client, {"status": "completed"}) == []
    assert listed(client, {"status": "bogus"}) == [other.pk]  # an invalid filter does not bring them back
    assert sorted(listed(client, {"archived": "on"})) == sorted([archived.pk, other.pk])
    assert listed(client, {"archived": "on", "status": "completed"}) == [archived.pk]
    page = client.get(reverse("placement_list"), {"archived": "on"}).text
    assert "Show archived" in page
    assert "text-bg-secondary" in page  # the archived row is marked


def test_the_list_costs_the_same_with_archived_shown(client, world, archived, django_assert_max_num_queries):
    for _ in range(5):
        archive_placement(
            make_placement(
                school=world.school,
                company=world.company,
                supervisor=world.supervisor,
                status=Placement.Status.COMPLETED,
            ),
            world.coordinator,
        )
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(12):
        assert len(listed(client, {"archived": "on"})) == 6


def test_archived_placements_leave_the_dashboard_counts(client, world, archived):
    client.force_login(world.supervisor)
    panel = client.get(reverse("dashboard")).context["panels"][0]
    assert panel.counts["completed"] == 0
    restore_placement(archived)
    panel = client.get(reverse("dashboard")).context["panels"][0]
    assert panel.counts["completed"] == 1


def test_archived_placements_leave_the_learners_dashboard(client, world, archived):
    client.force_login(world.learner)
    panel = client.get(reverse("dashboard")).context["panels"][0]
    assert panel.lists["placements"] == []
    restore_placement(archived)
    panel = client.get(reverse("dashboard")).context["panels"][0]
    assert [p.pk for p in panel.lists["placements"]] == [archived.pk]


# --- The admin --------------------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, db):
    root = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    client.force_login(root)
    client.root = root
    return client


def run_action(client, action, placements):
    return client.post(
        reverse("admin:placements_placement_changelist"),
        {"action": action, "_selected_action": [placement.pk for placement in placements]},
        follow=True,
    )


def test_the_admin_action_archives_the_ended_and_names_the_open(admin_client, world, ended):
    still_open = make_placement(school=world.school, company=world.company, learner=world.other_learner)
    response = run_action(admin_client, "archive_selected", [ended, still_open])
    assert response.status_code == 200
    shown = messages_of(response)
    assert "Placements archived: 1." in shown
    assert any(str(still_open) in m and "end the placement first" in m for m in shown)
    ended.refresh_from_db()
    still_open.refresh_from_db()
    assert ended.archived_by == admin_client.root
    assert still_open.archived_at is None


def test_the_admin_action_restores(admin_client, archived):
    response = run_action(admin_client, "restore_selected", [archived])
    assert "Placements restored: 1." in messages_of(response)
    archived.refresh_from_db()
    assert archived.archived_at is None


def test_the_admin_lists_and_filters_by_archiving(admin_client, archived):
    changelist = reverse("admin:placements_placement_changelist")
    response = admin_client.get(changelist, {"archived_at__isnull": "False"})
    assert response.status_code == 200
    assert [p.pk for p in response.context["cl"].result_list] == [archived.pk]
    response = admin_client.get(changelist, {"archived_at__isnull": "True"})
    assert archived.pk not in [p.pk for p in response.context["cl"].result_list]
