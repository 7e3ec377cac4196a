"""The e-mail that tells a candidate the outcome of the selection, in their own language, exactly once."""

from django.core.mail import EmailMessage
from django.utils import timezone

from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once
from notifications.models import Notification
from notifications.services import level_allows

from ..models import Candidate

TEMPLATES = {
    Candidate.Status.APPOINTED: "selection_appointed",
    Candidate.Status.RESERVE: "selection_reserve",
    Candidate.Status.REJECTED: "selection_rejected",
}


def _message(candidate: Candidate) -> EmailMessage:
    learner = candidate.learner
    context = {
        "candidate": candidate,
        "learner": learner,
        "opening": candidate.opening,
        "company": candidate.opening.company,
        "placement": candidate.placement,
        "link": site_link("placement_detail", candidate.placement_id) if candidate.placement_id else "",
    }
    template = f"emails/{TEMPLATES[candidate.status]}"
    return build_message(template, context, language=recipient_language(learner), to=learner.email)


def selection_decision_send(*, candidate: Candidate) -> bool:
    """Tell the candidate the decision; False when it was sent already or there is no one to tell.

    A conditional UPDATE claims the sending, so two tasks for the same decision send one e-mail. When the
    mail server fails, the claim is given back so that the retry sends it.
    """
    learner = candidate.learner
    if candidate.status not in TEMPLATES or not learner.email:
        return False
    # A decision about one's application is essential news.
    if not level_allows(learner, Notification.Level.ESSENTIAL):
        return False
    message = _message(candidate)
    claimed_at = timezone.now()
    claimed = Candidate.objects.filter(pk=candidate.pk, status=candidate.status, decision_sent_at__isnull=True).update(
        decision_sent_at=claimed_at
    )
    if not claimed:
        return False
    try:
        send_once(message)
    except Exception:
        Candidate.objects.filter(pk=candidate.pk, decision_sent_at=claimed_at).update(decision_sent_at=None)
        raise
    return True
