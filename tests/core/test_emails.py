"""The one way an e-mail is rendered and built, and the one set of retry options every mail task uses."""

from datetime import UTC, datetime
from email.message import MIMEPart
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from accounts.tasks import send_password_reset_email
from assessments.documents.tasks import send_record_pdf
from assessments.signatures.tasks import send_signature_reminder, send_signature_request
from core.emails import build_message, recipient_language, render_message, site_link, site_url
from meetings.minutes.tasks import send_minutes_confirmation_request
from meetings.planning.tasks import send_invitation
from meetings.reminders.tasks import deliver_alert, deliver_reminder
from mentoring.obstacles.tasks import send_incident_escalation
from placements.selection.tasks import send_selection_decision
from registry.certificates.tasks import send_certificate_email, send_expiry_reminder, send_revocation_notice
from registry.courses.tasks import send_course_information

TEMPLATES = {
    "mail/hello_subject.txt": "{% load i18n %}{% translate 'Password' %}\n for {{ name }}\n",
    "mail/hello.txt": "{% load i18n %}{% translate 'Password' %}: {{ name }} at {{ at|time:'H:i' }}\n",
    "mail/hello.html": "<p>{{ name }}</p>\n",
    "mail/other_body.txt": "Other body for {{ name }}\n",
}


@pytest.fixture
def mail_templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
        }
    ]
    return {"name": "Daan & Co", "at": datetime(2026, 7, 1, 12, 0, tzinfo=UTC)}


def test_the_subject_is_one_line_and_everything_is_in_the_recipients_language_and_dutch_time(mail_templates):
    with translation.override("en"), timezone.override("UTC"):
        rendered = render_message("mail/hello", mail_templates, language="nl")
        assert translation.get_language() == "en"  # the override ends with the rendering
    assert rendered.subject == "Wachtwoord for Daan &amp; Co"
    assert rendered.text == "Wachtwoord: Daan &amp; Co at 14:00\n"  # 12:00 UTC is 14:00 in Amsterdam in July
    assert rendered.html == ""


def test_a_message_is_built_with_its_attachments_and_html_only_when_asked(mail_templates):
    calendar = MIMEPart()
    calendar.set_content("BEGIN:VCALENDAR", subtype="calendar", disposition="attachment", filename="x.ics")
    message = build_message(
        "mail/hello",
        mail_templates,
        language="en",
        to="learner@example.org",
        attachments=[("a.pdf", b"%PDF-1.7", "application/pdf"), calendar],
    )
    assert (message.subject, message.to) == ("Password for Daan &amp; Co", ["learner@example.org"])
    assert message.alternatives == []
    assert [getattr(a, "filename", None) or a.get_filename() for a in message.attachments] == ["a.pdf", "x.ics"]

    with_html = build_message("mail/hello", mail_templates, language="en", to="learner@example.org", html=True)
    assert [(a.content, a.mimetype) for a in with_html.alternatives] == [("<p>Daan &amp; Co</p>\n", "text/html")]

    other = build_message(
        "mail/hello", mail_templates, language="en", to="x@example.org", text_template="mail/other_body.txt"
    )
    assert other.body == "Other body for Daan &amp; Co\n"


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (None, "en"),
        (SimpleNamespace(language=""), "en"),
        (SimpleNamespace(language="nl"), "nl"),
        (SimpleNamespace(language="xx"), "en"),
    ],
)
def test_the_recipients_language_falls_back_to_the_sites(settings, person, expected):
    settings.LANGUAGE_CODE = "en"
    assert recipient_language(person) == expected


def test_links_in_e_mails_are_absolute(settings):
    settings.SITE_URL = "https://werkmentor.example"
    assert site_url("/a/") == "https://werkmentor.example/a/"
    assert site_link("course_detail", 7).startswith("https://werkmentor.example/")
    assert site_link("course_detail", 7).endswith("/7/")


MAIL_TASKS = {
    send_password_reset_email: "accounts.tasks.send_password_reset_email",
    send_record_pdf: "assessments.tasks_documents.send_record_pdf",
    send_signature_request: "assessments.tasks_signatures.send_signature_request",
    send_signature_reminder: "assessments.tasks_signatures.send_signature_reminder",
    deliver_reminder: "meetings.tasks.deliver_reminder",
    deliver_alert: "meetings.tasks.deliver_alert",
    send_invitation: "meetings.tasks_meetings.send_invitation",
    send_minutes_confirmation_request: "meetings.tasks_minutes.send_minutes_confirmation_request",
    send_incident_escalation: "mentoring.tasks.send_incident_escalation",
    send_selection_decision: "placements.tasks_selection.send_selection_decision",
    send_certificate_email: "registry.tasks_certificates.send_certificate_email",
    send_revocation_notice: "registry.tasks_certificates.send_revocation_notice",
    send_expiry_reminder: "registry.tasks_certificates.send_expiry_reminder",
    send_course_information: "registry.tasks_courses.send_course_information",
}


@pytest.mark.parametrize("task", list(MAIL_TASKS), ids=list(MAIL_TASKS.values()))
def test_every_mail_task_keeps_its_name_and_leaves_retrying_to_the_outbox(task):
    assert task.name == MAIL_TASKS[task]  # outbox rows and queued messages carry the name
    # One retry policy for all: the outbox's hours-long backoff (OUTBOX_RETRY_DELAYS), not Celery's seconds.
    assert not getattr(task, "autoretry_for", ())
