"""The demo's placement agreements: one signed, one waiting for the school, and nobody e-mailed or notified."""

from io import StringIO

from django.core.management import call_command

from assessments.models import AgreementSignature, PlacementAgreement
from core.outbox.models import OutboxEntry
from notifications.models import Notification


def test_the_demo_signs_agreements_without_queuing_mail_or_notices(db):
    call_command("demo", stdout=StringIO())
    assert PlacementAgreement.objects.count() == 2
    assert AgreementSignature.objects.filter(signed_at__isnull=True).exists()
    assert not OutboxEntry.objects.filter(task_name__icontains="agreement").exists()
    assert not Notification.objects.filter(text__icontains="agreement").exists()
