"""Planning a course: the course form, sessions in Dutch time, assignments due before their session."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from registry.models import Assignment, Course
from tests.factories import grant

from .factories_courses import add_assignment, add_session, make_course
from .test_courses_access import course_data, session_data

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_teacher_of_one_school_gets_it_chosen_and_is_the_teacher_by_default(client, world):
    client.force_login(world.supervisor)
    form = client.get(reverse("course_new")).context["form"]
    assert form.fields["school"].widget.is_hidden
    assert form.fields["school"].initial == world.school.pk
    assert form.fields["teacher"].initial == world.supervisor.pk
    assert set(form.fields["teacher"].queryset) == {world.supervisor, world.colleague_teacher}


def test_someone_at_two_schools_chooses_the_school(client, world):
    grant(world.supervisor, Role.COORDINATOR, world.other_school)
    client.force_login(world.supervisor)
    form = client.get(reverse("course_new")).context["form"]
    assert not form.fields["school"].widget.is_hidden
    assert set(form.fields["school"].queryset) == {world.school, world.other_school}


def test_the_teacher_must_teach_at_the_courses_school(client, world):
    grant(world.supervisor, Role.COORDINATOR, world.other_school)
    client.force_login(world.supervisor)
    response = client.post(reverse("course_new"), course_data(world, school=world.other_school.pk))
    assert response.status_code == 200
    assert "Choose a teacher of Noordkust College." in response.text
    assert not Course.objects.exists()


def test_a_session_is_saved_in_dutch_time_and_shown_so(client, world):
    course = make_course(world)
    client.force_login(world.supervisor)
    data = session_data(starts_at="2031-03-30T19:00", ends_at="2031-03-30T21:00", location="Room 2.14")
    assert client.post(reverse("course_session_new", args=[course.pk]), data).status_code == 302
    session = course.sessions.get()
    assert session.starts_at == datetime(2031, 3, 30, 19, 0, tzinfo=AMSTERDAM)
    page = client.get(reverse("course_detail", args=[course.pk])).text
    assert "Sunday 30 March 2031, 19:00–21:00" in page
    assert "Room 2.14" in page
    assert "https://meet.example/abc" in page


def test_a_session_needs_a_place_or_a_link_and_must_end_after_it_starts(client, world):
    course = make_course(world)
    client.force_login(world.supervisor)
    url = reverse("course_session_new", args=[course.pk])
    response = client.post(url, session_data(online_link="", location=""))
    assert "Give the place, the online link, or both." in response.text
    response = client.post(url, session_data(ends_at=session_data()["starts_at"]))
    assert "A session must end after it starts." in response.text
    assert not course.sessions.exists()


def test_an_assignment_due_after_its_session_starts_is_refused(client, world):
    course = make_course(world)
    session = add_session(course, days=10)
    client.force_login(world.supervisor)
    data = {
        "session": session.pk,
        "title": "Too late",
        "instructions": "…",
        "due_at": local(session.starts_at + timedelta(hours=1)),
    }
    response = client.post(reverse("course_assignment_new", args=[course.pk]), data)
    assert response.status_code == 200
    start = timezone.localtime(session.starts_at).strftime("%-d %B %Y %H:%M")
    assert f"the due time must be before the session starts ({start})" in response.text
    assert not Assignment.objects.exists()
    data["due_at"] = local(session.starts_at - timedelta(days=2))
    assert client.post(reverse("course_assignment_new", args=[course.pk]), data).status_code == 302


def test_an_assignment_can_only_be_for_a_session_of_this_course(client, world):
    course = make_course(world)
    add_session(course, days=10)
    elsewhere = add_session(make_course(world, title="Another"), days=10)
    client.force_login(world.supervisor)
    data = {"session": elsewhere.pk, "title": "X", "instructions": "…", "due_at": local(elsewhere.starts_at)}
    response = client.post(reverse("course_assignment_new", args=[course.pk]), data)
    assert "Select a valid choice" in response.text
    assert not Assignment.objects.exists()


def test_a_session_cannot_move_before_an_assignment_is_due(client, world):
    course = make_course(world)
    session = add_session(course, days=10, title="First")
    assignment = add_assignment(session, due_days_before=2)
    client.force_login(world.supervisor)
    earlier = session.starts_at - timedelta(days=3)
    data = session_data(title="First", starts_at=local(earlier), ends_at=local(earlier + timedelta(hours=2)))
    response = client.post(reverse("course_session_edit", args=[course.pk, session.pk]), data)
    assert response.status_code == 200
    assert f"“{assignment.title}” is due" in response.text
    session.refresh_from_db()
    assert session.starts_at > earlier


def test_adding_an_assignment_without_sessions_says_to_plan_one_first(client, world):
    course = make_course(world)
    client.force_login(world.supervisor)
    response = client.get(reverse("course_assignment_new", args=[course.pk]), follow=True)
    assert "Add a session first" in response.text
