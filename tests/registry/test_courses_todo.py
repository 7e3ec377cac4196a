"""The to-do selectors the dashboard shows: each person's next step in the mentor courses."""

from accounts.models import Role
from accounts.selectors import forget_roles
from registry.courses.selectors import (
    assignments_to_hand_in,
    enrolments_awaiting_confirmation,
    evaluations_to_fill_in,
    shows_courses_menu,
    submissions_to_review,
)
from registry.models import Enrolment, Submission
from tests.factories import grant

from .factories_courses import enrol, evaluate, make_course, running_course, submit


def test_company_admins_see_requests_of_their_own_staff_only(world):
    course = make_course(world)
    waiting = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.REQUESTED)
    enrol(course, world.mentor, world.company)
    enrol(course, world.other_mentor, world.other_company, status=Enrolment.Status.REQUESTED)
    assert list(enrolments_awaiting_confirmation(world.company_admin)) == [waiting]
    assert list(enrolments_awaiting_confirmation(world.mentor)) == []


def test_teachers_see_work_waiting_for_their_review(world):
    setup = running_course(world)
    waiting = submit(setup.assignments[0], setup.enrolment)
    submit(setup.assignments[1], setup.enrolment, status=Submission.Status.ACCEPTED)
    assert list(submissions_to_review(world.supervisor)) == [waiting]
    assert list(submissions_to_review(world.other_teacher)) == []


def test_participants_see_assignments_still_to_hand_in_and_work_sent_back(world):
    setup = running_course(world)
    submit(setup.assignments[0], setup.enrolment, status=Submission.Status.REWORK)
    assert list(assignments_to_hand_in(world.mentor)) == setup.assignments
    Submission.objects.update(status=Submission.Status.SUBMITTED)
    assert list(assignments_to_hand_in(world.mentor)) == [setup.assignments[1]]
    assert list(assignments_to_hand_in(world.colleague_mentor)) == []


def test_participants_are_asked_to_evaluate_once_the_course_has_ended(world):
    running_course(world)  # its sessions are still to come
    past = running_course(world, past=True, title="Done")
    assert [e.course for e in evaluations_to_fill_in(world.mentor)] == [past.course]
    evaluate(past.enrolment)
    assert list(evaluations_to_fill_in(world.mentor)) == []


def test_the_courses_menu_is_for_school_staff_mentors_and_employers(world):
    assert shows_courses_menu(world.supervisor)
    assert shows_courses_menu(world.mentor)
    assert shows_courses_menu(world.company_admin)
    assert shows_courses_menu(world.staff)
    assert not shows_courses_menu(world.learner)
    assert not shows_courses_menu(world.nobody)
    grant(world.learner, Role.MENTOR, world.company)
    forget_roles(world.learner)
    assert shows_courses_menu(world.learner)
