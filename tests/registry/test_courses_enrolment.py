"""Enrolment rules: open courses only, no more than the places, once per person, the employer confirms."""

from django.urls import reverse

from registry.models import Course, Enrolment

from .factories_courses import enrol, make_course, more_mentors


def enrol_self(client, world, course, who="colleague_mentor"):
    client.force_login(getattr(world, who))
    return client.post(reverse("course_enrol", args=[course.pk]), {"who": "self", "company": world.company.pk})


def enrol_employees(client, world, course, people):
    client.force_login(world.company_admin)
    data = {"who": "employees", "participants": [p.pk for p in people]}
    return client.post(reverse("course_enrol", args=[course.pk]), data)


def test_a_mentor_who_enrols_waits_for_the_employer(client, world):
    course = make_course(world)
    response = enrol_self(client, world, course)
    assert response.status_code == 302
    enrolment = course.enrolments.get()
    assert enrolment.status == Enrolment.Status.REQUESTED
    assert enrolment.company == world.company
    assert enrolment.requested_by == world.colleague_mentor
    assert enrolment.confirmed_by is None
    page = client.get(reverse("course_detail", args=[course.pk])).text
    assert "Waiting for the employer" in page


def test_the_employer_sees_and_confirms_the_request(client, world):
    course = make_course(world)
    enrol_self(client, world, course)
    enrolment = course.enrolments.get()
    client.force_login(world.company_admin)
    page = client.get(reverse("course_detail", args=[course.pk])).text
    assert reverse("course_enrolment_confirm", args=[course.pk, enrolment.pk]) in page
    assert client.post(reverse("course_enrolment_confirm", args=[course.pk, enrolment.pk])).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
    assert enrolment.confirmed_by == world.company_admin
    assert enrolment.confirmed_at is not None


def test_the_employer_enrols_employees_who_are_confirmed_at_once(client, world):
    course = make_course(world)
    response = enrol_employees(client, world, course, [world.mentor, world.colleague_mentor])
    assert response.status_code == 302
    enrolments = list(course.enrolments.all())
    assert {e.participant for e in enrolments} == {world.mentor, world.colleague_mentor}
    for enrolment in enrolments:
        assert enrolment.status == Enrolment.Status.CONFIRMED
        assert enrolment.confirmed_by == world.company_admin
        assert enrolment.confirmed_at is not None
        assert enrolment.company == world.company


def test_the_employer_can_only_choose_their_own_work_mentors(client, world):
    course = make_course(world)
    client.force_login(world.company_admin)
    page = client.get(reverse("course_detail", args=[course.pk]))
    choices = set(page.context["employees_form"].fields["participants"].queryset)
    assert choices == {world.mentor, world.colleague_mentor}
    response = enrol_employees(client, world, course, [world.other_mentor])
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not course.enrolments.exists()


def test_enrolling_in_a_course_that_is_not_open_is_refused(client, world):
    course = make_course(world, status=Course.Status.RUNNING)
    # A running course is only seen by those who take part: give the mentor a way in.
    enrol(course, world.mentor, world.company)
    response = enrol_employees(client, world, course, [world.colleague_mentor])
    assert response.status_code == 400
    assert "not open for enrolment" in response.text
    assert course.enrolments.count() == 1


def test_a_full_course_refuses_more_enrolments(client, world):
    course = make_course(world, max_participants=1)
    assert enrol_self(client, world, course, who="mentor").status_code == 302
    response = enrol_self(client, world, course, who="colleague_mentor")
    assert response.status_code == 400
    assert "This course is full: all 1 places are taken." in response.text
    assert course.enrolments.count() == 1


def test_the_employer_cannot_enrol_more_people_than_there_are_places(client, world):
    course = make_course(world, max_participants=3)
    extra = more_mentors(world.company, 2)
    enrol(course, world.other_mentor, world.other_company, status=Enrolment.Status.REQUESTED)
    response = enrol_employees(client, world, course, [world.mentor, *extra])
    assert response.status_code == 400
    assert "Only 2 places are left" in response.text
    assert course.enrolments.count() == 1  # all or nothing


def test_withdrawn_enrolments_free_their_place(client, world):
    course = make_course(world, max_participants=1)
    enrol(course, world.other_mentor, world.other_company, status=Enrolment.Status.WITHDRAWN)
    assert enrol_self(client, world, course).status_code == 302


