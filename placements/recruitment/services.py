"""Writes of openings, applications and a learner's candidate profile.

Rules that must hold whoever calls are checked here, under a lock.

Every change to an opening's candidates locks the opening row first, so two learners applying at the same
moment cannot both take the next anonymous name, and a learner cannot become a candidate twice.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Company, Role, School, User
from accounts.selectors import roles_of

from ..models import Candidate, CandidateProfile, Opening
from .selectors import appointed_count, learners_of

OPENING_FIELDS = (
    "title",
    "tasks",
    "required_skills",
    "hours_per_week",
    "city",
    "country",
    "start_date",
    "end_date",
    "places",
    "culture_notes",
)

# action -> (statuses it may start from, the status it leads to)
STATUS_ACTIONS = {
    "publish": ((Opening.Status.DRAFT,), Opening.Status.PUBLISHED),
    "close": ((Opening.Status.PUBLISHED,), Opening.Status.CLOSED),
    "reopen": ((Opening.Status.CLOSED, Opening.Status.FILLED), Opening.Status.PUBLISHED),
}


def _lock(opening: Opening) -> Opening:
    return Opening.objects.select_for_update().get(pk=opening.pk)


def _validate(opening: Opening) -> None:
    errors: dict[str, list[str]] = {}
    if opening.start_date and opening.end_date and opening.end_date <= opening.start_date:
        errors.setdefault("end_date", []).append(_("The end date must be after the start date."))
    if opening.pk and opening.places:
        appointed = appointed_count(opening)
        if opening.places < appointed:
            errors.setdefault("places", []).append(
                _("%(count)s candidates have been appointed already; the opening needs at least that many places.")
                % {"count": appointed}
            )
    if errors:
        raise ValidationError(errors)


def _apply_fields(opening: Opening, data: dict) -> None:
    for field in OPENING_FIELDS:
        if field in data:
            setattr(opening, field, data[field])


@transaction.atomic
def opening_create(*, company: Company, by: User, data: dict) -> Opening:
    opening = Opening(company=company, created_by=by, status=Opening.Status.DRAFT)
    _apply_fields(opening, data)
    _validate(opening)
    opening.save()
    opening.programmes.set(data.get("programmes", []))
    return opening


@transaction.atomic
def opening_update(*, opening: Opening, data: dict) -> Opening:
    opening = _lock(opening)
    _apply_fields(opening, data)
    _validate(opening)
    opening.save()
    if "programmes" in data:
        opening.programmes.set(data["programmes"])
    return opening


@transaction.atomic
def opening_change_status(*, opening: Opening, action: str) -> Opening:
    if action not in STATUS_ACTIONS:
        raise ValidationError(_("Unknown action."))
    opening = _lock(opening)
    sources, target = STATUS_ACTIONS[action]
    if opening.status not in sources:
        raise ValidationError(
            _("An opening that is %(current)s cannot become %(new)s.")
            % {"current": opening.get_status_display(), "new": target.label}
        )
    if action == "publish" and opening.end_date < timezone.localdate():
        raise ValidationError(_("The period of this opening has already ended. Change the dates before publishing."))
    if action == "reopen":
        appointed = appointed_count(opening)
        if appointed >= opening.places:
            raise ValidationError(
                _("All %(places)s places are filled. Add places to the opening before reopening it.")
                % {"places": opening.places}
            )
    opening.status = target
    if target == Opening.Status.PUBLISHED and opening.published_at is None:
        opening.published_at = timezone.now()
    opening.save(update_fields=["status", "published_at"])
    return opening


def alias_for(number: int) -> str:
    """The letters of the n-th anonymous name (0 -> "A", 25 -> "Z", 26 -> "AA"); pages say "Candidate A"."""
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _next_alias(opening: Opening) -> str:
    taken = set(opening.candidates.values_list("alias", flat=True))
    number = len(taken)
    while alias_for(number) in taken:
        number += 1
    return alias_for(number)


def _add_candidate(*, opening: Opening, learner: User, **fields) -> Candidate:
    """Make `learner` a candidate; the caller holds the lock on the opening."""
    if opening.status != Opening.Status.PUBLISHED:
        raise ValidationError(_("This opening does not take candidates now."), code="not_published")
    if not CandidateProfile.objects.filter(learner=learner).exists():
        raise ValidationError(_("A candidate profile is needed first."), code="no_profile")
    existing = Candidate.objects.filter(opening=opening, learner=learner).first()
    if existing is not None:
        raise ValidationError(
            _("%(name)s is already a candidate for this opening (%(status)s).")
            % {"name": learner.get_full_name(), "status": existing.get_status_display()},
            code="already_candidate",
        )
    try:
        with transaction.atomic():
            return Candidate.objects.create(opening=opening, learner=learner, alias=_next_alias(opening), **fields)
    except IntegrityError:  # a unique constraint caught a write that did not take the lock
        if Candidate.objects.filter(opening=opening, learner=learner).exists():
            raise ValidationError(
                _("%(name)s is already a candidate for this opening.") % {"name": learner.get_full_name()},
                code="already_candidate",
            ) from None
        raise ValidationError(
            _("The candidates of this opening changed at the same moment. Please try again."), code="conflict"
        ) from None


@transaction.atomic
def candidate_apply(*, opening: Opening, learner: User, motivation: str) -> Candidate:
    opening = _lock(opening)
    return _add_candidate(
        opening=opening, learner=learner, source=Candidate.Source.APPLIED, motivation=motivation.strip()
    )


@transaction.atomic
def candidate_propose(*, opening: Opening, learner: User, by: User, school_ids, note: str = "") -> Candidate:
    """Propose a learner of one of `school_ids` (None: any school) as a candidate."""
    if not learners_of(school_ids).filter(pk=learner.pk).exists():
        raise ValidationError(_("You can only propose learners of your own school."), code="other_school")
    opening = _lock(opening)
    return _add_candidate(
        opening=opening, learner=learner, source=Candidate.Source.PROPOSED, proposed_by=by, motivation=note.strip()
    )


@transaction.atomic
def candidate_withdraw(*, candidate: Candidate, learner: User) -> Candidate:
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.learner_id != learner.pk:
        raise ValidationError(_("Only the learner can withdraw their application."))
    if candidate.status != Candidate.Status.OPEN:
        raise ValidationError(
            _("This application is %(status)s; only an application in selection can be withdrawn.")
            % {"status": candidate.get_status_display()}
        )
    candidate.status = Candidate.Status.WITHDRAWN
    candidate.save(update_fields=["status"])
    return candidate


PROFILE_FIELDS = (
    "programme",
    "energisers",
    "qualities",
    "points_of_attention",
    "preferences",
    "preferred_sectors",
    "preferred_locations",
    "willing_abroad",
    "hours_per_week",
    "available_from",
    "available_until",
    "network",
)


def profile_validate(profile: CandidateProfile) -> None:
    errors: dict[str, list[str]] = {}
    if profile.school_id not in roles_of(profile.learner).schools_as(Role.LEARNER):
        errors.setdefault("school", []).append(_("The profile belongs to a school where the person is a learner."))
    if profile.programme is not None and profile.programme.school_id != profile.school_id:
        errors.setdefault("programme", []).append(_("Choose a programme of the learner's school."))
    if profile.available_from and profile.available_until and profile.available_until <= profile.available_from:
        errors.setdefault("available_until", []).append(_("“Available until” must be after “available from”."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def profile_save(*, learner: User, school: School, data: dict) -> CandidateProfile:
    # Locking the learner serialises a learner and their supervisor saving at the same moment.
    User.objects.select_for_update().filter(pk=learner.pk).first()
    profile = CandidateProfile.objects.filter(learner=learner).first() or CandidateProfile(learner=learner)
    profile.school = school
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    profile_validate(profile)
    profile.save()
    return profile
