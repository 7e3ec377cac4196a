"""Demo placement agreements: the demo mentor's first learner has a signed one, the second one waits for the
school's signature, so both the finished agreement and the signing round are there to look at."""

from django.core.exceptions import ValidationError
from django.db.models import Max

from assessments.agreements.services import agreement_draw_up, agreement_sign, agreement_submit
from assessments.models import AgreementSignature
from core.outbox.models import OutboxEntry
from notifications.models import Notification
from placements.models import Placement

MENTOR_EMAIL = "mentor@demo.werkmentor.nl"


def seed(placements: list[Placement], today) -> None:
    # The signing engine asks and tells people (e-mails with the PDF, in-app notices); a seed e-mails and notifies
    # nobody, so what it queued is dropped before the demo's transaction commits and hands anything to a worker.
    last_entry = OutboxEntry.objects.aggregate(last=Max("pk"))["last"] or 0
    last_notice = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    _sign(placements)
    OutboxEntry.objects.filter(pk__gt=last_entry).delete()
    Notification.objects.filter(pk__gt=last_notice).delete()


def _sign(placements: list[Placement]) -> None:
    mentored = [p for p in placements if p.mentor.email == MENTOR_EMAIL and p.status == Placement.Status.ACTIVE]
    for number, placement in enumerate(mentored[:2]):
        if placement.agreements.exists():
            continue
        agreement = agreement_draw_up(placement=placement, by=placement.supervisor)
        try:
            agreement_submit(agreement=agreement, by=placement.supervisor)
        except ValidationError:
            continue  # a minor without a registered guardian stays a draft: the school enters one first
        signatures = AgreementSignature.objects.filter(agreement=agreement).order_by("pk")
        # The first is signed by everyone; the second still waits for the school.
        for signature in signatures if number == 0 else signatures.exclude(role=AgreementSignature.Role.SCHOOL):
            agreement_sign(signature=signature)
