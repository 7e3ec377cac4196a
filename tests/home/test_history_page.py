"""The History page: staff and the school's coordinators read who changed what; others get 403 or 404."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import Membership
from meetings.models import MeetingSettings
from registry.models import RegistrySettings
from tests.assessments.factories_assessments import make_record
from tests.factories import UserFactory
from tests.registry.factories_register import make_certificate

from .history_helpers import as_request_by

pytestmark = pytest.mark.django_db


def history(kind, obj_or_pk):
    return reverse("history", args=[kind, getattr(obj_or_pk, "pk", obj_or_pk)])


def edit_placement(world, by, **fields):
    placement = world.placement

    def change():
        for name, value in fields.items():
            setattr(placement, name, value)
        placement.save()

    as_request_by(by, change)


def test_the_coordinator_reads_who_changed_the_placement_from_what_to_what(client, world):
    edit_placement(world, world.coordinator, hours_per_week=36)
    client.force_login(world.coordinator)
    response = client.get(history("placement", world.placement))
    assert response.status_code == 200
    changed, created = response.context["entries"]
    assert (changed.action, changed.who, created.action) == ("changed", world.coordinator.get_full_name(), "created")
    assert [(c.label, c.old, c.new) for c in changed.changes] == [("Hours per week", "32", "36")]
    page = response.text
    assert "Hours per week" in page and "by " + world.coordinator.get_full_name() in page
    # A creation lists what the placement started with, foreign keys by name.
    started = {c.label: c.new for c in created.changes}
    assert started["Learner"] == "Daan Jansen"
    assert started["Host company"] == "Bakkerij De Korenschoof"
    assert started["Status"] == "active"


def test_staff_read_every_history(client, world):
    certificate = make_certificate(school=world.other_school)
    client.force_login(world.staff)
    for kind, obj in [
        ("certificate", certificate),
        ("placement", world.placement),
        ("company", world.other_company),
        ("membership", Membership.objects.get(user=world.other_teacher)),
        ("school-settings", world.other_school),
    ]:
        assert client.get(history(kind, obj)).status_code == 200, kind


@pytest.mark.parametrize("who", ["learner", "mentor", "supervisor", "colleague_teacher", "company_admin"])
def test_people_who_see_the_placement_but_not_its_history_get_403(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(history("placement", world.placement)).status_code == 403


@pytest.mark.parametrize("who", ["other_mentor", "other_teacher", "other_coordinator", "outsider", "nobody"])
def test_people_who_cannot_see_the_placement_get_404(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(history("placement", world.placement)).status_code == 404


def test_a_certificate_history_for_the_schools_coordinator_403_for_its_holder_404_for_others(client, world):
    certificate = as_request_by(
        world.supervisor, lambda: make_certificate(school=world.school, company=world.company, holder=world.mentor)
    )
    url = history("certificate", certificate)
    client.force_login(world.coordinator)
    response = client.get(url)
    assert response.status_code == 200
    (created,) = response.context["entries"]
    assert created.who == world.supervisor.get_full_name()
    assert {"Certificate number", "Holder", "Valid until"} <= {c.label for c in created.changes}
    for who, status in [("mentor", 403), ("supervisor", 403), ("other_coordinator", 404), ("other_mentor", 404)]:
        client.force_login(getattr(world, who))
        assert client.get(url).status_code == status, who


def test_a_record_and_its_amendment(client, world):
    record = make_record(world.placement, rate=False)
    amendment = make_record(world.placement, rate=False, amends=record, version=2, amendment_reason="Typo.")
    client.force_login(world.coordinator)
    assert client.get(history("record", record)).status_code == 200
    assert client.get(history("amendment", amendment)).status_code == 200
    assert client.get(history("record", amendment)).status_code == 200
    # A record that amends nothing is not an amendment.
    assert client.get(history("amendment", record)).status_code == 404
    for who, status in [("learner", 403), ("mentor", 403), ("company_admin", 404), ("other_coordinator", 404)]:
        client.force_login(getattr(world, who))
        assert client.get(history("amendment", amendment)).status_code == status, who


def test_a_company_for_coordinators_of_a_school_it_hosts(client, world):
    def accredit():
        world.company.accreditation_status = "accredited"
        world.company.accredited_on = world.placement.start_date
        world.company.save()

    as_request_by(world.staff, accredit)
    client.force_login(world.coordinator)
    response = client.get(history("company", world.company))
    changed = response.context["entries"][0]
    assert [(c.label, c.old, c.new) for c in changed.changes][0] == (
        "Accreditation status",
        "accreditation pending",
        "accredited",
    )
    # The other company hosts none of the school's learners.
    assert client.get(history("company", world.other_company)).status_code == 404
    client.force_login(world.company_admin)
    assert client.get(history("company", world.company)).status_code == 403
    client.force_login(world.other_company_admin)
    assert client.get(history("company", world.company)).status_code == 404


def test_a_role_even_after_it_was_taken_away(client, world):
    membership = Membership.objects.get(user=world.colleague_teacher, school=world.school)
    pk = membership.pk
    as_request_by(world.coordinator, membership.delete)
    client.force_login(world.coordinator)
    response = client.get(history("membership", pk))
    assert response.status_code == 200
    assert [entry.action for entry in response.context["entries"]] == ["deleted", "created"]
    assert "This object has been deleted; its history remains." in response.text
    client.force_login(world.other_coordinator)
    assert client.get(history("membership", pk)).status_code == 404
    client.force_login(world.supervisor)
    own = Membership.objects.get(user=world.supervisor)
    assert client.get(history("membership", own)).status_code == 403


def test_the_school_settings_show_both_settings_with_their_source(client, world):
    as_request_by(world.coordinator, lambda: RegistrySettings.objects.create(school=world.school, validity_years=4))
    as_request_by(world.staff, lambda: MeetingSettings.objects.create(school=world.school))
    client.force_login(world.coordinator)
    response = client.get(history("school-settings", world.school))
    assert response.status_code == 200
    sources = {entry.source for entry in response.context["entries"]}
    assert sources == {"Registry settings", "Meeting settings"}
    for who, status in [("supervisor", 403), ("learner", 403), ("other_coordinator", 404), ("mentor", 404)]:
        client.force_login(getattr(world, who))
        assert client.get(history("school-settings", world.school)).status_code == status, who


def test_an_unknown_kind_or_object_is_404_and_a_stranger_is_sent_to_log_in(client, world):
    client.force_login(world.staff)
    assert client.get("/history/user/1/").status_code == 404
    assert client.get(history("placement", 987654)).status_code == 404
    assert client.get("/history/placement/abc/").status_code == 404
    client.logout()
    response = client.get(history("placement", world.placement))
    assert response.status_code == 302 and reverse("login") in response.url


def test_the_page_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for hours in range(20, 40):
        edit_placement(world, world.coordinator, hours_per_week=hours, mentor=world.colleague_mentor)
        edit_placement(world, UserFactory(), mentor=world.mentor, end_date=world.placement.end_date + timedelta(1))
    client.force_login(world.coordinator)
    client.get(history("placement", world.placement))  # warm the session
    with django_assert_max_num_queries(9):
        response = client.get(history("placement", world.placement))
    assert len(response.context["entries"]) == 41


def test_the_page_reads_in_dutch(client, world):
    edit_placement(world, world.coordinator, hours_per_week=36)
    world.coordinator.language = "nl"
    world.coordinator.save()
    client.force_login(world.coordinator)
    page = client.get(history("placement", world.placement), HTTP_ACCEPT_LANGUAGE="nl").text
    assert "Geschiedenis" in page
    assert "Uren per week" in page
    assert "gewijzigd" in page.lower()


def test_the_admin_shows_the_history_but_never_reverts_from_it(client, world):
    world.staff.is_superuser = True
    world.staff.save()
    edit_placement(world, world.coordinator, hours_per_week=36)
    row = world.placement.history.order_by("history_id").first()
    client.force_login(world.staff)
    page = client.get(reverse("admin:placements_placement_history", args=[world.placement.pk]))
    assert page.status_code == 200 and world.coordinator.get_full_name() in page.text
    version = reverse("admin:placements_placement_simple_history", args=[world.placement.pk, row.history_id])
    assert client.get(version).status_code == 200
    assert client.post(version, {"hours_per_week": 32}).status_code == 403
    world.placement.refresh_from_db()
    assert world.placement.hours_per_week == 36
