"""Signature requests and reminders in the app: the bell says what the e-mail says, to signers with an account."""

from django.urls import reverse

from accounts.models import User
from assessments.signatures.emails import signature_reminder_send, signature_request_send
from notifications.models import Notification

from .test_signatures import sent_record, signature_for


def _notices(user):
    return list(Notification.objects.filter(user=user).values_list("text", "url", "level"))


def test_a_request_reaches_each_signer_in_the_app_with_the_page_to_sign(world, mailoutbox):
    record = sent_record(world)
    sign_page = reverse("assessment_sign", args=[record.pk])
    assert signature_request_send(signature=signature_for(record, world.mentor))
    assert signature_request_send(signature=signature_for(record, world.learner))
    learner = world.learner.get_full_name()
    assert _notices(world.mentor) == [
        (f"Please sign the assessment “Mid-term assessment” of {learner}.", sign_page, Notification.Level.ESSENTIAL)
    ]
    assert _notices(world.learner) == [
        ("Please read and sign your assessment “Mid-term assessment”.", sign_page, Notification.Level.ESSENTIAL)
    ]
    assert len(mailoutbox) == 2  # the e-mails go out as before


def test_the_notice_is_in_the_signers_language(world, mailoutbox):
    User.objects.filter(pk=world.learner.pk).update(language="nl")
    record = sent_record(world)
    signature_request_send(signature=signature_for(record, world.learner))
    [(text, _url, _level)] = _notices(world.learner)
    assert text == "Lees en onderteken je beoordeling “Mid-term assessment”."


def test_a_reminder_is_normal_news_and_follows_the_signers_choice(world, mailoutbox):
    record = sent_record(world)
    User.objects.filter(pk=world.supervisor.pk).update(notification_level=User.NotificationLevel.ESSENTIAL)
    signature_reminder_send(signature=signature_for(record, world.mentor))
    assert _notices(world.mentor) == [
        (
            f"Reminder: the assessment “Mid-term assessment” of {world.learner.get_full_name()} is waiting for "
            "your signature.",
            reverse("assessment_sign", args=[record.pk]),
            Notification.Level.NORMAL,
        )
    ]
    signature_reminder_send(signature=signature_for(record, world.supervisor))
    assert _notices(world.supervisor) == []  # essential news only, by their own choice


def test_no_notice_for_a_signer_without_an_active_account(world, mailoutbox):
    record = sent_record(world)
    User.objects.filter(pk=world.mentor.pk).update(is_active=False)
    signature = signature_for(record, world.mentor)
    signature.user.refresh_from_db()
    assert signature_request_send(signature=signature)  # the e-mail with the signed link still goes
    assert _notices(world.mentor) == []
