"""Who may see and do what in a mentor course: every endpoint, every role of the cast.

The course is run by world.school (teacher: world.supervisor); world.mentor takes part, with world.company
(admin: world.company_admin) as employer. Outsiders get 404, insiders without the right 403.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from registry.models import Attendance, Course, CourseSession, Enrolment, Evaluation, Submission
from tests.cast import EVERYONE

from .factories_courses import enrol, make_course, running_course, submit

MANAGERS = {"supervisor", "colleague_teacher", "coordinator", "staff"}
VIEWERS = MANAGERS | {"mentor", "company_admin"}  # of a course that is not open
CREATORS = MANAGERS | {"other_teacher", "other_coordinator"}
# An open course is also seen by every work mentor and company admin.
OPEN_VIEWERS = MANAGERS | {"mentor", "colleague_mentor", "other_mentor", "company_admin", "other_company_admin"}


def expected(who, allowed, seen=VIEWERS, ok=200):
    if who in allowed:
        return ok
    return 403 if who in seen else 404


def login(client, world, who):
    client.force_login(getattr(world, who))


def session_data(**overrides):
    start = timezone.localtime() + timedelta(days=30)
    data = {
        "title": "Coaching conversations",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "location": "",
        "online_link": "https://meet.example/abc",
    }
    return {**data, **overrides}


def course_data(world, **overrides):
    data = {
        "school": world.school.pk,
        "teacher": world.supervisor.pk,
        "title": "Werkmentortraining najaar",
        "description": "Two online sessions.",
        "instructions": "Hand in the assignments before each session.",
        "format": "online",
        "max_participants": 12,
        "status": "open",
    }
    return {**data, **overrides}


# --- list, create, edit, detail -----------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_course_list_shows_a_running_course_only_to_those_who_see_it(client, world, who):
    running_course(world, title="Spring course")
    login(client, world, who)
    response = client.get(reverse("course_list"))
    assert response.status_code == 200
    assert ("Spring course" in response.text) == (who in VIEWERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_course_list_shows_an_open_course_to_mentors_admins_and_the_school(client, world, who):
    make_course(world, title="Open autumn course")
    login(client, world, who)
    response = client.get(reverse("course_list"))
    assert response.status_code == 200
    assert ("Open autumn course" in response.text) == (who in OPEN_VIEWERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_new_course_page_is_for_teachers_and_coordinators(client, world, who):
    login(client, world, who)
    response = client.get(reverse("course_new"))
    assert response.status_code == (200 if who in CREATORS else 403)


@pytest.mark.parametrize("who", sorted(CREATORS))
def test_teachers_and_coordinators_add_courses_for_their_own_school(client, world, who):
    login(client, world, who)
    school = world.other_school if who.startswith("other_") else world.school
    teacher = world.other_teacher if who.startswith("other_") else world.supervisor
    response = client.post(reverse("course_new"), course_data(world, school=school.pk, teacher=teacher.pk))
    assert response.status_code == 302
    assert Course.objects.get().school == school


def test_a_teacher_cannot_add_a_course_for_another_school(client, world):
    login(client, world, "other_teacher")
    response = client.post(reverse("course_new"), course_data(world))
    assert response.status_code == 200
    assert not Course.objects.exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_edit_course_is_for_the_schools_staff(client, world, who):
    course = running_course(world).course
    login(client, world, who)
    url = reverse("course_edit", args=[course.pk])
    assert client.get(url).status_code == expected(who, MANAGERS)
    response = client.post(url, course_data(world, title="Renamed"))
    assert response.status_code == expected(who, MANAGERS, ok=302)
    course.refresh_from_db()
    assert (course.title == "Renamed") == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_course_detail_is_for_those_who_see_the_course(client, world, who):
    course = running_course(world).course
    login(client, world, who)
    assert client.get(reverse("course_detail", args=[course.pk])).status_code == expected(who, VIEWERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_open_course_detail_is_seen_by_every_mentor_and_company_admin(client, world, who):
    course = make_course(world)
    login(client, world, who)
    response = client.get(reverse("course_detail", args=[course.pk]))
    assert response.status_code == (200 if who in OPEN_VIEWERS else 404)


# --- sessions and assignments -------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_adding_a_session_is_for_the_schools_staff(client, world, who):
    course = running_course(world).course
    login(client, world, who)
    url = reverse("course_session_new", args=[course.pk])
    assert client.get(url).status_code == expected(who, MANAGERS)
    assert client.post(url, session_data()).status_code == expected(who, MANAGERS, ok=302)
    assert CourseSession.objects.filter(course=course).count() == (3 if who in MANAGERS else 2)


@pytest.mark.parametrize("who", EVERYONE)
def test_editing_a_session_is_for_the_schools_staff(client, world, who):
    setup = running_course(world)
    session = setup.sessions[1]
    login(client, world, who)
    url = reverse("course_session_edit", args=[setup.course.pk, session.pk])
    assert client.get(url).status_code == expected(who, MANAGERS)
    response = client.post(url, session_data(title="Moved", location="Room 2.14"))
    assert response.status_code == expected(who, MANAGERS, ok=302)
    session.refresh_from_db()
    assert (session.title == "Moved") == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_adding_an_assignment_is_for_the_schools_staff(client, world, who):
    setup = running_course(world)
    session = setup.sessions[1]
    login(client, world, who)
    url = reverse("course_assignment_new", args=[setup.course.pk])
    assert client.get(url).status_code == expected(who, MANAGERS)
    due = timezone.localtime(session.starts_at - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    data = {"session": session.pk, "title": "Read the guide", "instructions": "Chapter 2", "due_at": due}
    assert client.post(url, data).status_code == expected(who, MANAGERS, ok=302)
    assert session.assignments.filter(title="Read the guide").exists() == (who in MANAGERS)


# --- enrolment ----------------------------------------------------------------------------------------


def enrol_data(world, who):
    if who == "company_admin":
        return {"who": "employees", "participants": [world.colleague_mentor.pk]}
    if who == "other_company_admin":
        return {"who": "employees", "participants": [world.other_mentor.pk]}
    return {"who": "self", "company": ""}


@pytest.mark.parametrize("who", EVERYONE)
def test_enrolling_is_for_work_mentors_and_their_employers(client, world, who):
    course = make_course(world)
    login(client, world, who)
    data = enrol_data(world, who)
    if data["who"] == "self" and who.endswith("mentor"):
        data["company"] = (world.other_company if who == "other_mentor" else world.company).pk
    enrollers = {"mentor", "colleague_mentor", "other_mentor", "company_admin", "other_company_admin"}
    response = client.post(reverse("course_enrol", args=[course.pk]), data)
    assert response.status_code == expected(who, enrollers, seen=OPEN_VIEWERS, ok=302)
    assert course.enrolments.exists() == (who in enrollers)


@pytest.mark.parametrize("who", EVERYONE)
def test_confirming_is_for_the_employer_and_the_school(client, world, who):
    course = make_course(world)
    enrolment = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.REQUESTED)
    login(client, world, who)
    allowed = {"company_admin"} | MANAGERS
    response = client.post(reverse("course_enrolment_confirm", args=[course.pk, enrolment.pk]))
    assert response.status_code == expected(who, allowed, seen=allowed | {"colleague_mentor"}, ok=302)
    enrolment.refresh_from_db()
    assert (enrolment.status == Enrolment.Status.CONFIRMED) == (who in allowed)


@pytest.mark.parametrize("who", EVERYONE)
def test_withdrawing_is_for_the_participant_the_employer_and_the_school(client, world, who):
    course = make_course(world)
    enrolment = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.REQUESTED)
    login(client, world, who)
    allowed = {"colleague_mentor", "company_admin"} | MANAGERS
    response = client.post(reverse("course_enrolment_withdraw", args=[course.pk, enrolment.pk]))
    assert response.status_code == expected(who, allowed, seen=allowed, ok=302)
    enrolment.refresh_from_db()
    assert (enrolment.status == Enrolment.Status.WITHDRAWN) == (who in allowed)


# --- work ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_handing_in_work_is_for_the_participant(client, world, who):
    setup = running_course(world)
    assignment = setup.assignments[0]
    login(client, world, who)
    url = reverse("course_submission", args=[setup.course.pk, assignment.pk])
    assert client.get(url).status_code == expected(who, {"mentor"})
    assert client.post(url, {"text": "My learner"}).status_code == expected(who, {"mentor"}, ok=302)
    assert Submission.objects.filter(assignment=assignment).exists() == (who == "mentor")


@pytest.mark.parametrize("who", EVERYONE)
def test_handed_in_work_overview_is_for_the_schools_staff(client, world, who):
    setup = running_course(world)
    submit(setup.assignments[0], setup.enrolment, text="About Daan")
    login(client, world, who)
    response = client.get(reverse("course_assignment_submissions", args=[setup.course.pk, setup.assignments[0].pk]))
    assert response.status_code == expected(who, MANAGERS)
    if response.status_code == 200:
        assert "About Daan" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_reviewing_work_is_for_the_schools_staff(client, world, who):
    setup = running_course(world)
    submission = submit(setup.assignments[0], setup.enrolment)
    login(client, world, who)
    url = reverse("course_submission_review", args=[setup.course.pk, submission.pk])
    response = client.post(url, {"decision": "accept", "feedback": ""})
    assert response.status_code == expected(who, MANAGERS, ok=302)
    submission.refresh_from_db()
    assert (submission.status == Submission.Status.ACCEPTED) == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_a_handed_in_file_is_opened_by_the_participant_and_the_school_only(client, world, who):
    setup = running_course(world)
    upload = SimpleUploadedFile("learner.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    submission = submit(setup.assignments[0], setup.enrolment, file=upload)
    login(client, world, who)
    response = client.get(reverse("course_submission_file", args=[setup.course.pk, submission.pk]))
    assert response.status_code == expected(who, MANAGERS | {"mentor"})
    if response.status_code == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("who", EVERYONE)
def test_attendance_is_kept_by_the_schools_staff(client, world, who):
    setup = running_course(world, past=True)
    session = setup.sessions[0]
    login(client, world, who)
    url = reverse("course_attendance", args=[setup.course.pk, session.pk])
    assert client.get(url).status_code == expected(who, MANAGERS)
    response = client.post(url, {f"present_{setup.enrolment.pk}": "on"})
    assert response.status_code == expected(who, MANAGERS, ok=302)
    assert Attendance.objects.filter(session=session, present=True).exists() == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_marking_completion_is_for_the_schools_staff(client, world, who):
    setup = running_course(world, past=True)
    login(client, world, who)
    response = client.post(reverse("course_complete", args=[setup.course.pk]))
    assert response.status_code == expected(who, MANAGERS, ok=302)


@pytest.mark.parametrize("who", EVERYONE)
def test_the_evaluation_is_for_the_participant(client, world, who):
    setup = running_course(world, past=True)
    login(client, world, who)
    url = reverse("course_evaluation", args=[setup.course.pk])
    assert client.get(url).status_code == expected(who, {"mentor"})
    data = {"content_rating": 4, "teacher_rating": 5, "organisation_rating": 3, "usefulness_rating": 4}
    assert client.post(url, data).status_code == expected(who, {"mentor"}, ok=302)
    assert Evaluation.objects.exists() == (who == "mentor")


@pytest.mark.parametrize("who", EVERYONE)
def test_the_evaluation_summary_is_for_the_schools_staff(client, world, who):
    setup = running_course(world, past=True)
    login(client, world, who)
    response = client.get(reverse("course_evaluation_summary", args=[setup.course.pk]))
    assert response.status_code == expected(who, MANAGERS)
