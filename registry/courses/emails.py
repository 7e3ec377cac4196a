"""E-mails of the mentor courses, each rendered in the recipient's own language."""

from core.emails import build_message, recipient_language, site_link
from core.outbox import send_once

from ..models import Enrolment
from .selectors import sessions_with_assignments


def course_information_email_send(*, enrolment: Enrolment) -> None:
    """What a confirmed participant needs: sessions, places or links, assignments and the instructions."""
    participant = enrolment.participant
    if not participant.is_active or not participant.email:
        return
    course = enrolment.course
    context = {
        "course": course,
        "enrolment": enrolment,
        "recipient": participant,
        "sessions": sessions_with_assignments(course),
        "link": site_link("course_detail", course.pk),
    }
    # Times in the e-mail are Dutch times, also when a worker runs with another default time zone.
    send_once(
        build_message(
            "emails/course_information", context, language=recipient_language(participant), to=participant.email
        )
    )
