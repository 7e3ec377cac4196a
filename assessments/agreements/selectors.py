"""Reads of placement agreements, scoped to the person asking: whoever sees the placement sees its agreements.

The learner sees their own, a mentor those of their own learners, the school's staff those of their school,
a company admin those of their company; anyone else gets a 404 (placements/selectors.py decides).
"""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.signing import SignedLink
from placements.models import LearnerRecord, Placement
from placements.selectors import can_manage_placement, placements_visible_to

from ..models import AgreementSettings, AgreementSignature, PlacementAgreement
from ..signatures.engine import sent_marker

AGREEMENT_RELATIONS = ("placement__learner", "placement__company", "placement__school", "placement__programme")


def agreements_of(placement: Placement) -> list[PlacementAgreement]:
    """The placement's agreement and its addenda, in order, with their signatures."""
    return list(placement.agreements.order_by("number").prefetch_related("signatures"))


def agreement_for_user(user: User, pk) -> PlacementAgreement:
    """The agreement if `user` may see its placement; otherwise 404."""
    try:
        return (
            PlacementAgreement.objects.filter(placement__in=placements_visible_to(user))
            .select_related(*AGREEMENT_RELATIONS)
            .prefetch_related("signatures")
            .get(pk=pk)
        )
    except (PlacementAgreement.DoesNotExist, ValueError, TypeError):
        raise Http404("No such agreement.") from None


def can_manage_agreement(user: User, placement: Placement) -> bool:
    """The school draws up the agreement and sends it: its coordinators, the placement's supervisor, staff."""
    return can_manage_placement(user, placement)


def signature_of(user: User, agreement: PlacementAgreement) -> AgreementSignature | None:
    if not user.is_authenticated:
        return None
    return next((s for s in agreement.signatures.all() if s.user_id == user.pk), None)


def current_agreement(placement: Placement) -> PlacementAgreement | None:
    """The newest signed agreement or addendum: what the parties agreed as it stands now."""
    return placement.agreements.filter(status=PlacementAgreement.Status.SIGNED).order_by("-number").first()


def has_signed_agreement(placement: Placement) -> bool:
    return placement.agreements.filter(
        kind=PlacementAgreement.Kind.AGREEMENT, status=PlacementAgreement.Status.SIGNED
    ).exists()


def agreement_required(school_id: int) -> bool:
    return AgreementSettings.objects.filter(school_id=school_id, required_before_start=True).exists()


def learner_record(placement: Placement) -> LearnerRecord | None:
    return LearnerRecord.objects.filter(user_id=placement.learner_id).first()


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_minor(agreement: PlacementAgreement, day: date) -> bool:
    """Whether the learner is under 18 on `day`, by the date of birth in the agreement's snapshot.

    An unknown date of birth counts as of age: the school records the date of birth of its minors.
    """
    born = agreement.snapshot.get("learner_date_of_birth")
    return bool(born) and age_on(date.fromisoformat(born), day) < 18


def _signature_for_link(pk: int) -> AgreementSignature | None:
    return (
        AgreementSignature.objects.select_related("user", *(f"agreement__{name}" for name in AGREEMENT_RELATIONS))
        .filter(pk=pk)
        .first()
    )


# One party signs one agreement without logging in (a guardian has no account). The version is the moment the
# agreement was sent: after a withdrawal the old links stop working.
SIGN_LINK = SignedLink[AgreementSignature](
    salt="assessments.agreement_sign",
    max_age=timedelta(days=14),
    load=_signature_for_link,
    version=lambda signature: sent_marker(signature.agreement.submitted_at),
    expired_message=gettext_lazy("This link has expired. Please ask the school for a new one."),
    outdated_message=gettext_lazy(
        "The agreement has changed since this link was sent. Please use the link in the newest e-mail about it."
    ),
)


# --- Waiting for signatures ------------------------------------------------------------------------------


def agreement_signatures_waiting_for(user: User):
    """The user's own signatures still owed on agreements waiting for signatures, oldest request first."""
    return (
        AgreementSignature.objects.filter(
            user=user, signed_at__isnull=True, agreement__status=PlacementAgreement.Status.AWAITING
        )
        .filter(agreement__placement__in=placements_visible_to(user))
        .select_related("agreement")
        .order_by("requested_at", "pk")
    )


def agreements_waiting_on_others(user: User) -> list[PlacementAgreement]:
    """Agreements the user signs or drew up that still wait for another party; each with `pending` signatures."""
    others_pending = AgreementSignature.objects.filter(signed_at__isnull=True).exclude(user=user)
    involved = Q(Exists(AgreementSignature.objects.filter(agreement=OuterRef("pk"), user=user))) | Q(created_by=user)
    return list(
        PlacementAgreement.objects.filter(status=PlacementAgreement.Status.AWAITING)
        .filter(placement__in=placements_visible_to(user))
        .filter(involved, Exists(others_pending.filter(agreement=OuterRef("pk"))))
        .prefetch_related(Prefetch("signatures", queryset=others_pending.order_by("pk"), to_attr="pending"))
        .order_by("submitted_at", "pk")
    )
