"""Writing a placement's assessment plan: the framework version, the chosen indicators and the moments.

Records and evidence point at indicators of the plan's version, so the version is fixed as soon as the
placement has an assessment record; the choice of indicators within that version may still change.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import AssessmentMoment, AssessmentPlan, AssessmentRecord, Framework, FrameworkVersion, Indicator, Method

MOMENT_FIELDS = ("kind", "label", "due_date", "methods", "assessors")


def _check_version(placement: Placement, plan: AssessmentPlan | None, version: FrameworkVersion) -> None:
    if plan is not None and plan.framework_version_id == version.pk:
        return
    framework = version.framework
    usable = (
        version.status == FrameworkVersion.Status.PUBLISHED
        and framework.purpose == Framework.Purpose.LEARNERS
        and framework.school_id in (None, placement.school_id)
    )
    newer = FrameworkVersion.objects.filter(
        framework=framework, status=FrameworkVersion.Status.PUBLISHED, number__gt=version.number
    )
    if not usable or newer.exists():
        raise ValidationError(
            {"framework_version": _("Choose the latest published version of a framework for assessing learners.")}
        )
    if plan is not None and AssessmentRecord.objects.filter(placement=placement).exists():
        raise ValidationError(
            {
                "framework_version": _(
                    "The framework version can no longer change: this placement already has assessment records, "
                    "and their ratings and the evidence belong to the indicators of the current version."
                )
            }
        )


def _check_indicators(version: FrameworkVersion, indicators) -> list[int]:
    ids = sorted({indicator.pk for indicator in indicators})
    if not ids:
        raise ValidationError({"indicators": _("Choose at least one indicator to assess.")})
    if Indicator.objects.filter(pk__in=ids, competency__area__version=version).count() != len(ids):
        raise ValidationError({"indicators": _("Choose indicators of the chosen framework version only.")})
    return ids


@transaction.atomic
def assessment_plan_save(
    *, placement: Placement, by: User, framework_version: FrameworkVersion, indicators, notes: str = ""
) -> AssessmentPlan:
    """Create the plan or change it; refuses another version once the placement has records."""
    # Locking the placement keeps two first saves from both creating a plan; locking the moments makes a
    # version change wait for an assessment that is being started at this very moment.
    Placement.objects.select_for_update().filter(pk=placement.pk).first()
    plan = AssessmentPlan.objects.filter(placement=placement).first()
    if plan is not None:
        list(AssessmentMoment.objects.select_for_update().filter(plan=plan))
    _check_version(placement, plan, framework_version)
    ids = _check_indicators(framework_version, indicators)
    if plan is None:
        plan = AssessmentPlan(placement=placement, created_by=by)
    plan.framework_version = framework_version
    plan.notes = notes.strip()
    plan.save()
    plan.indicators.set(ids)
    return plan


def _check_moment(data: dict) -> None:
    methods = data["methods"]
    if not methods or set(methods) - set(Method.values):
        raise ValidationError({"methods": _("Choose at least one assessment method.")})


@transaction.atomic
def moment_save(*, plan: AssessmentPlan, data: dict, moment: AssessmentMoment | None = None) -> AssessmentMoment:
    _check_moment(data)
    moment = moment or AssessmentMoment(plan=plan)
    for name in MOMENT_FIELDS:
        setattr(moment, name, data[name])
    moment.methods = [value for value in Method.values if value in data["methods"]]
    moment.label = moment.label.strip()
    moment.save()
    return moment


@transaction.atomic
def moment_delete(*, moment: AssessmentMoment) -> None:
    """Refused once an assessment was made for the moment: the record would lose what it was planned for."""
    moment = AssessmentMoment.objects.select_for_update().get(pk=moment.pk)
    if AssessmentRecord.objects.filter(moment=moment).exists():
        raise ValidationError(
            _("“%(moment)s” cannot be removed: an assessment has already been made for it.") % {"moment": moment}
        )
    moment.delete()
