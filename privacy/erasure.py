"""Erasing a person's data on their request: what may go goes, what must stay is kept and said so."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import Membership, Role, School, User
from assessments.models import AssessmentRecord, Signature
from meetings.models import Minutes, Participant
from placements.models import Placement
from registry.certificates.revoke import certificate_erase
from registry.models import Certificate

from .anonymise import coaching_content_remove, person_anonymise


@dataclass
class ErasureOutcome:
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [_("Removed: %s") % item for item in self.removed] + [_("Kept: %s") % item for item in self.kept]
        return "\n".join(lines)


def erasure_refusal(person: User, school: School) -> str | None:
    """Why the person's data cannot be erased now (None when it can)."""
    if Placement.objects.filter(learner=person, status__in=Placement.OPEN_STATUSES).exists():
        return _("The person has a placement that has not ended: erase their data once it has ended.")
    elsewhere = (
        Membership.objects.filter(user=person, ended_at__isnull=True, school__isnull=False)
        .exclude(school=school)
        .exists()
    )
    if elsewhere:
        return _("The person also has a role at another school: that school must agree to the erasure.")
    if person.is_staff:
        return _("This is a staff account: the site's staff remove it themselves.")
    return None


def person_erase(*, person: User, school: School, by: User, reason: str) -> ErasureOutcome:
    """Anonymise the person (call inside a transaction); raises ValidationError when it must be refused."""
    refusal = erasure_refusal(person, school)
    if refusal:
        raise ValidationError(refusal)
    outcome = ErasureOutcome()
    ended = list(Placement.objects.filter(learner=person).values_list("pk", flat=True))
    if ended:
        coaching_content_remove(ended)
        outcome.removed.append(_("the coaching content of %(count)d placement(s)") % {"count": len(ended)})
    # The register's own erasure, audited there; the certificate stays valid (erasing is not revoking).
    certificates = list(Certificate.objects.filter(holder=person))
    for certificate in certificates:
        certificate_erase(certificate=certificate, erased_by=by, reason=reason)
    if certificates:
        outcome.removed.append(_("the holder's name on %(count)d certificate(s)") % {"count": len(certificates)})
        outcome.kept.append(_("the certificate numbers and their validity in the register"))
    signed = AssessmentRecord.objects.filter(subject=person, status__in=AssessmentRecord.LOCKED_STATUSES).count()
    if signed:
        outcome.kept.append(_("%(count)d signed assessment record(s), which cannot change") % {"count": signed})
    signatures = Signature.objects.filter(user=person, signed_at__isnull=False).count()
    if signatures:
        outcome.kept.append(_("%(count)d signature(s) on assessment records") % {"count": signatures})
    confirmed = Participant.objects.filter(user=person, meeting__minutes__status=Minutes.Status.CONFIRMED).count()
    if confirmed:
        outcome.kept.append(_("the name in %(count)d set(s) of confirmed minutes") % {"count": confirmed})
    person_anonymise(person)
    outcome.removed.append(_("name, e-mail address, phone, school record, notifications and log-in"))
    if Membership.objects.filter(user=person, role=Role.LEARNER).exists() or ended:
        outcome.kept.append(_("the placements themselves, without the person, for the school's counts"))
    return outcome
