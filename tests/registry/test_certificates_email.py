"""E-mails through the Celery worker: the certificate once to holder and employer, revocation, expiry reminders."""

import io
import threading
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import formats, timezone, translation

from accounts.models import Role
from registry.certificates.emails import certificate_email_once
from registry.certificates.reminders import expiry_reminders_send
from registry.certificates.renewal import certificate_renew
from registry.certificates.revoke import certificate_revoke
from registry.models import Certificate, ExpiryReminder
from tests.factories import grant
from tests.helpers import wait_for_mail

from .factories_certificates import (
    certificate_course,
    enrol_completed,
    imported_certificate,
    set_rules,
    world_certificate,
)


def wait_for_emailed(certificate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        certificate.refresh_from_db()
        if certificate.emailed_at:
            return certificate
        time.sleep(0.05)
    return certificate


def test_a_new_certificate_is_emailed_once_to_holder_and_employer_with_the_pdf(client, world, task_worker):
    world.company_admin.language = "nl"
    world.company_admin.save(update_fields=["language"])
    course = certificate_course(world)
    enrolment = enrol_completed(course, world.mentor, world.company)
    client.force_login(world.supervisor)
    assert client.post(reverse("certificate_issue", args=[course.pk, enrolment.pk])).status_code == 302

    outbox = wait_for_mail(2)
    assert sorted(message.to[0] for message in outbox) == ["admin@example.org", "mentor@example.org"]
    certificate = wait_for_emailed(Certificate.objects.get())
    assert certificate.emailed_at is not None
    for message in outbox:
        (name, content, mimetype) = message.attachments[0]
        assert name == f"{certificate.number}.pdf"
        assert mimetype == "application/pdf"
        assert content.startswith(b"%PDF")
        assert certificate.number in message.subject
        assert reverse("certificate_verify", args=[certificate.public_id]) in message.body
    by_address = {message.to[0]: message for message in outbox}
    assert "Your work mentor certificate" in by_address["mentor@example.org"].subject
    with translation.override("nl"):
        dutch_date = formats.date_format(certificate.valid_until, "j F Y")
    with translation.override("en"):
        english_date = formats.date_format(certificate.valid_until, "j F Y")
    assert dutch_date in by_address["admin@example.org"].body  # the employer reads Dutch
    assert english_date in by_address["mentor@example.org"].body

    # A second delivery of the task (or a retry) does not send again.
    assert certificate_email_once(certificate_id=certificate.pk) is False
    assert len(wait_for_mail(3, timeout=1.5)) == 2


def test_without_a_company_admin_only_the_holder_gets_it(world, task_worker):
    world.company_admin.memberships.all().delete()
    world_certificate(world)
    outbox = wait_for_mail(1)
    assert [message.to for message in outbox] == [["mentor@example.org"]]
    assert len(wait_for_mail(2, timeout=1.5)) == 1


def test_a_holder_who_is_also_the_company_admin_gets_one_message(world, task_worker):
    grant(world.mentor, Role.COMPANY_ADMIN, world.company)
    world.company_admin.memberships.all().delete()
    world_certificate(world)
    assert [message.to for message in wait_for_mail(1)] == [["mentor@example.org"]]
    assert len(wait_for_mail(2, timeout=1.5)) == 1


def test_revoking_with_notify_tells_only_the_holder_and_gives_the_reason(client, world, task_worker):
    certificate = world_certificate(world)
    wait_for_mail(2)
    mail.outbox.clear()
    client.force_login(world.coordinator)
    client.post(
        reverse("certificate_revoke", args=[certificate.pk]),
        {"revoke-reason": "Attendance was forged", "revoke-notify_holder": "on"},
    )
    outbox = wait_for_mail(1)
    assert [message.to for message in outbox] == [["mentor@example.org"]]
    assert "has been revoked" in outbox[0].subject
    assert "Attendance was forged" in outbox[0].body


def test_revoking_without_notify_sends_nothing(world, task_worker):
    certificate = world_certificate(world)
    wait_for_mail(2)
    mail.outbox.clear()
    certificate_revoke(certificate=certificate, revoked_by=world.coordinator, reason="Mistake", notify_holder=False)
    assert wait_for_mail(1, timeout=1.5) == []


def expiring(world, days_left, **fields):
    today = timezone.localdate()
    return imported_certificate(
        world, issued_on=today - timedelta(days=1000), valid_until=today + timedelta(days=days_left), **fields
    )


def test_the_expiry_reminder_goes_out_exactly_once_even_when_the_scan_runs_twice(world, task_worker):
    certificate = expiring(world, 30)
    assert expiry_reminders_send() == 1
    assert expiry_reminders_send() == 0
    call_command("send_expiry_reminders", stdout=io.StringIO())
    assert ExpiryReminder.objects.filter(certificate=certificate).count() == 1
    outbox = wait_for_mail(2)
    assert sorted(message.to[0] for message in outbox) == ["admin@example.org", "mentor@example.org"]
    assert all(certificate.number in message.subject for message in outbox)
    assert len(wait_for_mail(3, timeout=1.5)) == 2


def test_only_valid_unrenewed_certificates_within_the_schools_window_are_reminded(world):
    set_rules(world.school, expiry_reminder_days=90, renewal_development_hours=0)
    due = expiring(world, 80)
    expiring(world, 120)  # not yet
    expiring(world, -3)  # already expired
    expiring(world, 10, revoked_at=timezone.now(), revocation_reason="Fraud")
    renewed = expiring(world, 20)
    certificate_renew(certificate=renewed, renewed_by=world.supervisor)
    other_school = expiring(world, 80, school=world.other_school)  # that school keeps the default 60 days
    assert expiry_reminders_send() == 1
    assert list(ExpiryReminder.objects.values_list("certificate", flat=True)) == [due.pk]
    assert not ExpiryReminder.objects.filter(certificate=other_school).exists()


@pytest.mark.django_db(transaction=True)
def test_two_scans_at_the_same_moment_decide_one_reminder(world):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; concurrent scans need PostgreSQL (CI runs it)")
    certificate = expiring(world, 30)
    barrier = threading.Barrier(4)
    decided, errors = [], []

    def scan():
        try:
            barrier.wait(timeout=10)
            decided.append(expiry_reminders_send())
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=scan) for _ in range(4)]
    with mock.patch("registry.certificates.reminders.enqueue"):  # deciding is the point, not sending
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    assert sum(decided) == 1
    assert ExpiryReminder.objects.filter(certificate=certificate).count() == 1
