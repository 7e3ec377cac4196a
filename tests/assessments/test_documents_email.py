"""After the last signature every signer gets the PDF by e-mail, once, in their own language."""

from smtplib import SMTPException

import pytest
from django.core.mail import EmailMessage
from django.db import transaction

from assessments.documents.tasks import send_record_pdf
from assessments.models import AssessmentRecord, Signature
from core.outbox import enqueue
from tests.helpers import pdf_text, wait_for_mail

from .factories_assessments import lock, make_record


def _pdf_of(message) -> tuple[str, bytes, str]:
    [attachment] = message.attachments
    return attachment.filename, attachment.content, attachment.mimetype


def test_every_signer_gets_the_pdf_once(world, mailoutbox):
    record = lock(make_record(world.placement))
    send_record_pdf(record.pk)
    assert sorted(message.to[0] for message in mailoutbox) == sorted([world.mentor.email, world.learner.email])
    for message in mailoutbox:
        assert len(message.to) == 1
        filename, content, mimetype = _pdf_of(message)
        assert filename == "assessment-daan-jansen-2026-03-01.pdf"
        assert mimetype == "application/pdf"
        assert content.startswith(b"%PDF")
        assert "Mid-term assessment" in message.subject
        assert "Daan Jansen" in message.subject
        assert "Everyone has signed the assessment record" in message.body
    record.refresh_from_db()
    assert record.pdf_sent_at is not None

    send_record_pdf(record.pk)
    assert len(mailoutbox) == 2


def test_each_signer_reads_it_in_their_own_language(world, mailoutbox):
    world.mentor.language = "nl"
    world.mentor.save(update_fields=["language"])
    record = lock(make_record(world.placement))
    send_record_pdf(record.pk)
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "1 maart 2026" in pdf_text(_pdf_of(by_address[world.mentor.email])[1])
    assert "1 March 2026" in pdf_text(_pdf_of(by_address[world.learner.email])[1])
    assert "1 March 2026" in by_address[world.learner.email].body


def test_someone_who_signed_without_an_account_gets_it_too(world, mailoutbox):
    record = lock(make_record(world.placement))
    Signature.objects.create(
        record=record,
        role=Signature.Role.ASSESSOR,
        name="Guest Assessor",
        email="guest@example.org",
        verdict=Signature.Verdict.AGREE,
        signed_at=record.locked_at,
    )
    send_record_pdf(record.pk)
    guest = next(message for message in mailoutbox if message.to == ["guest@example.org"])
    assert "Hello Guest Assessor" in guest.body
    assert _pdf_of(guest)[1].startswith(b"%PDF")
    assert len(mailoutbox) == 3


@pytest.mark.parametrize("status", [AssessmentRecord.Status.DRAFT, AssessmentRecord.Status.AWAITING])
def test_a_record_that_is_not_signed_is_not_sent(world, mailoutbox, status):
    record = make_record(world.placement, status=status)
    send_record_pdf(record.pk)
    assert mailoutbox == []
    record.refresh_from_db()
    assert record.pdf_sent_at is None


def test_a_record_sent_before_is_not_sent_again(world, mailoutbox):
    record = lock(make_record(world.placement))
    AssessmentRecord.objects.filter(pk=record.pk).update(pdf_sent_at=record.locked_at)
    send_record_pdf(record.pk)
    assert mailoutbox == []


def test_a_missing_record_is_nothing_to_send(db, mailoutbox):
    send_record_pdf(987654)
    assert mailoutbox == []


def test_a_mail_server_error_leaves_the_record_unsent_for_the_retry(world, mailoutbox, monkeypatch):
    record = lock(make_record(world.placement))
    original = EmailMessage.send

    def refuse(self, *args, **kwargs):
        raise SMTPException("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with pytest.raises(SMTPException):
        send_record_pdf(record.pk)
    record.refresh_from_db()
    assert record.pdf_sent_at is None

    monkeypatch.setattr(EmailMessage, "send", original)
    send_record_pdf(record.pk)
    assert len(mailoutbox) == 2
    record.refresh_from_db()
    assert record.pdf_sent_at is not None


def test_queued_on_commit_it_runs_after_the_signing_transaction(world, task_worker):
    record = lock(make_record(world.placement))
    with transaction.atomic():
        enqueue(send_record_pdf, record.pk)
        enqueue(send_record_pdf, record.pk)  # a second signer's request racing the first
    assert len(wait_for_mail(2)) == 2
    assert len(wait_for_mail(3, timeout=1.5)) == 2
