"""Thin Celery tasks of the mentor courses: they take ids, load the rows and hand over to the e-mail."""

from celery import shared_task

from ..models import Enrolment
from .emails import course_information_email_send


@shared_task(name="registry.tasks_courses.send_course_information")
def send_course_information(enrolment_id: int) -> None:
    enrolment = (
        Enrolment.objects.filter(pk=enrolment_id, status__in=[Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED])
        .select_related("participant", "company", "course__school", "course__teacher")
        .first()
    )
    if enrolment is not None:  # withdrawn in the meantime: nothing to tell
        course_information_email_send(enrolment=enrolment)
