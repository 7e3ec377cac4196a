"""Handing in work, the teacher's review, attendance and completion."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from registry.courses.services import enrolment_completion
from registry.models import Attendance, Enrolment, Submission

from .factories_courses import add_session, attend, enrol, running_course, submit


def hand_in(client, world, setup, index=0, **data):
    client.force_login(world.mentor)
    url = reverse("course_submission", args=[setup.course.pk, setup.assignments[index].pk])
    return client.post(url, data)


def review(client, world, setup, submission, **data):
    client.force_login(world.supervisor)
    return client.post(reverse("course_submission_review", args=[setup.course.pk, submission.pk]), data)


def test_a_participant_hands_in_text_and_a_file(client, world):
    setup = running_course(world)
    pdf = SimpleUploadedFile("learner.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    assert hand_in(client, world, setup, text="Daan bakes bread", file=pdf).status_code == 302
    submission = Submission.objects.get()
    assert submission.text == "Daan bakes bread"
    assert submission.file.name.endswith(".pdf")
    assert submission.version == 1
    assert submission.status == Submission.Status.SUBMITTED
    page = client.get(reverse("course_submission", args=[setup.course.pk, setup.assignments[0].pk])).text
    assert "Submitted" in page
    assert "late" not in page


def test_handing_in_nothing_is_refused(client, world):
    setup = running_course(world)
    response = hand_in(client, world, setup, text="   ")
    assert response.status_code == 200
    assert "Write an answer, attach a file, or both." in response.text
    assert not Submission.objects.exists()


def test_a_file_of_the_wrong_type_is_refused_with_a_message(client, world):
    setup = running_course(world)
    script = SimpleUploadedFile("tool.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = hand_in(client, world, setup, file=script)
    assert response.status_code == 200
    assert "“tool.exe” is not accepted: hand in a pdf, docx, odt, txt, png or jpg file." in response.text
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = hand_in(client, world, setup, file=fake)
    assert "does not look like a real .pdf file" in response.text
    sheet = SimpleUploadedFile("hours.xlsx", b"PK\x03\x04 sheet", content_type="application/vnd.ms-excel")
    assert "is not accepted" in hand_in(client, world, setup, file=sheet).text
    assert not Submission.objects.exists()


def test_a_late_submission_is_accepted_and_marked_late_for_the_teacher(client, world):
    setup = running_course(world)
    assignment = setup.assignments[0]
    assignment.due_at = timezone.now() - timedelta(hours=1)
    assignment.save()
    client.force_login(world.mentor)
    page = client.get(reverse("course_submission", args=[setup.course.pk, assignment.pk])).text
    assert "The due time has passed" in page
    response = hand_in(client, world, setup, text="Sorry, a busy week")
    assert response.status_code == 302
    client.force_login(world.supervisor)
    page = client.get(reverse("course_assignment_submissions", args=[setup.course.pk, assignment.pk]))
    assert page.context["rows"][0]["late"] is True
    assert ">late</span>" in page.text


def test_rework_needs_feedback(client, world):
    setup = running_course(world)
    submission = submit(setup.assignments[0], setup.enrolment)
    response = review(client, world, setup, submission, decision="rework", feedback=" ")
    assert response.status_code == 400
    assert "feedback is required when asking for rework" in response.text
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED


def test_rework_then_resubmission_replaces_the_work_as_the_next_version(client, world):
    setup = running_course(world)
    hand_in(client, world, setup, text="First try")
    submission = Submission.objects.get()
    assert review(client, world, setup, submission, decision="rework", feedback="Add an example").status_code == 302
    client.force_login(world.mentor)
    page = client.get(reverse("course_submission", args=[setup.course.pk, setup.assignments[0].pk])).text
    assert "Rework requested" in page
    assert "Add an example" in page
    txt = SimpleUploadedFile("example.txt", b"An example of feedback", content_type="text/plain")
    assert hand_in(client, world, setup, text="Second try, with an example", file=txt).status_code == 302
    submission.refresh_from_db()
    assert submission.version == 2
    assert submission.status == Submission.Status.SUBMITTED
    assert submission.text == "Second try, with an example"
    assert submission.file.name.endswith(".txt")
    assert Submission.objects.count() == 1
    assert review(client, world, setup, submission, decision="accept", feedback="").status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
    assert submission.reviewed_by == world.supervisor


def test_accepted_work_can_no_longer_be_changed_or_reviewed_again(client, world):
    setup = running_course(world)
    submission = submit(setup.assignments[0], setup.enrolment, status=Submission.Status.ACCEPTED)
    assert hand_in(client, world, setup, text="Changed").status_code == 403
    response = review(client, world, setup, submission, decision="rework", feedback="Again")
    assert response.status_code == 400
    assert "already been reviewed" in response.text


def test_a_participant_waiting_for_the_employer_cannot_hand_in_yet(client, world):
    setup = running_course(world)
    Enrolment.objects.filter(pk=setup.enrolment.pk).update(status=Enrolment.Status.REQUESTED)
    response = hand_in(client, world, setup, text="Early")
    assert response.status_code == 403
    assert "has not confirmed your enrolment yet" in response.text


def test_attendance_is_saved_once_per_session_and_participant(client, world):
    setup = running_course(world, past=True)
    other = enrol(setup.course, world.colleague_mentor, world.company)
    enrol(setup.course, world.other_mentor, world.other_company, status=Enrolment.Status.REQUESTED)
    session = setup.sessions[0]
    url = reverse("course_attendance", args=[setup.course.pk, session.pk])
    client.force_login(world.supervisor)
    form = client.get(url).context["form"]
    assert len(form.fields) == 2  # only confirmed participants are on the list
    client.post(url, {f"present_{setup.enrolment.pk}": "on"})
    client.post(url, {f"present_{other.pk}": "on"})
    rows = {a.enrolment_id: a.present for a in Attendance.objects.filter(session=session)}
    assert rows == {setup.enrolment.pk: False, other.pk: True}


def test_attendance_waits_until_the_session_has_started(client, world):
    setup = running_course(world)
    url = reverse("course_attendance", args=[setup.course.pk, setup.sessions[0].pk])
    client.force_login(world.supervisor)
    assert "once the session has started" in client.get(url).text
    response = client.post(url, {f"present_{setup.enrolment.pk}": "on"})
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def complete_everything(world, setup, enrolment):
    for session in setup.sessions:
        attend(session, enrolment, by=world.supervisor)
    for assignment in setup.assignments:
        submit(assignment, enrolment, status=Submission.Status.ACCEPTED)


def test_completion_needs_every_session_attended_and_every_assignment_accepted(world):
    setup = running_course(world, past=True)
    first, second = setup.sessions
    attend(first, setup.enrolment, by=world.supervisor)
    attend(second, setup.enrolment, present=False, by=world.supervisor)
    submit(setup.assignments[0], setup.enrolment, status=Submission.Status.ACCEPTED)
    submit(setup.assignments[1], setup.enrolment, status=Submission.Status.REWORK)
    result = enrolment_completion(setup.enrolment)
    assert result["complete"] is False
    assert result["missing"] == [
        "absent from session 2 (Feedback and assessment)",
        "assignment “Record a feedback conversation” not yet accepted",
    ]
    assert (result["sessions_attended"], result["sessions_total"]) == (1, 2)
    assert (result["assignments_accepted"], result["assignments_total"]) == (1, 2)

    Attendance.objects.filter(session=second).update(present=True)
    Submission.objects.filter(assignment=setup.assignments[1]).update(status=Submission.Status.ACCEPTED)
    assert enrolment_completion(setup.enrolment) == {
        "complete": True,
        "missing": [],
        "sessions_attended": 2,
        "sessions_total": 2,
        "assignments_accepted": 2,
        "assignments_total": 2,
    }


def test_a_session_still_to_come_and_an_unconfirmed_enrolment_are_missing_too(world):
    setup = running_course(world, past=True)
    complete_everything(world, setup, setup.enrolment)
    add_session(setup.course, days=5, title="Looking back")
    Enrolment.objects.filter(pk=setup.enrolment.pk).update(status=Enrolment.Status.REQUESTED)
    setup.enrolment.refresh_from_db()
    assert enrolment_completion(setup.enrolment)["missing"] == [
        "the employer has not confirmed the enrolment yet",
        "session 3 (Looking back) has not taken place yet",
    ]


def test_marking_completion_completes_only_those_who_meet_the_rules_and_says_why(client, world):
    setup = running_course(world, past=True)
    complete_everything(world, setup, setup.enrolment)
    almost = enrol(setup.course, world.colleague_mentor, world.company)
    attend(setup.sessions[0], almost, by=world.supervisor)
    client.force_login(world.supervisor)
    response = client.post(reverse("course_complete", args=[setup.course.pk]), follow=True)
    setup.enrolment.refresh_from_db()
    almost.refresh_from_db()
    assert setup.enrolment.status == Enrolment.Status.COMPLETED
    assert almost.status == Enrolment.Status.CONFIRMED
    page = response.text
    assert "1 participant has completed the course: Marieke de Vries." in page
    assert f"Not completed yet: {almost.participant} (absent from session 2 (Feedback and assessment)" in page
    assert "assignment “Describe your learner” not yet accepted" in page
