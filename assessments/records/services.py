"""Drafting assessment records: start one for a planned moment, rate it, amend a signed one, delete a draft.

Lifecycle: draft -> awaiting signatures -> signed (locked) -> amended (a new draft version replaces it).
Only a draft changes; every write locks the record's row first and refuses anything that is not a draft, so
a save racing the submission for signatures either lands before it or changes nothing.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import AssessmentMoment, AssessmentRecord, CompetencyJudgement, Rating, RatingLevel
from .selectors import amend_refusal, change_refusal, indicators_to_rate


class RecordLocked(ValidationError):
    """The record is not a draft (any more): it waits for signatures, is signed, or has been amended."""


@dataclass(frozen=True)
class Score:
    """A level (None: not rated) and remarks, for one indicator or one competency."""

    level: RatingLevel | None
    remarks: str = ""


def _locked_record(record: AssessmentRecord) -> AssessmentRecord:
    return AssessmentRecord.objects.select_for_update().get(pk=record.pk)


def _locked_draft(record: AssessmentRecord) -> AssessmentRecord:
    record = _locked_record(record)
    refusal = change_refusal(record)
    if refusal:
        raise RecordLocked(refusal)
    return record


def _clean_title(title: str) -> str:
    if not title.strip():
        raise ValidationError({"title": _("Give the assessment a title.")})
    return title.strip()


@transaction.atomic
def record_start(*, moment: AssessmentMoment, by: User, title: str, assessed_on: date) -> AssessmentRecord:
    """A draft for a planned moment on the plan's framework version, with an empty rating per chosen indicator."""
    moment = (
        AssessmentMoment.objects.select_for_update(of=("self",))
        .select_related("plan__placement", "plan__framework_version")
        .get(pk=moment.pk)
    )
    if AssessmentRecord.objects.filter(moment=moment).exists():
        raise ValidationError(_("An assessment for this moment has already been started."))
    placement = moment.plan.placement
    record = AssessmentRecord.objects.create(
        subject_id=placement.learner_id,
        placement=placement,
        moment=moment,
        framework_version=moment.plan.framework_version,
        title=_clean_title(title),
        assessed_on=assessed_on,
        created_by=by,
    )
    Rating.objects.bulk_create(Rating(record=record, indicator=indicator) for indicator in indicators_to_rate(record))
    return record


def _check_level(record: AssessmentRecord, level: RatingLevel | None) -> None:
    if level is not None and level.version_id != record.framework_version_id:
        raise ValidationError(_("That rating level is not part of this assessment's framework version."))


@transaction.atomic
def record_save(
    *,
    record: AssessmentRecord,
    by: User,
    title: str,
    assessed_on: date,
    ratings: dict[int, Score],
    judgements: dict[int, Score],
    overall: Score,
    strengths: str = "",
    development_points: str = "",
) -> AssessmentRecord:
    """Save the whole draft at once: ratings by indicator id, judgements by competency id, and the overall part."""
    record = _locked_draft(record)
    for score in [*ratings.values(), *judgements.values(), overall]:
        _check_level(record, score.level)
    existing = {
        rating.indicator_id: rating for rating in Rating.objects.filter(record=record).select_related("indicator")
    }
    indicators = {rating.indicator_id: rating.indicator for rating in existing.values()}
    if not indicators:
        indicators = {indicator.pk: indicator for indicator in indicators_to_rate(record)}
    if set(ratings) - set(indicators):
        raise ValidationError(_("That indicator is not part of this assessment."))
    competencies = {indicator.competency_id for indicator in indicators.values()}
    if set(judgements) - competencies:
        raise ValidationError(_("That competency is not part of this assessment."))

    changed, created = [], []
    for indicator_id, score in ratings.items():
        rating = existing.get(indicator_id) or Rating(record=record, indicator_id=indicator_id)
        rating.level, rating.remarks = score.level, score.remarks.strip()
        (changed if rating.pk else created).append(rating)
    Rating.objects.bulk_update(changed, ["level", "remarks"])
    Rating.objects.bulk_create(created)
    _save_judgements(record, judgements)

    record.title = _clean_title(title)
    record.assessed_on = assessed_on
    record.overall_level, record.overall_remarks = overall.level, overall.remarks.strip()
    record.strengths, record.development_points = strengths.strip(), development_points.strip()
    record.save()
    return record


def _save_judgements(record: AssessmentRecord, judgements: dict[int, Score]) -> None:
    existing = {judgement.competency_id: judgement for judgement in CompetencyJudgement.objects.filter(record=record)}
    changed, created = [], []
    for competency_id, score in judgements.items():
        judgement = existing.get(competency_id)
        if judgement is None and score.level is None and not score.remarks.strip():
            continue  # nothing said about this competency: no row
        judgement = judgement or CompetencyJudgement(record=record, competency_id=competency_id)
        judgement.level, judgement.remarks = score.level, score.remarks.strip()
        (changed if judgement.pk else created).append(judgement)
    CompetencyJudgement.objects.bulk_update(changed, ["level", "remarks"])
    CompetencyJudgement.objects.bulk_create(created)


@transaction.atomic
def record_amend(*, record: AssessmentRecord, by: User, reason: str) -> AssessmentRecord:
    """A new draft version that copies the signed record's content; the signed one stays readable, as amended.

    Signatures and the response of the person assessed are not copied: they belong to what was signed.
    """
    old = _locked_record(record)
    refusal = amend_refusal(old)
    if refusal:
        raise RecordLocked(refusal)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the assessment needs to be amended.")})
    new = AssessmentRecord.objects.create(
        subject_id=old.subject_id,
        placement_id=old.placement_id,
        moment_id=old.moment_id,
        enrolment_id=old.enrolment_id,
        framework_version_id=old.framework_version_id,
        title=old.title,
        assessed_on=old.assessed_on,
        version=old.version + 1,
        amends=old,
        amendment_reason=reason.strip(),
        overall_level_id=old.overall_level_id,
        overall_remarks=old.overall_remarks,
        strengths=old.strengths,
        development_points=old.development_points,
        created_by=by,
    )
    Rating.objects.bulk_create(
        Rating(record=new, indicator_id=rating.indicator_id, level_id=rating.level_id, remarks=rating.remarks)
        for rating in Rating.objects.filter(record=old)
    )
    CompetencyJudgement.objects.bulk_create(
        CompetencyJudgement(
            record=new, competency_id=judgement.competency_id, level_id=judgement.level_id, remarks=judgement.remarks
        )
        for judgement in CompetencyJudgement.objects.filter(record=old)
    )
    old.status = AssessmentRecord.Status.AMENDED
    old.save(update_fields=["status"])
    return new


@transaction.atomic
def record_delete(*, record: AssessmentRecord, by: User) -> AssessmentRecord | None:
    """Delete a draft; a draft amendment gives its signed record back. Returns that record, if any."""
    record = _locked_draft(record)
    restored = None
    if record.amends_id is not None:
        restored = _locked_record(record.amends)
        restored.status = AssessmentRecord.Status.SIGNED
        restored.save(update_fields=["status"])
    record.delete()
    return restored
