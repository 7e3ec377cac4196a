"""Starting the assessment of a work mentor in a mentor course: a draft record against the mentor job profile."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from registry.models import Enrolment

from ..models import AssessmentRecord, FrameworkVersion, Indicator, Rating
from .selectors import mentor_framework_versions, open_record_exists


def _choose_version(school_id: int, version_id: int | None) -> FrameworkVersion:
    versions = mentor_framework_versions(school_id)
    if not versions:
        raise ValidationError(
            _(
                "There is no published framework for assessing work mentors. Publish one (or ask the "
                "coordinator to) under Competency frameworks, then start the assessment."
            )
        )
    if version_id is None and len(versions) == 1:
        return versions[0]
    chosen = next((version for version in versions if version.pk == version_id), None)
    if chosen is None:
        raise ValidationError({"version": _("Choose the framework to assess against.")})
    return chosen


@transaction.atomic
def course_assessment_start(*, enrolment: Enrolment, teacher: User, version_id: int | None = None) -> AssessmentRecord:
    """A draft record of the participant with an empty rating for every indicator of the chosen version.

    The enrolment row is locked so that two clicks cannot both start one: a participant has at most one
    open (draft or waiting) record at a time.
    """
    enrolment = Enrolment.objects.select_for_update().select_related("course", "participant").get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        raise ValidationError(_("This participant has withdrawn from the course."))
    if open_record_exists(enrolment):
        raise ValidationError(
            _("%(name)s already has an assessment that is not finished; continue that one.")
            % {"name": enrolment.participant.get_full_name()}
        )
    version = _choose_version(enrolment.course.school_id, version_id)
    record = AssessmentRecord.objects.create(
        subject=enrolment.participant,
        placement=None,
        enrolment=enrolment,
        framework_version=version,
        title=_("Assessment against the mentor job profile"),
        assessed_on=timezone.localdate(),
        created_by=teacher,
    )
    indicators = Indicator.objects.filter(competency__area__version=version).order_by(
        "competency__area__position", "competency__position", "position", "pk"
    )
    Rating.objects.bulk_create(Rating(record=record, indicator=indicator) for indicator in indicators)
    return record
