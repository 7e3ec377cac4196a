"""Courses reach the employers (seed 002): the public catalogue, a teacher's invitation link with which an
employer's contact enrols employees, closed cohorts for one company with nominations, and the employer's view.

The course is world.school's (teacher: world.supervisor); world.company's contact enrols through the link.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.invitations.models import Invitation
from accounts.models import Role, User
from core.outbox.models import OutboxEntry
from registry.courses.services import course_save, enrolment_request
from registry.employers.tasks import send_employer_invitation
from registry.models import Course, EmployerInvitation, Enrolment, QualificationNomination
from tests.cast import EVERYONE

from .factories_courses import add_assignment, add_session, attend, enrol, make_course, submit
from .factories_employers import make_invitation

MANAGERS = {"supervisor", "colleague_teacher", "coordinator", "staff"}
SEE_OPEN_COURSES = {"mentor", "colleague_mentor", "other_mentor", "company_admin", "other_company_admin"}


def enrol_url(token):
    return reverse("course_employer_enrol", args=[token])


def lines(*people):
    return {"employees": "\n".join(people)}


# --- the public catalogue -----------------------------------------------------------------------------


def test_catalogue_shows_open_courses_without_log_in_and_hides_closed_cohorts(
    client, world, django_assert_max_num_queries
):
    course = make_course(
        world, title="Werkmentortraining voorjaar", format=Course.Format.FACE_TO_FACE, max_participants=3
    )
    add_session(course, days=12, title="Rol van de mentor", location="Lokaal 2.14", online_link="")
    enrol(course, world.mentor, world.company)
    make_course(world, title="Managers track", closed_for=world.other_company)
    make_course(world, title="Concept", status=Course.Status.DRAFT)
    make_course(world, title="Elsewhere", school=world.other_school, teacher=world.other_teacher)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("course_catalogue", args=[world.school.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Werkmentortraining voorjaar" in text
    assert "2 of 3 places left" in text
    assert "Face to face" in text and "Lokaal 2.14" in text
    assert "http://testserver/courses/catalogue/" in text  # the share link
    for hidden in ("Managers track", "Concept", "Elsewhere"):
        assert hidden not in text


def test_catalogue_by_slug_or_404(client, world):
    for key, status in [("rijnland-vakcollege", 200), ("987654321", 404), ("nope", 404), ("%00", 404)]:
        assert client.get(reverse("course_catalogue", args=[key])).status_code == status, key


def test_closed_cohort_is_seen_and_joined_only_by_its_company(client, world):
    course = make_course(world, title="Managers track", closed_for=world.company)
    detail = reverse("course_detail", args=[course.pk])
    for who in EVERYONE:
        client.force_login(getattr(world, who))
        seen = who in MANAGERS or who in {"mentor", "colleague_mentor", "company_admin"}
        assert client.get(detail).status_code == (200 if seen else 404), who
    client.force_login(world.other_mentor)
    assert client.post(reverse("course_enrol", args=[course.pk])).status_code == 404
    assert not course.enrolments.exists()


# --- the teacher invites an employer's contact --------------------------------------------------------


def test_who_may_invite_employers(client, world):
    url = reverse("course_employer_invitations", args=[make_course(world).pk])
    for who in EVERYONE:
        client.force_login(getattr(world, who))
        expected = 200 if who in MANAGERS else 403 if who in SEE_OPEN_COURSES else 404
        assert client.get(url).status_code == expected, who


def test_teacher_sends_an_invitation_through_the_outbox(client, world, mailoutbox):
    course = make_course(world, title="Werkmentortraining najaar")
    client.force_login(world.supervisor)
    url = reverse("course_employer_invitations", args=[course.pk])
    data = {"company": world.company.pk, "contact_name": "Petra Smit", "contact_email": "HR@Korenschoof.example",
            "language": "en", "message": "Two of your bakers would fit."}  # fmt: skip
    assert client.post(url, data).status_code == 302
    invitation = EmployerInvitation.objects.get()
    assert invitation.contact_email == "hr@korenschoof.example"
    entry = OutboxEntry.objects.get(task_name="registry.employers.send_employer_invitation")
    send_employer_invitation(*entry.args)
    (message,) = mailoutbox
    assert message.to == ["hr@korenschoof.example"]
    assert "Werkmentortraining najaar" in message.subject
    assert "Two of your bakers would fit." in message.body
    token = message.body.split("/courses/enrol/")[1].split("/")[0]
    assert client.get(enrol_url(token)).status_code == 200


def test_teacher_of_another_school_gets_404_and_closed_cohort_takes_only_its_company(client, world):
    course = make_course(world, closed_for=world.company)
    client.force_login(world.other_teacher)
    assert client.get(reverse("course_employer_invitations", args=[course.pk])).status_code == 404
    client.force_login(world.supervisor)
    data = {"company": world.other_company.pk, "contact_name": "X", "contact_email": "x@example.org", "language": "nl"}
    assert client.post(reverse("course_employer_invitations", args=[course.pk]), data).status_code == 400
    assert not EmployerInvitation.objects.exists()


def test_revoked_and_expired_links_say_so(client, world):
    course = make_course(world)
    revoked, revoked_token = make_invitation(course, world.company, by=world.supervisor)
    _expired, expired_token = make_invitation(course, world.company, by=world.supervisor, days=-1)
    client.force_login(world.supervisor)
    revoke = reverse("course_employer_invitation_revoke", args=[course.pk, revoked.pk])
    assert client.post(revoke).status_code == 302
    client.logout()
    response = client.get(enrol_url(revoked_token))
    assert response.status_code == 410
    assert "withdrawn this invitation" in response.content.decode()
    response = client.post(enrol_url(expired_token), lines("Sanne Bakker, sanne@example.org"))
    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()
    assert client.get(enrol_url("not-a-token")).status_code == 404
    assert not User.objects.filter(email="sanne@example.org").exists()


# --- the contact enrols employees ---------------------------------------------------------------------


def test_contact_enrols_employees_idempotently_by_email(client, world):
    course = make_course(world, max_participants=5)
    invitation, token = make_invitation(course, world.company, by=world.supervisor)
    sent = lines(
        "Sanne Bakker, Sanne@Example.org", "Marieke de Vries <MENTOR@example.org>", "S. Bakker, sanne@example.org"
    )
    assert client.post(enrol_url(token), sent).status_code == 302
    sanne = User.objects.get(email="sanne@example.org")
    assert (sanne.first_name, sanne.last_name, sanne.has_usable_password()) == ("Sanne", "Bakker", False)
    assert sanne.memberships.filter(role=Role.MENTOR, company=world.company).exists()
    assert Invitation.objects.filter(email="sanne@example.org", accepted_at__isnull=True).count() == 1
    assert set(course.enrolments.values_list("participant__email", "status")) == {
        ("sanne@example.org", Enrolment.Status.CONFIRMED),
        ("mentor@example.org", Enrolment.Status.CONFIRMED),
    }
    response = client.post(enrol_url(token), sent, follow=True)
    assert "were enrolled already; nothing changed" in response.content.decode()
    assert course.enrolments.count() == 2
    assert User.objects.filter(email__iexact="sanne@example.org").count() == 1
    assert invitation.company.pk == world.company.pk


def test_place_limit_holds_and_nobody_is_half_enrolled(client, world):
    course = make_course(world, max_participants=2)
    enrol(course, world.other_mentor, world.other_company)
    _invitation, token = make_invitation(course, world.company, by=world.supervisor)
    response = client.post(enrol_url(token), lines("Ann Smit, ann@example.org", "Bo Smit, bo@example.org"))
    assert response.status_code == 400
    assert "Only 1 place is left" in response.content.decode()
    assert not User.objects.filter(email__in=["ann@example.org", "bo@example.org"]).exists()
    assert client.post(enrol_url(token), lines("Ann Smit, ann@example.org")).status_code == 302
    assert course.enrolments.count() == 2


def test_unreadable_lines_are_a_form_message(client, world):
    _invitation, token = make_invitation(make_course(world), world.company, by=world.supervisor)
    for text in ["", "no address here", "Ann, not-an-email", "ann@example.org", "x" * 30 + "@" + "y" * 250 + ".nl"]:
        response = client.post(enrol_url(token), {"employees": text})
        assert response.status_code == 400, text
    assert not Enrolment.objects.exists()


# --- closed cohort: nominations, and the employer's view ----------------------------------------------


def manager_track(world):
    course = make_course(world, title="Managers als mentor", closed_for=world.company, status=Course.Status.RUNNING,
                         qualification="Erkende kwalificatie mentorschap")  # fmt: skip
    workshops = [add_session(course, days=-180 + 30 * n, title=f"Workshop {n + 1}") for n in range(6)]
    assignment = add_assignment(workshops[0])
    done = enrol(course, world.mentor, world.company, status=Enrolment.Status.COMPLETED)
    busy = enrol(course, world.colleague_mentor, world.company)
    for workshop in workshops:
        attend(workshop, done, by=world.supervisor)
    attend(workshops[0], busy, by=world.supervisor)
    submit(assignment, done, status="accepted")
    return course, done, busy


def test_teacher_nominates_who_completed_the_track(client, world):
    course, done, busy = manager_track(world)
    client.force_login(world.other_teacher)
    assert client.get(reverse("course_nominations", args=[course.pk])).status_code == 404
    client.force_login(world.supervisor)
    assert client.get(reverse("course_nominations", args=[course.pk])).status_code == 200
    for enrolment in (done, done, busy):
        client.post(reverse("course_nominate", args=[course.pk, enrolment.pk]), {"note": "Strong"})
    nomination = QualificationNomination.objects.get()
    assert (nomination.enrolment, nomination.qualification) == (done, "Erkende kwalificatie mentorschap")


def test_company_admin_sees_only_own_employees_results(client, world, django_assert_max_num_queries):
    course, done, _busy = manager_track(world)
    QualificationNomination.objects.create(
        enrolment=done, qualification=course.qualification, nominated_by=world.supervisor
    )
    open_course = make_course(world, title="Werkmentortraining")
    enrol(open_course, world.other_mentor, world.other_company)
    client.force_login(world.company_admin)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("course_employees"))
    text = response.content.decode()
    assert "Marieke de Vries" in text and "6 of 6" in text and "1 of 1" in text
    assert "Erkende kwalificatie mentorschap" in text
    assert world.other_mentor.get_full_name() not in text
    client.force_login(world.other_company_admin)
    text = client.get(reverse("course_employees")).content.decode()
    assert world.other_mentor.get_full_name() in text and "Marieke" not in text
    for who in ("mentor", "supervisor", "learner"):
        client.force_login(getattr(world, who))
        assert client.get(reverse("course_employees")).status_code == 403


def test_enrolment_service_refuses_another_company_in_a_closed_cohort(world):
    course = make_course(world, closed_for=world.company)
    with pytest.raises(ValidationError, match="closed group"):
        enrolment_request(course=course, participant=world.other_mentor, company=world.other_company)
    open_course = make_course(world)
    enrol(open_course, world.other_mentor, world.other_company)
    with pytest.raises(ValidationError, match="other employers take part"):
        course_save(course=open_course, data={"closed_for": world.company})
