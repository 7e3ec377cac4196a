"""Reads for assessing work mentors in a mentor course (work process 1.5's assessment, reused for the mentor)."""

from dataclasses import dataclass

from django.db.models import Q

from accounts.models import User
from registry.models import Course, Enrolment

from ..models import AssessmentRecord, Framework, FrameworkVersion
from ..selectors import can_assess_course_participant

OPEN_STATUSES = (AssessmentRecord.Status.DRAFT, AssessmentRecord.Status.AWAITING)


def can_assess_in_course(user: User, course: Course) -> bool:
    """Whether `user` assesses this course's participants; the rule depends on the course alone."""
    return can_assess_course_participant(user, Enrolment(course=course))


def mentor_framework_versions(school_id: int) -> list[FrameworkVersion]:
    """Per framework for assessing mentors, shipped or of the school, its latest published version."""
    versions = (
        FrameworkVersion.objects.filter(
            status=FrameworkVersion.Status.PUBLISHED,
            framework__purpose=Framework.Purpose.MENTORS,
        )
        .filter(Q(framework__school__isnull=True) | Q(framework__school_id=school_id))
        .select_related("framework")
        .order_by("framework_id", "-number")
    )
    latest: dict[int, FrameworkVersion] = {}
    for version in versions:
        latest.setdefault(version.framework_id, version)
    return sorted(latest.values(), key=lambda version: (version.framework.title.lower(), version.pk))


def open_record_exists(enrolment: Enrolment) -> bool:
    return AssessmentRecord.objects.filter(enrolment=enrolment, status__in=OPEN_STATUSES).exists()


@dataclass
class AssessmentSummary:
    latest: AssessmentRecord | None = None  # the newest record, whatever its status
    result: AssessmentRecord | None = None  # the newest signed record: what counts

    @property
    def met_criteria(self) -> bool:
        level = self.result.overall_level if self.result else None
        return level is not None and level.is_passing

    @property
    def has_open_record(self) -> bool:
        return self.latest is not None and self.latest.status in OPEN_STATUSES


def course_assessment_summary(enrolment_ids) -> dict[int, AssessmentSummary]:
    """Per enrolment id its latest record and signed result, in one query; enrolments never assessed are absent."""
    records = (
        AssessmentRecord.objects.filter(enrolment_id__in=list(enrolment_ids))
        .select_related("overall_level", "framework_version__framework")
        .order_by("-created_at", "-pk")
    )
    summaries: dict[int, AssessmentSummary] = {}
    for record in records:
        summary = summaries.setdefault(record.enrolment_id, AssessmentSummary())
        if summary.latest is None:
            summary.latest = record
        if summary.result is None and record.status == AssessmentRecord.Status.SIGNED:
            summary.result = record
    return summaries


@dataclass
class ParticipantRow:
    enrolment: Enrolment
    assessment: AssessmentSummary


def course_assessment_rows(course: Course) -> list[ParticipantRow]:
    """Every participant with their latest record and their signed result; two queries however many take part."""
    enrolments = list(
        course.enrolments.select_related("participant", "company").order_by(
            "participant__last_name", "participant__first_name", "pk"
        )
    )
    summaries = course_assessment_summary(enrolment.pk for enrolment in enrolments)
    return [ParticipantRow(enrolment, summaries.get(enrolment.pk, AssessmentSummary())) for enrolment in enrolments]