def test_enrolling_twice_is_refused(client, world):
    course = make_course(world)
    enrol(course, world.mentor, world.company, status=Enrolment.Status.REQUESTED)
    response = enrol_self(client, world, course, who="mentor")
    assert response.status_code == 400
    assert "is already enrolled in this course" in response.text
    assert course.enrolments.count() == 1


def test_someone_who_withdrew_can_enrol_again(client, world):
    course = make_course(world)
    earlier = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.WITHDRAWN)
    assert enrol_employees(client, world, course, [world.colleague_mentor]).status_code == 302
    earlier.refresh_from_db()
    assert earlier.status == Enrolment.Status.CONFIRMED
    assert course.enrolments.count() == 1


def test_the_participant_withdraws_and_the_place_is_freed(client, world):
    course = make_course(world, max_participants=1)
    enrolment = enrol(course, world.colleague_mentor, world.company)
    client.force_login(world.colleague_mentor)
    assert client.post(reverse("course_enrolment_withdraw", args=[course.pk, enrolment.pk])).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.WITHDRAWN
    assert enrol_self(client, world, course, who="mentor").status_code == 302


def test_withdrawing_twice_or_confirming_a_withdrawn_enrolment_says_why(client, world):
    course = make_course(world)
    enrolment = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.WITHDRAWN)
    client.force_login(world.company_admin)
    response = client.post(reverse("course_enrolment_withdraw", args=[course.pk, enrolment.pk]))
    assert response.status_code == 400
    assert "already been withdrawn" in response.text
    response = client.post(reverse("course_enrolment_confirm", args=[course.pk, enrolment.pk]))
    assert response.status_code == 400
    assert "was withdrawn" in response.text


def test_a_completed_enrolment_cannot_be_withdrawn(client, world):
    course = make_course(world, status=Course.Status.COMPLETED)
    enrolment = enrol(course, world.mentor, world.company, status=Enrolment.Status.COMPLETED)
    client.force_login(world.supervisor)
    response = client.post(reverse("course_enrolment_withdraw", args=[course.pk, enrolment.pk]))
    assert response.status_code == 400
    assert "has completed the course" in response.text


def test_the_teacher_may_confirm_too(client, world):
    course = make_course(world)
    enrolment = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.REQUESTED)
    client.force_login(world.supervisor)
    assert client.post(reverse("course_enrolment_confirm", args=[course.pk, enrolment.pk])).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
    assert enrolment.confirmed_by == world.supervisor


def test_the_participant_cannot_confirm_their_own_enrolment(client, world):
    course = make_course(world)
    enrolment = enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.REQUESTED)
    client.force_login(world.colleague_mentor)
    response = client.post(reverse("course_enrolment_confirm", args=[course.pk, enrolment.pk]))
    assert response.status_code == 403
    assert "The employer confirms" in response.text


def test_the_list_shows_mentors_open_courses_and_the_ones_they_take_part_in(client, world):
    make_course(world, title="Open for all")
    taken = make_course(world, title="Running with me", status=Course.Status.RUNNING)
    enrol(taken, world.mentor, world.company)
    make_course(world, title="A draft", status=Course.Status.DRAFT)
    client.force_login(world.mentor)
    response = client.get(reverse("course_list"))
    assert [c.title for c in response.context["open_courses"]] == ["Open for all"]
    assert [c.title for c in response.context["my_courses"]] == ["Running with me"]
    assert "A draft" not in response.text
    assert "Courses you take part in" in response.text


def test_the_school_filters_its_courses_by_status(client, world):
    make_course(world, title="Open for all")
    make_course(world, title="A draft", status=Course.Status.DRAFT)
    make_course(world, title="Elsewhere", school=world.other_school, teacher=world.other_teacher)
    client.force_login(world.coordinator)
    response = client.get(reverse("course_list"))
    assert {c.title for c in response.context["courses"]} == {"Open for all", "A draft"}
    response = client.get(reverse("course_list"), {"status": "draft"})
    assert [c.title for c in response.context["courses"]] == ["A draft"]


def test_a_mentor_who_withdrew_sees_the_enrol_button_again(client, world):
    course = make_course(world)
    enrol(course, world.colleague_mentor, world.company, status=Enrolment.Status.WITHDRAWN)
    client.force_login(world.colleague_mentor)
    page = client.get(reverse("course_detail", args=[course.pk]))
    assert page.context["self_form"] is not None
    assert "Enrol myself" in page.text
    assert enrol_self(client, world, course).status_code == 302
    assert "Enrol myself" not in client.get(reverse("course_detail", args=[course.pk])).text
