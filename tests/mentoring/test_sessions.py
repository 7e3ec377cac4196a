"""The session log: fast to fill in, private notes stay private, agreements carry forward until done."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mentoring.models import ActionItem, CoachingSession, PrivateNote
from mentoring.plans.services import goal_save, plan_for_placement
from mentoring.sessions.services import session_log
from tests.cast import COACHING_VIEWERS, EVERYONE

VIEWERS = COACHING_VIEWERS


def session_data(world, **overrides):
    data = {
        "date": timezone.localdate().isoformat(),
        "duration_minutes": 30,
        "form": "on_the_job",
        "coached_by": world.mentor.pk,
        "activities": "Practised shaping rolls at the morning shift.",
        "went_well": "Steady pace",
        "to_improve": "Weighing the dough",
        "private_note": "",
        "items-TOTAL_FORMS": 3,
        "items-INITIAL_FORMS": 0,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 10,
    }
    data.update(overrides)
    return data


def log(world, **kwargs):
    data = {
        "date": timezone.localdate(),
        "duration_minutes": 30,
        "form": "on_the_job",
        "coached_by": world.mentor,
        "activities": "Coached",
        "went_well": "",
        "to_improve": "",
    }
    return session_log(placement=world.placement, by=world.mentor, data=data, **kwargs)


@pytest.mark.parametrize("who", EVERYONE)
def test_timeline_is_for_the_learner_mentor_and_school(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_sessions", args=[world.placement.pk]))
    assert response.status_code == (200 if who in VIEWERS else 404)


@pytest.mark.parametrize("who", sorted(VIEWERS))
def test_only_the_mentor_logs_sessions(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_session_new", args=[world.placement.pk]), session_data(world))
    assert response.status_code == (302 if who == "mentor" else 403)


def test_mentor_logs_a_session_with_goal_agreement_and_private_note(client, world):
    plan = plan_for_placement(world.placement)
    goal = goal_save(
        plan=plan,
        data={
            "title": "Shape rolls",
            "success_measure": "50 per hour",
            "target_date": world.placement.end_date,
            "rationale": "",
        },
        by=world.mentor,
    )
    client.force_login(world.mentor)
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]),
        session_data(
            world,
            goals=[goal.pk],
            private_note="Seems tired on Mondays.",
            **{
                "items-0-description": "Practise weighing at home",
                "items-0-owner": world.learner.pk,
                "items-0-due_date": due,
            },
        ),
    )
    assert response.status_code == 302
    session = CoachingSession.objects.get()
    assert list(session.goals.all()) == [goal]
    item = session.action_items.get()
    assert (item.owner, item.is_open) == (world.learner, True)
    assert PrivateNote.objects.get().author == world.mentor

    timeline = client.get(reverse("mentoring_sessions", args=[world.placement.pk])).text
    assert "Practise weighing at home" in timeline
    assert "Seems tired on Mondays." in timeline


@pytest.mark.parametrize("who", ["learner", "supervisor", "coordinator", "staff"])
def test_private_note_is_never_shown_to_anyone_but_its_author(client, world, who):
    log(world, private_note="Seems tired on Mondays.")
    client.force_login(getattr(world, who))
    assert "Seems tired on Mondays." not in client.get(reverse("mentoring_sessions", args=[world.placement.pk])).text


def test_an_agreement_without_owner_or_due_date_is_refused_and_nothing_is_saved(client, world):
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]),
        session_data(world, **{"items-0-description": "Call the school"}),
    )
    assert response.status_code == 200
    assert "needs an owner and a due date" in response.text
    assert not CoachingSession.objects.exists()


def test_a_session_in_the_future_is_refused(client, world):
    client.force_login(world.mentor)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]), session_data(world, date=tomorrow)
    )
    assert "has not come yet" in response.text
    assert not CoachingSession.objects.exists()


def test_open_agreements_carry_forward_until_done(client, world):
    first = log(
        world,
        action_items=[{"description": "Bring safety shoes", "owner": world.learner, "due_date": timezone.localdate()}],
    )
    item = first.action_items.get()
    log(world)
    client.force_login(world.mentor)
    page = client.get(reverse("mentoring_session_new", args=[world.placement.pk]))
    assert "Bring safety shoes" in page.text  # offered to tick off in the next session
    assert client.get(reverse("dashboard")).text.count("Bring safety shoes") == 1

    client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]), session_data(world, completed_items=[item.pk])
    )
    item.refresh_from_db()
    assert item.done_at is not None
    assert "Bring safety shoes" not in client.get(reverse("dashboard")).text


def test_the_owner_ticks_off_their_own_agreement_but_another_learner_cannot(client, world):
    session = log(
        world,
        action_items=[{"description": "Read the HACCP card", "owner": world.learner, "due_date": timezone.localdate()}],
    )
    item = session.action_items.get()
    client.force_login(world.learner)
    assert client.post(reverse("mentoring_action_toggle", args=[world.placement.pk, item.pk])).status_code == 302
    item.refresh_from_db()
    assert item.done_by == world.learner
    client.force_login(world.other_learner)
    assert client.post(reverse("mentoring_action_toggle", args=[world.placement.pk, item.pk])).status_code == 404


def test_learner_adds_a_reflection_and_nobody_else_can(client, world):
    session = log(world)
    url = reverse("mentoring_session_reflect", args=[world.placement.pk, session.pk])
    client.force_login(world.mentor)
    assert client.post(url, {"text": "I learned a lot"}).status_code == 403
    client.force_login(world.learner)
    assert client.post(url, {"text": "I learned to plan my morning."}).status_code == 302
    session.refresh_from_db()
    assert session.learner_reflection == "I learned to plan my morning."


def test_a_refused_attachment_gets_a_clear_message_and_the_session_is_not_saved(client, world):
    client.force_login(world.mentor)
    fake_pdf = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    script = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(
        reverse("mentoring_session_new", args=[world.placement.pk]), session_data(world, attachments=[fake_pdf, script])
    )
    assert response.status_code == 200
    assert "does not look like a real .pdf file" in response.text
    assert "“tool.exe” is not accepted" in response.text
    assert not CoachingSession.objects.exists()


def test_an_accepted_attachment_can_be_downloaded_by_viewers_only(client, world):
    client.force_login(world.mentor)
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    client.post(reverse("mentoring_session_new", args=[world.placement.pk]), session_data(world, attachments=[pdf]))
    attachment = CoachingSession.objects.get().attachments.get()
    url = reverse("mentoring_attachment", args=[world.placement.pk, attachment.session_id, attachment.pk])
    client.force_login(world.learner)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(world.other_mentor)
    assert client.get(url).status_code == 404


def test_timeline_filters_by_goal_and_date(client, world):
    plan = plan_for_placement(world.placement)
    goal = goal_save(
        plan=plan,
        data={
            "title": "Hygiene",
            "success_measure": "Audit passed",
            "target_date": world.placement.end_date,
            "rationale": "",
        },
        by=world.mentor,
    )
    with_goal = log(world, goals=[goal])
    log(world)
    client.force_login(world.supervisor)
    response = client.get(reverse("mentoring_sessions", args=[world.placement.pk]), {"goal": goal.pk})
    assert [s.pk for s in response.context["page"].object_list] == [with_goal.pk]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.get(reverse("mentoring_sessions", args=[world.placement.pk]), {"date_from": tomorrow})
    assert list(response.context["page"].object_list) == []


def many_sessions(world, count):
    start = world.placement.start_date
    goal = goal_save(
        plan=plan_for_placement(world.placement),
        data={"title": "Goal", "success_measure": "m", "target_date": world.placement.end_date, "rationale": ""},
        by=world.mentor,
    )
    sessions = CoachingSession.objects.bulk_create(
        CoachingSession(
            placement=world.placement,
            date=start + timedelta(days=i % 30),
            duration_minutes=30,
            coached_by=world.mentor,
            activities=f"Session {i}",
            created_by=world.mentor,
        )
        for i in range(count)
    )
    CoachingSession.goals.through.objects.bulk_create(
        CoachingSession.goals.through(coachingsession_id=s.pk, learninggoal_id=goal.pk) for s in sessions
    )
    ActionItem.objects.bulk_create(
        ActionItem(placement=world.placement, session=s, description="x", owner=world.learner, due_date=start)
        for s in sessions[:200]
    )


def test_timeline_and_session_form_stay_within_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    many_sessions(world, 1000)
    client.force_login(world.mentor)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("mentoring_sessions", args=[world.placement.pk])).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("mentoring_sessions", args=[world.placement.pk]), {"page": 30}).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("mentoring_session_new", args=[world.placement.pk])).status_code == 200
