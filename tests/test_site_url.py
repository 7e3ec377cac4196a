"""Links in e-mails and on certificates point at the port the app runs on, unless SITE_URL says otherwise."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from config.env import site_url
from meetings.planning.emails import invitation_email_send
from meetings.planning.ics import REQUEST
from registry.certificates.documents import certificate_html, qr_data_uri, verify_url
from registry.certificates.services import certificate_issue
from tests.meetings.factories_meetings import make_meeting, row
from tests.registry.factories_certificates import certificate_course, enrol_completed, participant

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def on_port_8101(monkeypatch, settings):
    """The environment scripts/run makes for PORT=8101 without SITE_URL, and the settings built from it."""
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("PORT", "8101")
    settings.SITE_URL = site_url()
    return settings


def test_without_site_url_the_base_url_follows_port(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("PORT", "8101")
    assert site_url() == "http://127.0.0.1:8101"
    monkeypatch.delenv("PORT")
    assert site_url() == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins_over_port(monkeypatch):
    monkeypatch.setenv("PORT", "8101")
    monkeypatch.setenv("SITE_URL", "https://werkmentor.example.nl/")
    assert site_url() == "https://werkmentor.example.nl"


@pytest.mark.parametrize("port", ["eighty", "0", "70000"])
def test_a_bad_port_is_refused_at_start_up(monkeypatch, port):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("PORT", port)
    with pytest.raises(ImproperlyConfigured, match="PORT must be"):
        site_url()


def test_settings_started_on_port_8101_give_verify_urls_on_that_port():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from registry.models import Certificate; from registry.certificates.documents import verify_url; "
        "c = Certificate(); print(settings.SITE_URL); print(verify_url(c) == "
        "'http://127.0.0.1:8101/verify/' + str(c.public_id) + '/')"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT", "DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true", "PORT": "8101"})
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["http://127.0.0.1:8101", "True"]


def test_the_certificate_verify_url_and_qr_code_use_the_port(world, on_port_8101):
    course = certificate_course(world, title="Werkmentortraining voorjaar")
    enrolment = enrol_completed(course, participant(world), world.company)
    certificate = certificate_issue(enrolment=enrolment, issued_by=world.supervisor, issued_on=date(2026, 3, 2))[0]
    url = verify_url(certificate)
    assert url == "http://127.0.0.1:8101" + reverse("certificate_verify", args=[certificate.public_id])
    html = certificate_html(certificate)
    assert url in html
    assert qr_data_uri(url) in html
    assert "127.0.0.1:8000" not in html


def test_links_in_e_mails_use_the_port(world, on_port_8101):
    meeting = make_meeting(world)
    mail.outbox.clear()
    invitation_email_send(meeting=meeting, participant=row(meeting, world.learner), method=REQUEST)
    (message,) = mail.outbox
    assert "http://127.0.0.1:8101" + reverse("meeting_detail", args=[meeting.pk]) in message.body
    assert "127.0.0.1:8000" not in message.body
