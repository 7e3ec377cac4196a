"""Small builders for mentor-course tests, around the `world` cast (tests/conftest.py)."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from accounts.models import Role
from registry.models import Assignment, Attendance, Course, CourseSession, Enrolment, Evaluation, Submission
from tests.factories import person


def make_course(world, **kwargs) -> Course:
    kwargs.setdefault("title", "Werkmentortraining")
    kwargs.setdefault("status", Course.Status.OPEN)
    kwargs.setdefault("instructions", "Join ten minutes early and test your camera.")
    return Course.objects.create(
        school=kwargs.pop("school", world.school), teacher=kwargs.pop("teacher", world.supervisor), **kwargs
    )


def add_session(course, *, days: float, title=None, hours=2, **kwargs) -> CourseSession:
    """A session starting `days` from now (negative: in the past)."""
    starts = timezone.now() + timedelta(days=days)
    kwargs.setdefault("online_link", "https://meet.example/werkmentor")
    return CourseSession.objects.create(
        course=course,
        title=title or f"Session {course.sessions.count() + 1}",
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        **kwargs,
    )


def add_assignment(session, *, title="Describe your learner", due_days_before=2, **kwargs) -> Assignment:
    kwargs.setdefault("instructions", "One page about your learner and their goals.")
    return Assignment.objects.create(
        session=session, title=title, due_at=session.starts_at - timedelta(days=due_days_before), **kwargs
    )


def enrol(course, participant, company, *, status=Enrolment.Status.CONFIRMED, by=None) -> Enrolment:
    confirmed = status in (Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED)
    return Enrolment.objects.create(
        course=course,
        participant=participant,
        company=company,
        status=status,
        requested_by=by or participant,
        confirmed_by=by if confirmed else None,
        confirmed_at=timezone.now() if confirmed else None,
    )


def submit(assignment, enrolment, *, status=Submission.Status.SUBMITTED, text="My answer", **kwargs) -> Submission:
    kwargs.setdefault("submitted_at", timezone.now())
    return Submission.objects.create(assignment=assignment, enrolment=enrolment, status=status, text=text, **kwargs)


def attend(session, enrolment, *, present=True, by) -> Attendance:
    return Attendance.objects.create(session=session, enrolment=enrolment, present=present, recorded_by=by)


def evaluate(enrolment, *, ratings=(4, 4, 4, 4), best="", improve="") -> Evaluation:
    content, teacher, organisation, usefulness = ratings
    return Evaluation.objects.create(
        enrolment=enrolment,
        content_rating=content,
        teacher_rating=teacher,
        organisation_rating=organisation,
        usefulness_rating=usefulness,
        best=best,
        improve=improve,
    )


def running_course(world, *, past=False, **kwargs) -> SimpleNamespace:
    """A (not open) course of the world's school with two sessions and an assignment before each,
    in which world.mentor takes part (confirmed, employer: world.company).

    past=True puts both sessions behind us (so attendance and the evaluation are possible).
    """
    kwargs.setdefault("status", Course.Status.RUNNING)
    course = make_course(world, **kwargs)
    first = add_session(course, days=-20 if past else 10, title="Role of the mentor")
    second = add_session(course, days=-10 if past else 20, title="Feedback and assessment")
    one = add_assignment(first, title="Describe your learner")
    two = add_assignment(second, title="Record a feedback conversation")
    enrolment = enrol(course, world.mentor, world.company, by=world.company_admin)
    return SimpleNamespace(course=course, sessions=[first, second], assignments=[one, two], enrolment=enrolment)


def more_mentors(company, count):
    return [person(Role.MENTOR, company, email=f"mentor{index}@extra.example") for index in range(count)]
