"""Escalation e-mails the school supervisor once, through the Celery worker, in the supervisor's language."""

from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation

from mentoring.models import Incident
from tests.helpers import wait_for_mail

from .test_incidents_access import incident_data, make_incident


def escalate(client, world, incident):
    return client.post(reverse("mentoring_incident_escalate", args=[world.placement.pk, incident.pk]))


def test_escalation_emails_the_supervisor_once_and_a_second_escalation_is_refused(client, world, task_worker):
    incident = make_incident(world, category="conflict")
    client.force_login(world.mentor)
    assert escalate(client, world, incident).status_code == 302

    outbox = wait_for_mail(1)
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == ["supervisor@example.org"]
    assert "Daan Jansen" in message.subject
    for text in ("Daan Jansen", "Bakkerij De Korenschoof", "Conflict or fight with a colleague", "Marieke de Vries"):
        assert text in message.body
    assert formats.date_format(incident.occurred_on, "j F Y") in message.body
    link = settings.SITE_URL + reverse("mentoring_incident_detail", args=[world.placement.pk, incident.pk])
    assert link in message.body
    assert "Came in at half past nine" not in message.body  # the details stay behind the login

    incident.refresh_from_db()
    assert incident.escalated_by == world.mentor
    first_escalation = incident.escalated_at

    client.force_login(world.coordinator)
    again = escalate(client, world, incident)
    assert again.status_code == 400
    assert "already been escalated" in again.text
    assert len(wait_for_mail(2, timeout=1.5)) == 1
    incident.refresh_from_db()
    assert incident.escalated_at == first_escalation
    assert incident.escalated_by == world.mentor


def test_a_bullying_incident_is_escalated_as_soon_as_it_is_recorded(client, world, task_worker):
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_incident_new", args=[world.placement.pk]),
        incident_data(category="bullying", description="Colleagues mock her accent"),
    )
    assert response.status_code == 302
    incident = Incident.objects.get(placement=world.placement)
    assert incident.escalated_at is not None
    assert incident.escalated_by == world.mentor

    outbox = wait_for_mail(1)
    assert len(outbox) == 1
    assert outbox[0].to == ["supervisor@example.org"]
    assert "Being bullied at work" in outbox[0].body


def test_a_lateness_incident_is_not_escalated_by_itself(client, world, task_worker):
    client.force_login(world.mentor)
    client.post(reverse("mentoring_incident_new", args=[world.placement.pk]), incident_data(category="lateness"))
    assert Incident.objects.get(placement=world.placement).escalated_at is None
    assert wait_for_mail(1, timeout=1.0) == []


def test_the_email_is_in_the_supervisors_language(client, world, task_worker):
    world.supervisor.language = "nl"
    world.supervisor.save(update_fields=["language"])
    incident = make_incident(world, occurred_on=timezone.localdate() - timedelta(days=3))
    client.force_login(world.mentor)
    escalate(client, world, incident)

    body = wait_for_mail(1)[0].body
    with translation.override("nl"):
        dutch_date = formats.date_format(incident.occurred_on, "j F Y")
    assert dutch_date in body
    assert "Hallo Ingrid" in body


def test_a_supervisor_who_escalates_gets_no_email_about_it(client, world, task_worker):
    incident = make_incident(world)
    client.force_login(world.supervisor)
    assert escalate(client, world, incident).status_code == 302
    incident.refresh_from_db()
    assert incident.escalated_by == world.supervisor
    assert wait_for_mail(1, timeout=1.0) == []
    assert mail.outbox == []
