"""The feedback request e-mail: who asks, about what, and the signed link to the short form."""

from accounts.models import User
from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once

from ..models import FeedbackRequest
from .selectors import FEEDBACK_LINK


def feedback_request_email_send(request: FeedbackRequest) -> bool:
    # Someone with an account reads it in their own language; anyone else in the site's.
    account = User.objects.filter(email__iexact=request.email, is_active=True).first()
    language = recipient_language(account)
    context = {
        "request": request,
        "mentor": request.mentor,
        "answer_link": site_link("growth_feedback_answer", FEEDBACK_LINK.make(request)),
        "link_days": FEEDBACK_LINK.max_age.days,
    }
    send_once(build_message("emails/growth_feedback_request", context, language=language, to=request.email))
    return True
