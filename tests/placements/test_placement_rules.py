"""The rules a placement obeys, whichever way it is saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from placements.models import Placement
from placements.services import placement_change_status, placement_create
from tests.factories import make_placement


def form_data(world, **overrides):
    start = world.placement.end_date + timedelta(days=10)
    data = {
        "learner": world.other_learner.pk,
        "school": world.school.pk,
        "company": world.company.pk,
        "mentor": world.colleague_mentor.pk,
        "supervisor": world.supervisor.pk,
        "programme": world.programme.pk,
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=100)).isoformat(),
        "hours_per_week": 32,
    }
    data.update(overrides)
    return data


def test_coordinator_adds_a_placement_through_the_form(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_new"), form_data(world))
    placement = Placement.objects.get(learner=world.other_learner)
    assert response.status_code == 302
    assert response.url == reverse("placement_detail", args=[placement.pk])
    assert placement.status == Placement.Status.PLANNED


def test_end_before_start_is_refused_with_a_message_and_nothing_saved(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_new"), form_data(world, start_date="2027-03-01", end_date="2027-02-01"))
    assert response.status_code == 200
    assert "The end date must be after the start date." in response.context["form"].errors["end_date"]
    assert not Placement.objects.filter(learner=world.other_learner).exists()


def test_a_learner_cannot_have_two_overlapping_open_placements(client, world):
    client.force_login(world.coordinator)
    overlapping = form_data(
        world,
        learner=world.learner.pk,
        start_date=(world.placement.end_date - timedelta(days=5)).isoformat(),
    )
    response = client.post(reverse("placement_new"), overlapping)
    assert response.status_code == 200
    assert "already has a placement at Bakkerij De Korenschoof" in str(response.context["form"].errors)
    assert Placement.objects.filter(learner=world.learner).count() == 1


def test_the_service_refuses_overlap_too(world):
    with pytest.raises(ValidationError) as refused:
        placement_create(
            data={
                "learner": world.learner,
                "school": world.school,
                "company": world.company,
                "mentor": world.colleague_mentor,
                "supervisor": world.supervisor,
                "programme": world.programme,
                "start_date": world.placement.start_date + timedelta(days=1),
                "end_date": world.placement.end_date + timedelta(days=1),
                "hours_per_week": 20,
            }
        )
    assert "start_date" in refused.value.message_dict


def test_a_finished_placement_does_not_block_a_new_one_in_its_period(client, world):
    placement_change_status(placement=world.placement, status=Placement.Status.COMPLETED)
    client.force_login(world.coordinator)
    again = form_data(world, learner=world.learner.pk, start_date=world.placement.start_date.isoformat())
    response = client.post(reverse("placement_new"), again)
    assert response.status_code == 302


def test_the_mentor_must_work_at_the_host_company(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_new"), form_data(world, mentor=world.other_mentor.pk))
    assert "The work mentor must work at the host company." in response.context["form"].errors["mentor"]


def test_hours_per_week_out_of_range_is_refused(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_new"), form_data(world, hours_per_week=80))
    assert response.status_code == 200
    assert response.context["form"].errors["hours_per_week"]


def test_editing_keeps_the_rules(client, world):
    other = make_placement(
        school=world.school,
        company=world.company,
        learner=world.learner,
        start_date=world.placement.end_date + timedelta(days=30),
        end_date=world.placement.end_date + timedelta(days=90),
        status=Placement.Status.PLANNED,
    )
    client.force_login(world.coordinator)
    data = form_data(
        world,
        learner=world.learner.pk,
        mentor=other.mentor.pk,
        supervisor=other.supervisor.pk,
        programme=world.programme.pk,
        start_date=(world.placement.end_date - timedelta(days=1)).isoformat(),
        end_date=other.end_date.isoformat(),
    )
    response = client.post(reverse("placement_edit", args=[other.pk]), data)
    assert response.status_code == 200
    other.refresh_from_db()
    assert other.start_date == world.placement.end_date + timedelta(days=30)


def test_ending_early_needs_a_reason_and_a_date(client, world):
    client.force_login(world.supervisor)
    url = reverse("placement_status", args=[world.placement.pk])
    response = client.post(url, {"status-status": "ended_early"})
    assert response.status_code == 400
    assert "Say why the placement ended early." in response.text
    world.placement.refresh_from_db()
    assert world.placement.status == Placement.Status.ACTIVE

    today = world.placement.start_date + timedelta(days=10)
    response = client.post(
        url,
        {"status-status": "ended_early", "status-ended_on": today.isoformat(), "status-end_reason": "Moved abroad."},
    )
    assert response.status_code == 302
    world.placement.refresh_from_db()
    assert world.placement.status == Placement.Status.ENDED_EARLY
    assert world.placement.end_reason == "Moved abroad."


def test_a_completed_placement_cannot_be_reopened(world):
    placement_change_status(placement=world.placement, status=Placement.Status.COMPLETED)
    with pytest.raises(ValidationError):
        placement_change_status(placement=world.placement, status=Placement.Status.ACTIVE)


def test_a_status_not_offered_is_refused_as_bad_input(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_status", args=[world.placement.pk]), {"status-status": "planned"})
    assert response.status_code == 400
    world.placement.refresh_from_db()
    assert world.placement.status == Placement.Status.ACTIVE


def test_list_filters_by_status_and_search(client, world):
    make_placement(school=world.school, company=world.other_company, status=Placement.Status.COMPLETED)
    client.force_login(world.coordinator)
    response = client.get(reverse("placement_list"), {"status": "completed"})
    assert [p.company for p in response.context["page"].object_list] == [world.other_company]
    response = client.get(reverse("placement_list"), {"q": "Jansen"})
    assert [p.pk for p in response.context["page"].object_list] == [world.placement.pk]
    response = client.get(reverse("placement_list"), {"status": "nonsense"})
    assert response.status_code == 200


def test_choosing_a_company_offers_only_its_work_mentors(client, world):
    client.force_login(world.coordinator)
    response = client.get(reverse("placement_mentor_options"), {"company": world.other_company.pk})
    assert world.other_mentor.email in response.text
    assert f"({world.mentor.email})" not in response.text
    assert client.get(reverse("placement_mentor_options"), {"company": "x"}).status_code == 200
    client.force_login(world.mentor)
    assert client.get(reverse("placement_mentor_options"), {"company": world.company.pk}).status_code == 403
