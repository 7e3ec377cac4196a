"""The demo courses: believable, idempotent, and silent (no e-mail)."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from home.demo.courses import seed
from placements.models import Placement
from registry.courses.selectors import enrolments_awaiting_confirmation
from registry.courses.services import enrolment_completion
from registry.models import Attendance, Course, Enrolment, Evaluation, Submission
from tests.helpers import queued_work


def test_seed_builds_a_completed_and_an_open_course_and_running_it_twice_adds_nothing(
    db, django_capture_on_commit_callbacks
):
    call_command("demo", stdout=StringIO())
    placements = list(Placement.objects.with_people())
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        seed(placements, today)
        counts = [m.objects.count() for m in (Course, Enrolment, Submission, Attendance, Evaluation)]
        seed(placements, today)
    assert queued_work(callbacks) == []
    assert mail.outbox == []
    assert [m.objects.count() for m in (Course, Enrolment, Submission, Attendance, Evaluation)] == counts

    # The closed manager track (home/demo/manager_track.py): six workshops for one company, not in the catalogue.
    track = Course.objects.get(title="Managers als mentor: zes workshops")
    assert (track.sessions.count(), bool(track.closed_for_id), bool(track.qualification)) == (6, True, True)
    assert track.employer_invitations.count() == 1

    spring = Course.objects.get(title="Werkmentortraining voorjaar")
    assert spring.school.name == "Rijnland Vakcollege"
    assert spring.teacher.email == "supervisor@demo.werkmentor.nl"
    assert spring.status == Course.Status.COMPLETED
    assert spring.format == Course.Format.ONLINE
    assert spring.sessions.count() == 2
    assert all(session.ends_at < timezone.now() for session in spring.sessions.all())
    completed = spring.enrolments.filter(status=Enrolment.Status.COMPLETED)
    assert completed.count() == 3
    assert completed.filter(participant__email="mentor@demo.werkmentor.nl").exists()
    assert set(completed.values_list("company__name", flat=True)) <= {"Bakkerij De Korenschoof", "Zorgcentrum De Linde"}
    for enrolment in completed:
        assert enrolment_completion(enrolment)["complete"]
        assert enrolment.evaluation
    for assignment in spring.sessions.first().assignments.all():
        assert assignment.due_at < assignment.session.starts_at

    upcoming = Course.objects.get(status=Course.Status.OPEN, school=spring.school)
    assert all(session.starts_at > timezone.now() for session in upcoming.sessions.all())
    waiting = upcoming.enrolments.get()
    assert waiting.participant.email == "henk.bos@korenschoof.example"
    assert waiting.status == Enrolment.Status.REQUESTED
    admin = User.objects.get(email="company@demo.werkmentor.nl")
    assert list(enrolments_awaiting_confirmation(admin)) == [waiting]
