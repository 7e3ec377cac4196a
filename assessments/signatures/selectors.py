"""Reads for the sign-off of an assessment record: who signs, who may send or withdraw, what still waits.

Built on assessments/selectors.py, which decides who sees a record at all. The assessors who sign are the
people the plan names (work mentor, school supervisor or both) for a placement record, and the author for a
record of a mentor in a course; the person assessed always signs too.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.signing import SignedLink

from ..models import AssessmentRecord, Assessors, CompetencyJudgement, Rating, Signature
from ..selectors import can_assess, can_assess_course_participant
from .engine import sent_marker


def can_manage_signatures(user: User, record: AssessmentRecord) -> bool:
    """Assessors of the record send it for signatures and withdraw it, whatever its status now."""
    if record.placement_id is not None:
        return can_assess(user, record.placement, record.moment)
    return can_assess_course_participant(user, record.enrolment)


def assessors_to_sign(record: AssessmentRecord) -> list[User]:
    """The people who sign as assessor, each once and never the person assessed (they sign as such)."""
    if record.placement_id is not None:
        placement = record.placement
        assessors = record.moment.assessors if record.moment_id else Assessors.BOTH
        people = {
            Assessors.MENTOR: [placement.mentor],
            Assessors.SUPERVISOR: [placement.supervisor],
            Assessors.BOTH: [placement.mentor, placement.supervisor],
        }[assessors]
    else:
        people = [record.created_by]
    unique: dict[int, User] = {}
    for person in people:
        if person.pk != record.subject_id:
            unique.setdefault(person.pk, person)
    return list(unique.values())


def signatures_of(record: AssessmentRecord) -> list[Signature]:
    """The record's signatures, assessors first; uses a prefetch of `signatures` when the page made one."""
    return list(record.signatures.all())


def signature_of(user: User, record: AssessmentRecord) -> Signature | None:
    """The user's own signature on the record, signed or not; None when they are not asked to sign."""
    if not user.is_authenticated:
        return None
    return next((s for s in record.signatures.all() if s.user_id == user.pk), None)


def missing_levels(record: AssessmentRecord) -> list[str]:
    """What still needs a level before the record can be signed: the overall judgement and rated indicators."""
    missing = [] if record.overall_level_id else [_("the overall judgement")]
    unrated = Rating.objects.filter(record=record, level__isnull=True).select_related("indicator").order_by("indicator")
    missing += [" ".join(filter(None, [r.indicator.code, r.indicator.title])) for r in unrated]
    return missing


# --- The record as a signer reads it ---------------------------------------------------------------------


@dataclass
class CompetencyBlock:
    """One competency of the record: its judgement (if any) and its rated indicators, in framework order."""

    competency: object
    judgement: CompetencyJudgement | None = None
    ratings: list[Rating] = field(default_factory=list)


def record_contents(record: AssessmentRecord) -> list[CompetencyBlock]:
    """The ratings grouped by competency, with the competency judgements; two queries however large."""
    ratings = (
        Rating.objects.filter(record=record)
        .select_related("indicator__competency__area", "level")
        .order_by("indicator__competency__area__position", "indicator__competency__position", "indicator")
    )
    judgements = {
        j.competency_id: j
        for j in CompetencyJudgement.objects.filter(record=record).select_related("competency__area", "level")
    }
    blocks: dict[int, CompetencyBlock] = {}
    for rating in ratings:
        competency = rating.indicator.competency
        block = blocks.setdefault(competency.pk, CompetencyBlock(competency, judgements.pop(competency.pk, None)))
        block.ratings.append(rating)
    # A competency judged as a whole, without rated indicators, still shows.
    blocks.update({pk: CompetencyBlock(j.competency, j) for pk, j in judgements.items()})
    return sorted(blocks.values(), key=lambda b: (b.competency.area.position, b.competency.position, b.competency.pk))


# --- Waiting for signatures ------------------------------------------------------------------------------

RECORD_RELATIONS = (
    "subject",
    "placement__learner",
    "placement__company",
    "enrolment__course",
)


def signatures_waiting_for(user: User) -> QuerySet[Signature]:
    """The user's own pending signatures on records waiting for signatures, oldest request first."""
    return (
        Signature.objects.filter(user=user, signed_at__isnull=True, record__status=AssessmentRecord.Status.AWAITING)
        .select_related(*(f"record__{name}" for name in RECORD_RELATIONS))
        .order_by("requested_at", "pk")
    )


@dataclass(frozen=True)
class WaitingOnOthers:
    record: AssessmentRecord
    pending: list[Signature]

    @property
    def since(self):
        return self.record.submitted_at


def records_waiting_on_others(user: User) -> list[WaitingOnOthers]:
    """Records the user signs or wrote that still wait for someone else's signature; two queries.

    Each with the others still to sign (the user's own turn is in signatures_waiting_for).
    """
    others_pending = Signature.objects.filter(signed_at__isnull=True).exclude(user=user)
    involved = Q(Exists(Signature.objects.filter(record=OuterRef("pk"), user=user))) | Q(created_by=user)
    records = (
        AssessmentRecord.objects.filter(status=AssessmentRecord.Status.AWAITING)
        .filter(involved)
        .filter(Exists(others_pending.filter(record=OuterRef("pk"))))
        .select_related(*RECORD_RELATIONS)
        .prefetch_related(Prefetch("signatures", queryset=others_pending.order_by("role", "pk"), to_attr="pending"))
        .order_by("submitted_at", "pk")
    )
    return [WaitingOnOthers(record, record.pending) for record in records]


# --- The signed link in the e-mail -----------------------------------------------------------------------


def _sent_marker(signature: Signature) -> str:
    """When the record was sent for signatures, in whole microseconds since the epoch.

    Exact, unlike a float timestamp, and the same after a database round trip. Withdrawing a record deletes
    its signatures and sending it again sets a new moment, so a link from before a withdrawal stops working:
    the signer must use the newest e-mail, about the content as it is now.
    """
    return sent_marker(signature.record.submitted_at)


def _signature_for_link(pk: int) -> Signature | None:
    return (
        Signature.objects.select_related(
            "user",
            "record__subject",
            "record__placement__learner",
            "record__placement__company",
            "record__enrolment__course",
            "record__moment",
            "record__framework_version__framework",
            "record__overall_level",
        )
        .filter(pk=pk)
        .first()
    )


# One signer signs one record without logging in. Salt, token ("<signature pk>:<sent marker>") and max age
# are those of the links already sent: changing any of them breaks the links in people's mailboxes.
SIGN_LINK = SignedLink[Signature](
    salt="assessments.sign",
    max_age=timedelta(days=14),
    load=_signature_for_link,
    version=_sent_marker,
    expired_message=gettext_lazy(
        "This link has expired. Please sign in, or use the link in the newest reminder e-mail."
    ),
    outdated_message=gettext_lazy(
        "The assessment has changed since this link was sent. Please use the link in the newest e-mail about it."
    ),
)
