"""Revoking (a reason, the row stays), erasing personal data (audited, the number stays) and renewing."""

from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from mentoring.models import DevelopmentActivity
from registry.certificates.renewal import certificate_renew, renewal_check
from registry.models import Certificate, CourseSession, PersonalDataErasure

from .factories_certificates import (
    certificate_course,
    enrol_completed,
    imported_certificate,
    set_rules,
    world_certificate,
)


def detail(certificate):
    return reverse("certificate_detail", args=[certificate.pk])


def test_revoking_needs_a_reason_and_saves_nothing_without_one(client, world):
    certificate = world_certificate(world)
    client.force_login(world.supervisor)
    response = client.post(reverse("certificate_revoke", args=[certificate.pk]), {"revoke-reason": "  "})
    assert response.status_code == 400
    assert "This field is required." in response.text
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoking_keeps_the_certificate_and_records_who_and_why(client, world):
    certificate = world_certificate(world)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("certificate_revoke", args=[certificate.pk]), {"revoke-reason": "Course attendance was forged"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_by == world.coordinator
    assert certificate.revocation_reason == "Course attendance was forged"
    assert certificate.state() == "revoked"
    page = client.get(detail(certificate))
    assert "Course attendance was forged" in page.text
    again = client.post(reverse("certificate_revoke", args=[certificate.pk]), {"revoke-reason": "Twice"})
    assert again.status_code == 400
    assert "already revoked" in again.text


def test_erasing_replaces_name_and_email_but_keeps_the_number_and_writes_the_audit_row(client, world):
    certificate = world_certificate(world)
    number = certificate.number
    client.force_login(world.coordinator)
    response = client.post(reverse("certificate_erase", args=[certificate.pk]), {"erase-reason": "GDPR request"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.holder_name, certificate.holder_email, certificate.holder) == ("[removed]", "", None)
    assert certificate.number == number
    erasure = PersonalDataErasure.objects.get()
    assert (erasure.certificate_number, erasure.school, erasure.erased_by, erasure.reason) == (
        number,
        world.school,
        world.coordinator,
        "GDPR request",
    )
    assert Certificate.objects.filter(number=number).exists()


def test_erasing_needs_a_reason(client, world):
    certificate = world_certificate(world)
    client.force_login(world.staff)
    response = client.post(reverse("certificate_erase", args=[certificate.pk]), {"erase-reason": ""})
    assert response.status_code == 400
    assert not PersonalDataErasure.objects.exists()


def test_after_erasure_the_former_holder_no_longer_sees_the_certificate(client, world):
    certificate = world_certificate(world)
    client.force_login(world.coordinator)
    client.post(reverse("certificate_erase", args=[certificate.pk]), {"erase-reason": "GDPR request"})
    client.force_login(world.mentor)
    assert client.get(detail(certificate)).status_code == 404


def refresher_course(world, *, ends_on):
    course = certificate_course(world, title="Terugkomdag werkmentoren", is_refresher=True)
    starts = timezone.make_aware(timezone.datetime.combine(ends_on, timezone.datetime.min.time())) + timedelta(hours=9)
    CourseSession.objects.create(
        course=course, title="Terugkomdag", starts_at=starts, ends_at=starts + timedelta(hours=6)
    )
    return course


def test_renewal_shows_what_is_missing_until_the_schools_rule_is_met(client, world):
    set_rules(world.school, renewal_requires_refresher=True, renewal_development_hours=10)
    today = timezone.localdate()
    certificate = world_certificate(world, issued_on=today - timedelta(days=900))
    client.force_login(world.supervisor)
    refused = client.post(reverse("certificate_renew", args=[certificate.pk]))
    assert refused.status_code == 400
    assert "No refresher course of this school completed since the certificate was issued." in refused.text
    assert "10 hours of logged professional development since" in refused.text
    assert "(has 0)" in refused.text

    enrol_completed(refresher_course(world, ends_on=today - timedelta(days=30)), world.mentor, world.company)
    DevelopmentActivity.objects.create(
        mentor=world.mentor, kind="course", title="Coaching", date=today - timedelta(days=100), hours=Decimal("6")
    )
    DevelopmentActivity.objects.create(  # before the certificate: does not count
        mentor=world.mentor, kind="course", title="Old", date=today - timedelta(days=1000), hours=Decimal("40")
    )
    assert renewal_check(certificate).missing == [
        f"10 hours of logged professional development since "
        f"{certificate.issued_on.day} {certificate.issued_on:%B %Y} (has 6)."
    ]
    DevelopmentActivity.objects.create(
        mentor=world.mentor, kind="reading", title="Book", date=today - timedelta(days=10), hours=Decimal("4")
    )
    response = client.post(reverse("certificate_renew", args=[certificate.pk]))
    assert response.status_code == 302
    renewal = Certificate.objects.get(renews=certificate)
    assert response.url == detail(renewal)
    assert renewal.number != certificate.number
    assert renewal.issued_on == today
    assert renewal.course.is_refresher
    assert renewal.holder == world.mentor


def test_a_refresher_finished_before_the_certificate_does_not_count(world):
    set_rules(world.school, renewal_requires_refresher=True, renewal_development_hours=0)
    today = timezone.localdate()
    enrol_completed(refresher_course(world, ends_on=today - timedelta(days=400)), world.mentor, world.company)
    certificate = world_certificate(world, issued_on=today - timedelta(days=300))
    assert not renewal_check(certificate).allowed


def test_a_renewal_runs_on_from_the_old_end_date(world):
    set_rules(world.school, renewal_requires_refresher=False, renewal_development_hours=0, validity_years=3)
    certificate = world_certificate(world, issued_on=date(2024, 1, 15))
    renewal = certificate_renew(certificate=certificate, renewed_by=world.supervisor, today=date(2026, 12, 1))
    assert renewal.valid_until == date(2030, 1, 15)
    assert renewal.renews == certificate


def test_a_revoked_or_already_renewed_certificate_cannot_be_renewed(world):
    set_rules(world.school, renewal_requires_refresher=False, renewal_development_hours=0)
    certificate = world_certificate(world)
    certificate_renew(certificate=certificate, renewed_by=world.supervisor)
    assert renewal_check(certificate).missing == ["This certificate has already been renewed."]
    revoked = imported_certificate(world, revoked_at=timezone.now(), revocation_reason="Fraud")
    assert "A revoked certificate cannot be renewed." in renewal_check(revoked).missing


def test_the_detail_page_shows_the_renewal_state_to_the_school_only(client, world):
    set_rules(world.school, renewal_development_hours=20)
    certificate = world_certificate(world)
    client.force_login(world.supervisor)
    assert "Before renewal, still missing:" in client.get(detail(certificate)).text
    client.force_login(world.mentor)
    page = client.get(detail(certificate))
    assert page.status_code == 200
    assert "Before renewal" not in page.text
    assert "Revoke certificate" not in page.text
