"""The e-mail that tells a candidate the outcome of the selection, in their own language, exactly once."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from notifications.models import Notification
from notifications.services import level_allows

from .models import Candidate

TEMPLATES = {
    Candidate.Status.APPOINTED: "selection_appointed",
    Candidate.Status.RESERVE: "selection_reserve",
    Candidate.Status.REJECTED: "selection_rejected",
}


def _render(candidate: Candidate) -> tuple[str, str]:
    learner = candidate.learner
    context = {
        "candidate": candidate,
        "learner": learner,
        "opening": candidate.opening,
        "company": candidate.opening.company,
        "placement": candidate.placement,
        "link": settings.SITE_URL + reverse("placement_detail", args=[candidate.placement_id])
        if candidate.placement_id
        else "",
    }
    name = TEMPLATES[candidate.status]
    with translation.override(learner.language or settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        subject = "".join(render_to_string(f"emails/{name}_subject.txt", context).splitlines())
        body = render_to_string(f"emails/{name}.txt", context)
    return subject, body


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
    subject, body = _render(candidate)
    claimed_at = timezone.now()
    claimed = Candidate.objects.filter(pk=candidate.pk, status=candidate.status, decision_sent_at__isnull=True).update(
        decision_sent_at=claimed_at
    )
    if not claimed:
        return False
    try:
        EmailMessage(subject=subject, body=body, to=[learner.email]).send()
    except Exception:
        Candidate.objects.filter(pk=candidate.pk, decision_sent_at=claimed_at).update(decision_sent_at=None)
        raise
    return True
