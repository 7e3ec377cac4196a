"""E-mails of the coaching app, each rendered in the recipient's own language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Incident


def _send(*, template: str, to, context: dict) -> None:
    with translation.override(to.language or settings.LANGUAGE_CODE):
        subject = "".join(render_to_string(f"emails/{template}_subject.txt", context).splitlines())
        body = render_to_string(f"emails/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[to.email]).send()


def incident_escalation_email_send(*, incident: Incident) -> None:
    """Tell the school supervisor an incident needs them; the details stay behind the login."""
    supervisor = incident.placement.supervisor
    if not supervisor.is_active or not supervisor.email:
        return
    link = settings.SITE_URL + reverse("mentoring_incident_detail", args=[incident.placement_id, incident.pk])
    context = {"incident": incident, "placement": incident.placement, "recipient": supervisor, "link": link}
    _send(template="incident_escalated", to=supervisor, context=context)
