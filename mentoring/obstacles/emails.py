"""E-mails of the coaching app, each rendered in the recipient's own language."""

from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once

from ..models import Incident


def incident_escalation_email_send(*, incident: Incident) -> None:
    """Tell the school supervisor an incident needs them; the details stay behind the login."""
    supervisor = incident.placement.supervisor
    if not supervisor.is_active or not supervisor.email:
        return
    link = site_link("mentoring_incident_detail", incident.placement_id, incident.pk)
    context = {"incident": incident, "placement": incident.placement, "recipient": supervisor, "link": link}
    send_once(
        build_message(
            "emails/incident_escalated", context, language=recipient_language(supervisor), to=supervisor.email
        )
    )
