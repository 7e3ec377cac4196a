"""Signing through the signed, time-limited link in the e-mail, without logging in."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.models import AssessmentRecord, Signature
from assessments.signatures.selectors import SIGN_LINK
from assessments.signatures.services import record_submit, record_withdraw

from .test_signatures import sent_record, sign, signature_for


def link(signature) -> str:
    return reverse("assessment_sign_link", args=[SIGN_LINK.make(signature)])


def test_the_link_shows_the_record_read_only_without_login(client, world):
    record = sent_record(world)
    page = client.get(link(signature_for(record, world.learner)))
    assert page.status_code == 200
    for text in ("Mid-term assessment", "Competency 1.1", "Indicator 2.2.2", "Overall judgement", "good"):
        assert text in page.text
    assert "Works carefully and asks good questions." in page.text
    assert "Plan the day before starting." in page.text
    assert "You sign as Daan Jansen (person assessed)" in page.text
    assert 'value="disagree"' in page.text
    assert "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"
    assert "noindex" in page["X-Robots-Tag"]


def test_signing_through_the_link_records_the_signature(client, world):
    record = sent_record(world)
    url = link(signature_for(record, world.supervisor))
    response = client.post(url, {"verdict": "agree"})
    assert response.status_code == 302
    assert response.url == url
    signature = signature_for(record, world.supervisor)
    assert (signature.verdict, signature.signed_at is not None) == ("agree", True)
    page = client.get(url)
    assert page.status_code == 200
    assert "Thank you for signing" in page.text
    assert "You signed this assessment on" in page.text
    assert 'name="verdict"' not in page.text


def test_the_last_signature_through_the_link_locks_the_record(client, world):
    record = sent_record(world)
    sign(record, world.mentor)
    sign(record, world.supervisor)
    client.post(
        link(signature_for(record, world.learner)),
        {"verdict": "disagree", "reason": "The rating of 1.1 is too low.", "response": "I did my best."},
    )
    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.SIGNED
    assert record.locked_at is not None
    assert record.learner_response == "I did my best."
    assert signature_for(record, world.learner).reason == "The rating of 1.1 is too low."


def test_the_link_needs_a_reason_to_disagree_and_an_assessor_cannot(client, world):
    record = sent_record(world)
    response = client.post(link(signature_for(record, world.learner)), {"verdict": "disagree"})
    assert response.status_code == 400
    assert "Say why you disagree." in response.text
    response = client.post(link(signature_for(record, world.mentor)), {"verdict": "disagree", "reason": "No"})
    assert response.status_code == 400
    assert not record.signatures.filter(signed_at__isnull=False).exists()


def test_the_link_keeps_csrf_protection(world):
    record = sent_record(world)
    client = Client(enforce_csrf_checks=True)
    response = client.post(link(signature_for(record, world.learner)), {"verdict": "agree"})
    assert response.status_code == 403
    assert signature_for(record, world.learner).signed_at is None


def test_an_expired_link_is_gone(client, world):
    record = sent_record(world)
    url = link(signature_for(record, world.learner))
    with time_machine.travel(timezone.now() + timedelta(days=13), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=15), tick=False):
        for response in (client.get(url), client.post(url, {"verdict": "agree"})):
            assert response.status_code == 410
            assert "expired" in response.text
    assert signature_for(record, world.learner).signed_at is None


@pytest.mark.parametrize("tamper", ["flip", "garbage", "other_purpose"])
def test_a_tampered_link_is_refused(client, world, tamper):
    record = sent_record(world)
    signature = signature_for(record, world.learner)
    token = {
        "flip": SIGN_LINK.make(signature)[:-2] + "xx",
        "garbage": "not-a-token",
        "other_purpose": signing.TimestampSigner(salt="meetings.minutes").sign(f"{signature.pk}:1"),
    }[tamper]
    url = reverse("assessment_sign_link", args=[token])
    for response in (client.get(url), client.post(url, {"verdict": "agree"})):
        assert response.status_code == 400
        assert "This link is not valid" in response.text
    assert signature_for(record, world.learner).signed_at is None


def test_a_link_from_before_a_withdrawal_is_outdated(client, world):
    record = sent_record(world)
    url = link(signature_for(record, world.learner))
    record_withdraw(record=record, by=world.mentor)
    record_submit(record=record, by=world.mentor)
    for response in (client.get(url), client.post(url, {"verdict": "agree"})):
        assert response.status_code == 410
        assert "has changed since this link was sent" in response.text
    assert not record.signatures.filter(signed_at__isnull=False).exists()
    assert client.get(link(signature_for(record, world.learner))).status_code == 200


def test_a_link_names_the_moment_the_record_was_sent(client, world):
    record = sent_record(world)
    url = link(signature_for(record, world.learner))
    AssessmentRecord.objects.filter(pk=record.pk).update(submitted_at=record.submitted_at + timedelta(microseconds=1))
    assert client.get(url).status_code == 410


def test_a_link_to_an_amended_record_cannot_sign(client, world):
    record = sent_record(world)
    url = link(signature_for(record, world.learner))
    AssessmentRecord.objects.filter(pk=record.pk).update(
        status=AssessmentRecord.Status.AMENDED, locked_at=timezone.now()
    )
    response = client.post(url, {"verdict": "agree"})
    assert response.status_code == 410
    assert "not waiting for signatures" in response.text
    assert not Signature.objects.filter(record=record, signed_at__isnull=False).exists()


def old_style_token(signature) -> str:
    """A link as the e-mails sent before core/signing.py made it: "<pk>:<µs since the epoch it was sent>"."""
    sent = (signature.record.submitted_at - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
    return signing.TimestampSigner(salt="assessments.sign").sign(f"{signature.pk}:{sent}")


def test_links_already_sent_keep_working_for_fourteen_days(client, world):
    record = sent_record(world)
    signature = signature_for(record, world.learner)
    token = old_style_token(signature)
    assert token == SIGN_LINK.make(signature)
    url = reverse("assessment_sign_link", args=[token])
    with time_machine.travel(timezone.now() + timedelta(days=15), tick=False):
        assert client.get(url).status_code == 410
    with time_machine.travel(timezone.now() + timedelta(days=13), tick=False):
        assert client.get(url).status_code == 200
        assert client.post(url, {"verdict": "agree"}).status_code == 302
    assert signature_for(record, world.learner).verdict == "agree"
