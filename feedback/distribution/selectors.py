"""Reads for distribution: who manages a school's rules, a person's own open surveys, and what the scan needs."""

from django.db.models import Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import Membership, Role, User
from accounts.selectors import roles_of
from placements.models import Placement
from registry.models import Course, Enrolment

from ..models import DistributionRule, FeedbackSettings, Questionnaire, SurveyInvitation


def managed_school_ids(user: User) -> frozenset[int] | None:
    """Schools whose rules and settings the user changes (coordinators); None: all (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.schools_as(Role.COORDINATOR)


def rules_visible_to(user: User) -> QuerySet[DistributionRule]:
    schools = managed_school_ids(user)
    rules = DistributionRule.objects.select_related("school", "questionnaire")
    return rules if schools is None else rules.filter(school_id__in=schools)


def rule_for_user(user: User, pk) -> DistributionRule:
    try:
        return rules_visible_to(user).get(pk=pk)
    except (DistributionRule.DoesNotExist, ValueError, TypeError):
        raise Http404("No such rule.") from None


def questionnaires_for_rules(school_ids) -> QuerySet[Questionnaire]:
    """What a rule may send: the school's own questionnaires and the shipped ones, with a published version."""
    own = Q(school__isnull=True) if school_ids is None else Q(school__isnull=True) | Q(school_id__in=school_ids)
    return Questionnaire.objects.filter(own, versions__status="published").distinct().select_related("school")


def settings_for(school_id: int) -> FeedbackSettings:
    found = FeedbackSettings.objects.filter(school_id=school_id).first()
    return found or FeedbackSettings(school_id=school_id)


def open_surveys_of(user: User) -> QuerySet[SurveyInvitation]:
    return (
        SurveyInvitation.objects.filter(recipient=user, answered=False)
        .select_related("version__questionnaire", "placement__company", "course")
        .order_by("-created_at")
    )


def invitation_of(user: User, pk) -> SurveyInvitation:
    """The user's own invitation; anyone else's is a 404."""
    try:
        return SurveyInvitation.objects.select_related("version__questionnaire", "placement", "course").get(
            pk=pk, recipient=user
        )
    except (SurveyInvitation.DoesNotExist, ValueError, TypeError):
        raise Http404("No such survey.") from None


# --- for the scan ------------------------------------------------------------------------------------------


def placements_for_rules(school_ids) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(school_id__in=school_ids, archived_at__isnull=True)
        .exclude(status=Placement.Status.ENDED_EARLY)
        .only("pk", "school_id", "company_id", "learner_id", "mentor_id", "start_date", "end_date", "status")
    )


def enrolments_for_rules(school_ids) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(
        course__school_id__in=school_ids, status__in=[Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED]
    ).only("pk", "course_id", "participant_id", "company_id")


def company_admin_ids(company_ids) -> dict[int, list[int]]:
    admins: dict[int, list[int]] = {}
    for user_id, company_id in Membership.objects.filter(
        role=Role.COMPANY_ADMIN, ended_at__isnull=True, company_id__in=company_ids, user__is_active=True
    ).values_list("user_id", "company_id"):
        admins.setdefault(company_id, []).append(user_id)
    return admins


def course_ends(school_ids) -> dict[int, object]:
    """Each course's last day (its last session's end, local time) for the schools' courses with sessions."""
    ends = {}
    for course_id, last in (
        Course.objects.filter(school_id__in=school_ids)
        .annotate(last=Max("sessions__ends_at"))
        .filter(last__isnull=False)
        .values_list("pk", "last")
    ):
        ends[course_id] = timezone.localtime(last).date()
    return ends
