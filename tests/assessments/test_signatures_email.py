"""The e-mail asking each signer to sign: one per signer, in their language, with a link that works."""

import re

from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.models import User
from assessments.models import Signature
from assessments.signatures.services import record_submit
from assessments.signatures.tasks import send_signature_request
from tests.helpers import wait_for_mail

from .test_signatures import ready_record, sent_record, sign, signature_for

LINK = re.compile(r"https?://\S+/assessments/sign/\S+/")


def mail_to(outbox, address):
    return next(m for m in outbox if m.to == [address])


def path_of(message) -> str:
    """The signed link in the e-mail, as a path for the test client."""
    url = LINK.search(message.body).group(0)
    assert url.startswith(settings.SITE_URL)
    return url.removeprefix(settings.SITE_URL)


def submit_and_send(client, world, record=None):
    """Submit through the view; the request e-mails are queued once the submit commits."""
    record = record or ready_record(world)
    client.force_login(world.mentor)
    response = client.post(reverse("assessment_submit", args=[record.pk]))
    assert response.status_code == 302
    return record


def sent_mail(count: int = 3) -> list:
    outbox = wait_for_mail(count)
    assert len(wait_for_mail(count + 1, timeout=1.5)) == count  # no one twice
    return outbox


def test_submitting_mails_every_signer_a_working_link(client, world, task_worker):
    record = submit_and_send(client, world)
    outbox = sent_mail(3)
    assert sorted(m.to[0] for m in outbox) == [
        "learner@example.org",
        "mentor@example.org",
        "supervisor@example.org",
    ]
    app_link = settings.SITE_URL + reverse("assessment_sign", args=[record.pk])
    for message in outbox:
        signer = Signature.objects.get(record=record, email=message.to[0])
        assert "Mid-term assessment" in message.subject
        assert f"Hello {signer.name}," in message.body
        assert app_link in message.body
        assert "works for 14 days" in message.body
        page = Client().get(path_of(message))
        assert page.status_code == 200, message.to
        assert f"You sign as {signer.name}" in page.text
    learner_mail = mail_to(outbox, "learner@example.org")
    assert learner_mail.subject == "Please sign your assessment: Mid-term assessment"
    assert "say why you disagree" in learner_mail.body
    mentor_mail = mail_to(outbox, "mentor@example.org")
    assert mentor_mail.subject == "Please sign the assessment of Daan Jansen: Mid-term assessment"


def test_the_link_in_the_mail_signs(client, world, task_worker):
    record = submit_and_send(client, world)
    message = mail_to(wait_for_mail(3), "supervisor@example.org")
    assert Client().post(path_of(message), {"verdict": "agree"}).status_code == 302
    assert signature_for(record, world.supervisor).signed_at is not None


def test_the_mail_is_in_the_signers_language(client, world, task_worker):
    User.objects.filter(pk=world.learner.pk).update(language="nl")
    submit_and_send(client, world)
    outbox = wait_for_mail(3)
    dutch = mail_to(outbox, "learner@example.org")
    assert dutch.body.startswith("Hallo Daan Jansen,")
    assert "1 maart 2026" in dutch.body
    english = mail_to(outbox, "mentor@example.org")
    assert english.body.startswith("Hello Marieke de Vries,")
    assert "1 March 2026" in english.body


def test_no_mail_when_the_signer_chose_no_notifications_but_a_closed_account_still_gets_the_link(
    client, world, task_worker
):
    User.objects.filter(pk=world.supervisor.pk).update(notification_level=User.NotificationLevel.NONE)
    User.objects.filter(pk=world.learner.pk).update(is_active=False)
    submit_and_send(client, world)
    outbox = sent_mail(2)
    assert sorted(m.to[0] for m in outbox) == ["learner@example.org", "mentor@example.org"]
    learner_mail = mail_to(outbox, "learner@example.org")
    assert "Sign in and sign" not in learner_mail.body  # no account to sign in with: only the signed link
    assert LINK.search(learner_mail.body)


def test_a_request_for_a_signed_or_withdrawn_signature_is_not_sent(world, mailoutbox):
    record = sent_record(world)
    sign(record, world.mentor)
    assert send_signature_request(signature_for(record, world.mentor).pk) is False
    assert send_signature_request(signature_for(record, world.learner).pk) is True
    assert send_signature_request(0) is False
    assert [m.to for m in mailoutbox] == [["learner@example.org"]]


def test_a_failed_submit_sends_nothing(client, world, task_worker):
    record = ready_record(world)
    record.overall_level = None
    record.save()
    client.force_login(world.mentor)
    assert client.post(reverse("assessment_submit", args=[record.pk])).status_code == 400
    record_submit(record=ready_record(world, title="Second"), by=world.mentor)
    outbox = sent_mail(3)  # tasks run in the order queued: anything from the failed submit would be here too
    assert all(m.subject.endswith(": Second") for m in outbox), [m.subject for m in outbox]
