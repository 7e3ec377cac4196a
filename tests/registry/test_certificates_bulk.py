"""Issuing for a whole course in the background: progress to watch, and a retry that never duplicates."""

import time

from django.urls import reverse

from registry.certificates.bulk_issue import bulk_issue_retry
from registry.certificates.bulk_run import bulk_issue_run
from registry.models import BulkIssueJob, Certificate, Enrolment

from .factories_certificates import certificate_course, enrol_completed, give_evidence, participant, set_rules
from .factories_courses import enrol


def wait_until_finished(job, timeout=60.0) -> BulkIssueJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in (BulkIssueJob.Status.DONE, BulkIssueJob.Status.FAILED):
            return job
        time.sleep(0.1)
    raise AssertionError(f"The bulk job is still {job.status} after {timeout} s")


def course_with_participants(world):
    """Four completed participants of whom three may be certified, and one who has not completed."""
    set_rules(world.school, min_experience_years=2)
    course = certificate_course(world)
    for index in range(3):
        person = participant(world, first_name=f"Deelnemer{index}", last_name="Kok")
        give_evidence(person, years=3, good_conduct=False)
        enrol_completed(course, person, world.company)
    enrol_completed(course, participant(world, first_name="Geen", last_name="Ervaring"), world.company)  # 0 years
    enrol(course, participant(world, first_name="Nog", last_name="Bezig"), world.company)
    return course


def test_bulk_issue_runs_in_the_background_issues_each_eligible_once_and_a_retry_adds_none(client, world, task_worker):
    course = course_with_participants(world)
    client.force_login(world.supervisor)
    response = client.post(reverse("certificate_bulk_issue", args=[course.pk]))
    job = BulkIssueJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("certificate_bulk_job", args=[job.public_id])

    job = wait_until_finished(job)
    assert (job.status, job.total, job.issued, job.skipped) == ("done", 4, 3, 1)
    assert Certificate.objects.filter(course=course).count() == 3
    assert not Certificate.objects.filter(enrolment__status=Enrolment.Status.CONFIRMED).exists()

    page = client.get(reverse("certificate_bulk_job", args=[job.public_id]))
    assert "every 2s" not in page.text  # finished: the page stops polling
    assert reverse("certificate_bulk_retry", args=[job.public_id]) in page.text

    assert client.post(reverse("certificate_bulk_retry", args=[job.public_id])).status_code == 302
    job = wait_until_finished(job)
    assert (job.status, job.total, job.issued, job.skipped) == ("done", 1, 0, 1)
    assert Certificate.objects.filter(course=course).count() == 3
    numbers = list(Certificate.objects.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers))


def test_a_second_click_while_a_job_waits_returns_the_same_job(client, world):
    course = course_with_participants(world)
    client.force_login(world.supervisor)
    first = client.post(reverse("certificate_bulk_issue", args=[course.pk]))
    second = client.post(reverse("certificate_bulk_issue", args=[course.pk]))
    assert first.url == second.url
    assert BulkIssueJob.objects.count() == 1


def test_the_progress_block_polls_with_htmx_while_the_job_is_queued(client, world):
    course = course_with_participants(world)
    client.force_login(world.supervisor)
    client.post(reverse("certificate_bulk_issue", args=[course.pk]))
    job = BulkIssueJob.objects.get()
    progress_url = reverse("certificate_bulk_job_progress", args=[job.public_id])
    page = client.get(reverse("certificate_bulk_job", args=[job.public_id]))
    assert f'hx-get="{progress_url}"' in page.text
    assert 'hx-trigger="every 2s"' in page.text
    assert "<script>" not in page.text
    partial = client.get(progress_url)
    assert partial.status_code == 200
    assert "<html" not in partial.text
    assert 'hx-trigger="every 2s"' in partial.text


def test_a_running_job_cannot_be_started_again(client, world):
    course = course_with_participants(world)
    job = BulkIssueJob.objects.create(course=course, requested_by=world.supervisor, status="running")
    client.force_login(world.supervisor)
    response = client.post(reverse("certificate_bulk_retry", args=[job.public_id]), follow=True)
    assert "still running" in response.text
    job.refresh_from_db()
    assert job.status == "running"


def test_a_task_delivered_twice_runs_the_job_once(world):
    course = course_with_participants(world)
    job = BulkIssueJob.objects.create(course=course, requested_by=world.supervisor)
    bulk_issue_run(job_id=job.pk)
    bulk_issue_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.issued, job.skipped) == (3, 1)
    assert Certificate.objects.count() == 3


def test_a_participant_who_fails_is_named_the_others_are_issued_and_a_retry_finishes_the_rest(
    client, world, monkeypatch
):
    course = course_with_participants(world)
    job = BulkIssueJob.objects.create(course=course, requested_by=world.supervisor)
    from registry.certificates import bulk_run

    real_issue = bulk_run.certificate_issue
    calls = {"count": 0}

    def flaky_issue(**kwargs):
        calls["count"] += 1
        if calls["count"] == 2:
            raise OSError("disk full")
        return real_issue(**kwargs)

    monkeypatch.setattr(bulk_run, "certificate_issue", flaky_issue)
    bulk_issue_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.issued, job.skipped, job.failed) == ("failed", 2, 1, 1)
    assert Certificate.objects.count() == 2  # one participant's error does not stop the others
    client.force_login(world.supervisor)
    page = client.get(reverse("certificate_bulk_job", args=[job.public_id])).text
    assert "OSError: disk full" in page and "Deelnemer1 Kok" in page

    monkeypatch.setattr(bulk_run, "certificate_issue", real_issue)
    bulk_issue_retry(job=job)
    bulk_issue_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.total, job.issued, job.skipped, job.failed) == ("done", 2, 1, 1, 0)
    assert Certificate.objects.count() == 3
