"""Writes of the selection interviews (work process 1.1): criteria, interviewers, score sheets and decisions.

Every write that depends on whether scoring has started locks the opening's row first. The first score of
the opening fixes its criteria in the same transaction, so a criterion cannot change between the moment
someone reads the criteria and the moment the first score that relies on them is saved. A decision also
locks the candidate, so a double submit appoints once and creates one placement.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import School, User
from core.outbox import enqueue

from ..induction.services import checklist_from_template
from ..models import (
    SCORE_MAX,
    SCORE_MIN,
    Candidate,
    CriterionScore,
    Opening,
    Placement,
    Programme,
    ScoreSheet,
    SelectionCriterion,
)
from ..services import placement_create
from .selectors import (
    SCOREABLE_STATUSES,
    appointed_count,
    criteria_fixed_reason,
    criteria_of,
    eligible_interviewers,
    learner_school_id,
    missing_for_appointment,
    profile_of,
)
from .tasks import send_selection_decision

DIRECTIONS = ("up", "down")

ALLOWED_DECISIONS = {
    Candidate.Status.OPEN: (Candidate.Status.APPOINTED, Candidate.Status.RESERVE, Candidate.Status.REJECTED),
    Candidate.Status.RESERVE: (Candidate.Status.APPOINTED, Candidate.Status.REJECTED),
}


class CriteriaFixed(ValidationError):
    """Scoring has started: the criteria and the way of scoring stay as they are for every candidate."""


@dataclass(frozen=True)
class Entry:
    """One row of a score sheet as the interviewer filled it in; score None means not scored yet."""

    score: int | None
    evidence: str


@dataclass(frozen=True)
class Appointment:
    """The placement an appointment creates, as the company admin set it up."""

    mentor: User
    supervisor: User
    programme: Programme
    start_date: date
    end_date: date
    hours_per_week: int


def _locked_opening(opening_id: int) -> Opening:
    return Opening.objects.select_for_update().get(pk=opening_id)


def _refuse_when_fixed(opening: Opening) -> None:
    reason = criteria_fixed_reason(opening)
    if reason is not None:
        raise CriteriaFixed(reason)


def _clean_text(title: str, questions: str) -> tuple[str, str]:
    title, questions = title.strip(), questions.strip()
    errors = {}
    if not title:
        errors["title"] = _("Name the criterion.")
    if not questions:
        errors["questions"] = _("Write down the questions you ask every candidate about this criterion.")
    if errors:
        raise ValidationError(errors)
    return title, questions


@transaction.atomic
def criterion_add(*, opening: Opening, title: str, questions: str) -> SelectionCriterion:
    opening = _locked_opening(opening.pk)
    _refuse_when_fixed(opening)
    title, questions = _clean_text(title, questions)
    last = SelectionCriterion.objects.filter(opening=opening).aggregate(last=Max("position"))["last"]
    return SelectionCriterion.objects.create(
        opening=opening, title=title, questions=questions, position=0 if last is None else last + 1
    )


@transaction.atomic
def criterion_update(*, criterion: SelectionCriterion, title: str, questions: str) -> SelectionCriterion:
    _refuse_when_fixed(_locked_opening(criterion.opening_id))
    criterion.title, criterion.questions = _clean_text(title, questions)
    criterion.save(update_fields=["title", "questions"])
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: SelectionCriterion) -> None:
    _refuse_when_fixed(_locked_opening(criterion.opening_id))
    criterion.delete()


@transaction.atomic
def criterion_move(*, criterion: SelectionCriterion, direction: str) -> None:
    """Move a criterion one place up or down; the positions are renumbered 0, 1, 2 ... on the way."""
    if direction not in DIRECTIONS:
        raise ValidationError(_("Move a criterion up or down."))
    opening = _locked_opening(criterion.opening_id)
    _refuse_when_fixed(opening)
    ordered = list(criteria_of(opening))
    index = next((i for i, item in enumerate(ordered) if item.pk == criterion.pk), None)
    if index is None:
        raise ValidationError(_("That criterion no longer exists."))
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered):
        item.position = position
    SelectionCriterion.objects.bulk_update(ordered, ["position"])


@transaction.atomic
def scoring_anonymised_set(*, opening: Opening, anonymised: bool) -> Opening:
    locked = _locked_opening(opening.pk)
    _refuse_when_fixed(locked)
    locked.anonymised_scoring = anonymised
    locked.save(update_fields=["anonymised_scoring"])
    opening.anonymised_scoring = anonymised
    return locked


@transaction.atomic
def interviewers_set(*, opening: Opening, interviewers) -> Opening:
    """Name the interviewers. Someone who has scored stays one: their scores remain part of the selection."""
    opening = _locked_opening(opening.pk)
    chosen = {user.pk: user for user in interviewers}
    current = set(opening.interviewers.values_list("pk", flat=True))
    eligible = set(eligible_interviewers(opening).values_list("pk", flat=True))
    errors = [
        _("%(name)s is not a work mentor or company admin of %(company)s.")
        % {"name": chosen[pk].get_full_name(), "company": opening.company.name}
        for pk in sorted(set(chosen) - current - eligible)
    ]
    removed = current - set(chosen)
    scored = (
        User.objects.filter(
            pk__in=removed, score_sheets__candidate__opening=opening, score_sheets__scores__isnull=False
        )
        .distinct()
        .order_by("last_name", "first_name")
    )
    errors += [
        _("%(name)s has scored candidates already and stays an interviewer: their scores count in the selection.")
        % {"name": user.get_full_name()}
        for user in scored
    ]
    if errors:
        raise ValidationError({"interviewers": errors})
    opening.interviewers.set(chosen.values())
    return opening


@transaction.atomic
def sheet_save(*, candidate: Candidate, interviewer: User, entries: dict[int, Entry], submit: bool) -> ScoreSheet:
    """Save the interviewer's own sheet for the candidate as a draft, or submit it (then it is final).

    `entries` maps criterion ids to what was filled in. Errors are keyed `score_<id>` / `evidence_<id>`.
    """
    opening = _locked_opening(candidate.opening_id)
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if not opening.interviewers.filter(pk=interviewer.pk).exists():
        raise ValidationError(_("Only the interviewers of this opening score its candidates."))
    if candidate.status not in SCOREABLE_STATUSES:
        raise ValidationError(
            _("This candidate is %(status)s; the scores can no longer change.")
            % {"status": candidate.get_status_display()}
        )
    criteria = list(criteria_of(opening))
    if not criteria:
        raise ValidationError(_("This opening has no selection criteria yet, so there is nothing to score."))
    if set(entries) - {criterion.pk for criterion in criteria}:
        raise ValidationError(_("The criteria of this opening have changed. Reload the page and try again."))
    sheet, _created = ScoreSheet.objects.get_or_create(candidate=candidate, interviewer=interviewer)
    if sheet.submitted_at is not None:
        raise ValidationError(_("You have submitted your score sheet for this candidate; it can no longer change."))

    errors: dict[str, str] = {}
    for criterion in criteria:
        entry = entries.get(criterion.pk, Entry(None, ""))
        if entry.score is None:
            if entry.evidence.strip():
                errors[f"score_{criterion.pk}"] = _("Give a score with this evidence, or leave both empty.")
            elif submit:
                errors[f"score_{criterion.pk}"] = _("Score every criterion before you submit.")
        elif not SCORE_MIN <= entry.score <= SCORE_MAX:
            errors[f"score_{criterion.pk}"] = _("A score is a whole number from %(min)s to %(max)s.") % {
                "min": SCORE_MIN,
                "max": SCORE_MAX,
            }
        elif not entry.evidence.strip():
            errors[f"evidence_{criterion.pk}"] = _("Write down what the candidate said or did that supports the score.")
    if errors:
        raise ValidationError(errors)

    existing = {score.criterion_id: score for score in sheet.scores.all()}
    for criterion in criteria:
        entry = entries.get(criterion.pk, Entry(None, ""))
        if entry.score is None:
            if criterion.pk in existing:
                existing[criterion.pk].delete()
            continue
        CriterionScore.objects.update_or_create(
            sheet=sheet, criterion=criterion, defaults={"score": entry.score, "evidence": entry.evidence.strip()}
        )
        if opening.criteria_locked_at is None:
            opening.criteria_locked_at = timezone.now()
            opening.save(update_fields=["criteria_locked_at"])
    if submit:
        sheet.submitted_at = timezone.now()
        sheet.save(update_fields=["submitted_at"])
    return sheet


def _create_placement(opening: Opening, candidate: Candidate, appointment: Appointment | None) -> Placement:
    if appointment is None:
        raise ValidationError(_("Set up the placement: work mentor, school supervisor, programme and period."))
    missing = missing_for_appointment(candidate)
    if missing:
        raise ValidationError(
            [_("Every interviewer must submit a complete score sheet before a candidate is appointed.")] + missing
        )
    appointed = appointed_count(opening)
    if appointed >= opening.places:
        raise ValidationError(
            _("All %(places)s places of this opening are taken.") % {"places": opening.places}
            if opening.places > 1
            else _("The place of this opening is taken.")
        )
    school_id = learner_school_id(candidate, profile_of(candidate))
    if school_id is None:
        raise ValidationError(_("The learner is not enrolled at one school, so the placement cannot be set up."))
    placement = placement_create(
        data={
            "school": School.objects.get(pk=school_id),
            "learner": candidate.learner,
            "company": opening.company,
            "mentor": appointment.mentor,
            "supervisor": appointment.supervisor,
            "programme": appointment.programme,
            "start_date": appointment.start_date,
            "end_date": appointment.end_date,
            "hours_per_week": appointment.hours_per_week,
        }
    )
    if appointed + 1 == opening.places:
        opening.status = Opening.Status.FILLED
        opening.save(update_fields=["status"])
    return placement


@transaction.atomic
def candidate_decide(
    *, candidate: Candidate, by: User, status: str, reason: str = "", appointment: Appointment | None = None
) -> Candidate:
    """Appoint, keep in reserve or not select a candidate; the candidate is told by e-mail once it is saved."""
    opening = _locked_opening(candidate.opening_id)
    candidate = Candidate.objects.select_for_update().select_related("learner").get(pk=candidate.pk)
    candidate.opening = opening
    if status not in ALLOWED_DECISIONS.get(candidate.status, ()):
        if status == candidate.status:
            raise ValidationError(
                _("This candidate is already %(status)s.") % {"status": candidate.get_status_display()}
            )
        raise ValidationError(
            _("A candidate who is %(current)s cannot become %(new)s.")
            % {"current": candidate.get_status_display(), "new": Candidate.Status(status).label}
        )
    reason = reason.strip()
    if status == Candidate.Status.REJECTED and not reason:
        raise ValidationError({"reason": _("Give the reason for not selecting the candidate; they will read it.")})
    placement = _create_placement(opening, candidate, appointment) if status == Candidate.Status.APPOINTED else None
    if placement is not None:
        candidate.placement = placement
    candidate.status = status
    candidate.decision_reason = reason
    candidate.decided_by = by
    candidate.decided_at = timezone.now()
    candidate.decision_sent_at = None  # a new decision is news again, e.g. from reserve to appointed
    candidate.save(
        update_fields=["placement", "status", "decision_reason", "decided_by", "decided_at", "decision_sent_at"]
    )
    if placement is not None:
        checklist_from_template(placement)
    enqueue(send_selection_decision, candidate.pk)
    return candidate
