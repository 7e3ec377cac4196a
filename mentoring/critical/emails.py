"""The e-mail asking the school supervisor for support, in the supervisor's own language."""

from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once

from ..models import CriticalSituation


def critical_support_email_send(*, situation: CriticalSituation) -> None:
    """The details (what happened, the question) stay behind the login; the e-mail says who and where."""
    supervisor = situation.placement.supervisor
    if not supervisor.is_active or not supervisor.email:
        return
    link = site_link("mentoring_critical_detail", situation.placement_id, situation.pk)
    context = {"situation": situation, "placement": situation.placement, "recipient": supervisor, "link": link}
    send_once(
        build_message(
            "emails/critical_support_requested",
            context,
            language=recipient_language(supervisor),
            to=supervisor.email,
        )
    )
