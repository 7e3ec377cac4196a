"""E-mails of the mentor courses, each rendered in the recipient's own language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Enrolment
from .selectors_courses import sessions_with_assignments


def _send(*, template: str, to, context: dict) -> None:
    # Times in the e-mail are Dutch times, also when a worker runs with another default time zone.
    with translation.override(to.language or settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        subject = "".join(render_to_string(f"emails/{template}_subject.txt", context).splitlines())
        body = render_to_string(f"emails/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[to.email]).send()


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
        "link": settings.SITE_URL + reverse("course_detail", args=[course.pk]),
    }
    _send(template="course_information", to=participant, context=context)
