"""The course information goes to a participant once, when the enrolment is confirmed, through the worker."""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone

from registry.models import Enrolment
from tests.helpers import wait_for_mail

from .factories_courses import add_assignment, add_session, enrol, make_course


def planned_course(world):
    course = make_course(world, title="Werkmentortraining najaar", instructions="Test your headset beforehand.")
    first = add_session(course, days=20, title="Role of the mentor", location="Room 2.14", online_link="")
    second = add_session(course, days=34, title="Feedback and assessment")
    add_assignment(first, title="Describe your learner")
    add_assignment(second, title="Record a feedback conversation")
    return course, first, second


def amsterdam(moment, fmt="l j F Y, H:i"):
    return formats.date_format(timezone.localtime(moment, timezone.get_default_timezone()), fmt)


def test_confirming_sends_the_course_information_once(client, world, task_worker):
    course, first, second = planned_course(world)
    enrolment = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.REQUESTED)
    url = reverse("course_enrolment_confirm", args=[course.pk, enrolment.pk])
    client.force_login(world.company_admin)
    assert client.post(url).status_code == 302

    outbox = wait_for_mail(1)
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == [world.colleague_mentor.email]
    assert "Werkmentortraining najaar" in message.subject
    body = message.body
    for text in (
        "Role of the mentor",
        "Feedback and assessment",
        "Room 2.14",
        "https://meet.example/werkmentor",
        "Describe your learner",
        "Record a feedback conversation",
        "Test your headset beforehand.",
        world.supervisor.email,
        amsterdam(first.starts_at),
        amsterdam(second.assignments.get().due_at),
        settings.SITE_URL + reverse("course_detail", args=[course.pk]),
    ):
        assert text in body, text
    enrolment.refresh_from_db()
    sent_at = enrolment.information_sent_at
    assert sent_at is not None

    client.force_login(world.supervisor)
    assert client.post(url).status_code == 400  # already confirmed: nothing happens, nothing is sent
    assert len(wait_for_mail(2, timeout=1.5)) == 1
    enrolment.refresh_from_db()
    assert enrolment.information_sent_at == sent_at


def test_an_employer_enrolling_staff_sends_each_of_them_the_information(client, world, task_worker):
    course, _first, _second = planned_course(world)
    client.force_login(world.company_admin)
    data = {"who": "employees", "participants": [world.mentor.pk, world.colleague_mentor.pk]}
    assert client.post(reverse("course_enrol", args=[course.pk]), data).status_code == 302
    outbox = wait_for_mail(2)
    assert sorted(m.to[0] for m in outbox) == sorted([world.mentor.email, world.colleague_mentor.email])
    assert len(wait_for_mail(3, timeout=1.0)) == 2


def test_a_request_alone_sends_nothing(client, world, task_worker):
    course, _first, _second = planned_course(world)
    client.force_login(world.colleague_mentor)
    client.post(reverse("course_enrol", args=[course.pk]), {"who": "self", "company": world.company.pk})
    assert wait_for_mail(1, timeout=1.0) == []
    assert course.enrolments.get().information_sent_at is None
