"""Who may see and do what with assessments. Views ask here (or in a sub-package's selectors.py), never decide.

Assessments of a placement follow the coaching rules (mentoring/selectors.py): the learner, the work mentor,
the school (supervisors and coordinators of the placement's school) and staff see them; the company admin
does not. Assessments of a mentor in a course are seen by that mentor, the school staff of the course's
school and staff. Outsiders get 404, insiders without the right 403.
"""

from django.http import Http404

from accounts.models import Role, User
from accounts.selectors import roles_of
from mentoring.selectors import can_view_coaching, coaching_placement_for_user, is_supervisor_of
from placements.models import Placement

from .models import AssessmentMoment, AssessmentRecord, Assessors


def assessment_placement_for_user(user: User, pk: int) -> Placement:
    """The placement, if `user` may see its assessments; 404 otherwise."""
    return coaching_placement_for_user(user, pk)


def can_plan_assessment(user: User, placement: Placement) -> bool:
    """The work mentor and the school (supervisor, coordinator) decide what is assessed and how."""
    return user.pk == placement.mentor_id or is_supervisor_of(user, placement)


def can_add_evidence(user: User, placement: Placement) -> bool:
    return user.pk in (placement.learner_id, placement.mentor_id) or is_supervisor_of(user, placement)


def can_assess(user: User, placement: Placement, moment: AssessmentMoment | None = None) -> bool:
    """Assessors of a moment: the mentor, the supervisor or both, as the plan says; both when unplanned."""
    assessors = moment.assessors if moment is not None else Assessors.BOTH
    as_mentor = user.pk == placement.mentor_id and assessors in (Assessors.MENTOR, Assessors.BOTH)
    as_school = is_supervisor_of(user, placement) and assessors in (Assessors.SUPERVISOR, Assessors.BOTH)
    return as_mentor or as_school


def _can_view_course_record(user: User, record: AssessmentRecord) -> bool:
    enrolment = record.enrolment
    roles = roles_of(user)
    return (
        roles.is_staff
        or user.pk == enrolment.participant_id
        or enrolment.course.school_id in roles.school_staff_school_ids
    )


def can_view_record(user: User, record: AssessmentRecord) -> bool:
    if record.placement_id is not None:
        return can_view_coaching(user, record.placement)
    return _can_view_course_record(user, record)


def can_edit_record(user: User, record: AssessmentRecord) -> bool:
    """Only a draft changes, and only by its assessors; a locked record changes by amendment only."""
    if not record.is_editable:
        return False
    if record.placement_id is not None:
        return can_assess(user, record.placement, record.moment)
    return can_assess_course_participant(user, record.enrolment)


def can_assess_course_participant(user: User, enrolment) -> bool:
    """The course's teacher, and teachers and coordinators of its school, assess a participant."""
    roles = roles_of(user)
    course = enrolment.course
    return (
        roles.is_staff
        or user.pk == course.teacher_id
        or course.school_id in (roles.schools_as(Role.TEACHER) | roles.schools_as(Role.COORDINATOR))
    )


def records_for_pages():
    """Records with what their pages, PDF and e-mails show: subject, placement or course, framework, levels."""
    return AssessmentRecord.objects.select_related(
        "subject",
        "placement__learner",
        "placement__mentor",
        "placement__supervisor",
        "placement__company",
        "placement__school",
        "moment",
        "enrolment__course__school",
        "enrolment__course__teacher",
        "enrolment__company",
        "enrolment__participant",
        "framework_version__framework",
        "overall_level",
        "amends",
    )


def record_for_user(user: User, pk: int) -> AssessmentRecord:
    """The record with what its pages need, if `user` may see it; 404 otherwise."""
    record = records_for_pages().filter(pk=pk).first()
    if record is None or not can_view_record(user, record):
        raise Http404("No such assessment.")
    return record
