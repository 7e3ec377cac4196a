"""The course pages cost the same number of queries with 3 or 40 participants."""

import pytest
from django.urls import reverse

from accounts.models import Role
from registry.models import Submission
from tests.factories import person

from .factories_courses import attend, enrol, make_course, running_course, submit


def add_participants(world, setup, count, start=0):
    for index in range(start, start + count):
        mentor = person(Role.MENTOR, world.company, email=f"participant{index}@example.org")
        enrolment = enrol(setup.course, mentor, world.company)
        attend(setup.sessions[0], enrolment, by=world.supervisor)
        submit(setup.assignments[0], enrolment, status=Submission.Status.ACCEPTED)
        submit(setup.assignments[1], enrolment)


@pytest.mark.parametrize("who", ["supervisor", "company_admin", "mentor"])
def test_course_detail_queries_do_not_grow_with_participants(client, world, who, django_assert_max_num_queries):
    setup = running_course(world, past=True)
    add_participants(world, setup, 2)
    client.force_login(getattr(world, who))
    url = reverse("course_detail", args=[setup.course.pk])
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    add_participants(world, setup, 37, start=2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    if who != "mentor":
        assert len(response.context["enrolments"]) == 40


def test_the_teacher_sees_every_participants_progress(client, world):
    setup = running_course(world, past=True)
    add_participants(world, setup, 3)
    client.force_login(world.supervisor)
    response = client.get(reverse("course_detail", args=[setup.course.pk]))
    progress = [e.progress for e in response.context["enrolments"] if e.participant.email.startswith("participant")]
    assert all(p["sessions_attended"] == 1 and p["assignments_accepted"] == 1 for p in progress)
    assert "absent from session 2 (Feedback and assessment)" in response.text


@pytest.mark.parametrize("who", ["supervisor", "mentor", "company_admin"])
def test_course_list_queries_do_not_grow_with_courses(client, world, who, django_assert_max_num_queries):
    def add(count):
        for _index in range(count):
            setup = running_course(world)
            make_course(world)
            add_participants(world, setup, 1, start=setup.course.pk * 10)

    add(2)
    client.force_login(getattr(world, who))
    with django_assert_max_num_queries(5) as small:
        assert client.get(reverse("course_list")).status_code == 200
    add(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("course_list")).status_code == 200
