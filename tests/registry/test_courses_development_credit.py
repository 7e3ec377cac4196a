"""A completed mentor course lands in the participant's development log by itself and counts toward certificate
renewal once: not again when the completion runs twice, and the mentor cannot change or remove it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mentoring.development.services import development_activity_delete, development_activity_update
from mentoring.models import DevelopmentActivity
from registry.certificates.renewal import renewal_check
from registry.courses.development_credit import course_credit_record
from registry.courses.services import course_complete
from registry.models import Enrolment, Submission

from .factories_certificates import set_rules, world_certificate
from .factories_courses import attend, running_course, submit


@pytest.fixture
def completed(world):
    """world.mentor completes a two-session course (2 hours each) through the course's completion."""
    run = running_course(world, past=True)
    for session in run.sessions:
        attend(session, run.enrolment, by=world.supervisor)
    for assignment in run.assignments:
        submit(assignment, run.enrolment, status=Submission.Status.ACCEPTED)
    done, _not_done = course_complete(course=run.course)
    assert done == [run.enrolment]
    return run


def test_completing_a_course_logs_its_hours_once(world, completed):
    activity = DevelopmentActivity.objects.get(mentor=world.mentor)
    assert activity.source_enrolment == completed.enrolment.pk
    assert (activity.kind, activity.title, activity.hours) == ("course", completed.course.title, Decimal("4"))
    assert activity.date == timezone.localdate(completed.sessions[-1].ends_at)
    assert "Rijnland Vakcollege" in activity.notes

    course_credit_record([Enrolment.objects.get(pk=completed.enrolment.pk)])  # the completion again
    assert DevelopmentActivity.objects.filter(mentor=world.mentor).count() == 1


def test_the_course_counts_toward_renewal_without_double_counting(client, world, completed):
    set_rules(world.school, renewal_development_hours=5)
    certificate = world_certificate(world, issued_on=timezone.localdate() - timedelta(days=400))
    DevelopmentActivity.objects.create(
        mentor=world.mentor, kind="reading", title="Book", date=timezone.localdate(), hours=Decimal("1.5")
    )
    course_credit_record([Enrolment.objects.get(pk=completed.enrolment.pk)])
    check = renewal_check(certificate)
    assert check.hours == Decimal("5.5")
    assert check.allowed

    client.force_login(world.supervisor)
    page = client.get(reverse("certificate_detail", args=[certificate.pk]))
    assert "5.5 of 5 hours" in page.text
    assert "Of these, 4 hours come from completed mentor courses (counted once)." in page.text


def test_the_mentor_sees_the_course_row_but_cannot_change_or_remove_it(client, world, completed):
    activity = DevelopmentActivity.objects.get(mentor=world.mentor)
    client.force_login(world.mentor)
    log = client.get(reverse("development_list"), {"year": activity.date.year})
    assert "completed mentor course" in log.text
    page = client.get(reverse("development_edit", args=[activity.pk]))
    assert page.status_code == 200
    assert "cannot be changed or removed here" in page.text
    assert "form" not in page.context

    client.post(reverse("development_edit", args=[activity.pk]), {"kind": "reading", "hours": "100"})
    client.post(reverse("development_delete", args=[activity.pk]))
    activity.refresh_from_db()
    assert (activity.kind, activity.hours) == ("course", Decimal("4"))
    with pytest.raises(ValidationError):
        development_activity_update(activity=activity, data={"hours": Decimal("100")})
    with pytest.raises(ValidationError):
        development_activity_delete(activity=activity)


def test_a_course_without_sessions_gives_no_hours(world):
    run = running_course(world, past=True)
    run.course.sessions.all().delete()
    Enrolment.objects.filter(pk=run.enrolment.pk).update(status=Enrolment.Status.COMPLETED)
    course_credit_record([Enrolment.objects.get(pk=run.enrolment.pk)])
    assert not DevelopmentActivity.objects.exists()
