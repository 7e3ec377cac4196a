"""The e-mail that tells the learner their reference letter is ready, with the PDF attached."""

from celery import shared_task

from core.emails import build_message, recipient_language, site_link
from core.outbox.mail import send_once

from ..models import ReferenceLetter
from .documents import letter_pdf, letter_pdf_filename


@shared_task(name="feedback.send_reference_letter")
def send_reference_letter(letter_id: int) -> bool:
    letter = ReferenceLetter.objects.select_related("placement__learner", "placement__mentor").filter(pk=letter_id)
    letter = letter.first()
    if letter is None or letter.sent_at is None:
        return False
    learner = letter.placement.learner
    language = recipient_language(learner)
    message = build_message(
        "feedback/emails/reference_letter",
        {"letter": letter, "learner": learner, "link": site_link("reference_letter", letter.placement_id)},
        language=language,
        to=learner.email,
        attachments=[(letter_pdf_filename(letter), letter_pdf(letter, language=language), "application/pdf")],
    )
    return send_once(message)
