"""Scheduled coaching sessions: the plan's frequency plans them, the learner prepares, the mentor logs, missed show."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import CoachingPlan, PlannedSession
from mentoring.schedule.services import planned_dates, planned_session_prepare, planned_sessions_generate
from tests.cast import COACHING_VIEWERS, EVERYONE
from tests.factories import make_placement


def schedule(world, weeks=2):
    CoachingPlan.objects.update_or_create(placement=world.placement, defaults={"session_interval_weeks": weeks})
    return planned_sessions_generate(placement=world.placement, interval_weeks=weeks)


def missed(world, days_ago=3, placement=None):
    placement = placement or world.placement
    return PlannedSession.objects.create(
        placement=placement, slot=90 + days_ago, planned_on=timezone.localdate() - timedelta(days=days_ago)
    )


def session_data(world, **changes):
    return {
        "coached_by": world.mentor.pk,
        "date": timezone.localdate().isoformat(),
        "duration_minutes": 30,
        "form": "on_the_job",
        "activities": "Kneading",
        "items-TOTAL_FORMS": 0,
        "items-INITIAL_FORMS": 0,
        **changes,
    }


def test_the_frequency_plans_sessions_up_to_the_end_without_duplicates(world):
    placement = world.placement  # started 30 days ago, ends in 90 days
    first = schedule(world, weeks=2)
    today = timezone.localdate()
    expected = [day for day in planned_dates(placement, 2) if day >= today]
    assert [planned.planned_on for planned in first] == expected
    assert all((day - placement.start_date).days % 14 == 0 for day in expected)
    assert max(expected) <= placement.end_date < max(expected) + timedelta(weeks=2)

    again = schedule(world, weeks=2)
    assert [planned.pk for planned in again] == [planned.pk for planned in first]
    assert PlannedSession.objects.count() == len(expected)


def test_a_new_frequency_moves_open_sessions_and_keeps_what_hangs_on_them(world):
    first = schedule(world, weeks=1)
    prepared = planned_session_prepare(planned=first[-1], by=world.learner, data=_prep("What about ovens?"))
    schedule(world, weeks=3)
    dates = set(PlannedSession.objects.values_list("planned_on", flat=True))
    assert {day for day in planned_dates(world.placement, 3) if day >= timezone.localdate()} <= dates
    assert PlannedSession.objects.filter(pk=prepared.pk).exists()  # the learner's preparation is not thrown away
    assert PlannedSession.objects.count() < len(first)

    schedule(world, weeks=None)
    assert list(PlannedSession.objects.all()) == [prepared]


def _prep(questions="", went_well=""):
    return {"prep_questions": questions, "prep_went_well": went_well}


def test_saving_the_plan_with_a_frequency_plans_the_sessions(client, world):
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_plan_edit", args=[world.placement.pk]),
        {"coaching_frequency": "Every other Monday", "session_interval_weeks": 2},
    )
    assert response.status_code == 302
    assert PlannedSession.objects.filter(placement=world.placement).exists()
    refused = client.post(
        reverse("mentoring_plan_edit", args=[world.placement.pk]),
        {"coaching_frequency": "x", "session_interval_weeks": 99},
    )
    assert refused.status_code == 200 and refused.context["form"].errors


@pytest.mark.parametrize("who", EVERYONE)
def test_each_role_reaches_exactly_what_it_may(client, world, who):
    planned = schedule(world)[0]
    client.force_login(getattr(world, who))
    sees = who in COACHING_VIEWERS
    assert client.get(reverse("mentoring_schedule", args=[world.placement.pk])).status_code == (200 if sees else 404)
    prepare_url = reverse("mentoring_planned_prepare", args=[world.placement.pk, planned.pk])
    expected = 200 if who == "learner" else 403 if sees else 404
    assert client.get(prepare_url).status_code == expected
    posted = client.post(prepare_url, _prep("Can I bake alone?"))
    assert posted.status_code == (302 if who == "learner" else expected)
    planned.refresh_from_db()
    assert (planned.prepared_at is not None) == (who == "learner")


def test_the_learners_preparation_is_visible_to_the_mentor(client, world):
    planned = schedule(world)[0]
    client.force_login(world.learner)
    url = reverse("mentoring_planned_prepare", args=[world.placement.pk, planned.pk])
    assert client.post(url, _prep()).status_code == 400  # empty: a form message, nothing saved
    client.post(url, _prep("Can I bake alone?", "The sourdough rose"))
    client.force_login(world.mentor)
    page = client.get(reverse("mentoring_schedule", args=[world.placement.pk])).content.decode()
    assert "Can I bake alone?" in page and "The sourdough rose" in page
    form_page = client.get(reverse("mentoring_session_new", args=[world.placement.pk]) + f"?planned={planned.pk}")
    assert "Can I bake alone?" in form_page.content.decode()


def test_logging_a_session_fulfils_the_planned_one_and_agrees_the_next(client, world):
    first, second = schedule(world)[:2]
    client.force_login(world.mentor)
    agreed = timezone.localtime() + timedelta(days=10)
    response = client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]),
        session_data(world, planned=first.pk, next_session_on=agreed.strftime("%Y-%m-%dT%H:%M")),
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.session is not None and first.session.activities == "Kneading"
    assert second.agreed_at is not None and second.planned_on == agreed.date()
    assert second.agreed_in == first.session
    again = client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]), session_data(world, planned=first.pk)
    )
    assert again.status_code == 200 and again.context["form"].errors["planned"]  # logged once


# Read-only checks over one world: each person sees exactly the missed sessions of the placements they follow.
MISSED_LISTED = {"learner": True, "mentor": True, "supervisor": True, "coordinator": True, "colleague_teacher": True}
MISSED_ROLES = [*MISSED_LISTED, "other_learner", "other_mentor", "colleague_mentor", "other_teacher", "company_admin"]


def test_missed_sessions_show_to_mentor_learner_and_school(client, world):
    gone = missed(world)
    logged = missed(world, days_ago=5)
    logged.session = world.placement.coaching_sessions.create(
        date=logged.planned_on, duration_minutes=30, coached_by=world.mentor, activities="x", created_by=world.mentor
    )
    logged.save()
    for who in MISSED_ROLES:
        client.force_login(getattr(world, who))
        response = client.get(reverse("mentoring_missed_sessions"))
        assert response.status_code == 200
        listed = [planned.pk for planned in response.context["page"].object_list]
        assert listed == ([gone.pk] if MISSED_LISTED.get(who) else []), who
        dashboard = client.get(reverse("dashboard")).content.decode()
        link = reverse("mentoring_schedule", args=[world.placement.pk]) + f"#planned-{gone.pk}"
        assert (link in dashboard) == MISSED_LISTED.get(who, False), who


def test_the_session_form_offers_the_planned_session_that_is_due(client, world):
    schedule(world)
    due = missed(world, days_ago=1)
    client.force_login(world.mentor)
    form = client.get(reverse("mentoring_session_new", args=[world.placement.pk])).context["form"]
    assert form["planned"].value() == due.pk


def test_the_schedule_marks_missed_and_upcoming(client, world):
    missed(world)
    schedule(world)
    client.force_login(world.supervisor)
    page = client.get(reverse("mentoring_schedule", args=[world.placement.pk])).content.decode()
    assert page.count(">Missed<") == 1 and ">Planned<" in page


def test_lists_cost_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for index in range(4):
        other = make_placement(school=world.school, company=world.company, mentor=world.mentor)
        missed(world, days_ago=index + 1, placement=other)
        missed(world, days_ago=index + 1)
    schedule(world, weeks=1)
    client.force_login(world.mentor)
    with django_assert_max_num_queries(8):
        assert len(client.get(reverse("mentoring_missed_sessions")).context["page"].object_list) == 8
    with django_assert_max_num_queries(14):
        client.get(reverse("mentoring_schedule", args=[world.placement.pk]))


def test_planned_sessions_are_in_the_calendar_once(client, world):
    from icalendar import Calendar

    from home.calendar.services import feed_renew

    first, second = schedule(world)[:2]
    client.force_login(world.mentor)
    agreed = timezone.localtime() + timedelta(days=10)
    client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]),
        session_data(world, planned=first.pk, next_session_on=agreed.strftime("%Y-%m-%dT%H:%M")),
    )
    for person in (world.learner, world.mentor):
        response = client.get(reverse("calendar_feed", args=[feed_renew(user=person)]))
        uids = {str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}
        open_ones = PlannedSession.objects.filter(session__isnull=True)
        assert uids == {f"coaching-planned-{planned.pk}@werkmentor" for planned in open_ones}  # no "next" beside it
    response = client.get(reverse("calendar_feed", args=[feed_renew(user=world.other_mentor)]))
    assert not Calendar.from_ical(response.content).walk("VEVENT")


def test_a_completed_placements_missed_sessions_are_no_longer_listed(client, world):
    missed(world)
    world.placement.status = world.placement.Status.COMPLETED
    world.placement.save(update_fields=["status"])
    client.force_login(world.mentor)
    assert not client.get(reverse("mentoring_missed_sessions")).context["page"].object_list
