"""The close-out of a placement: what its checklist says, who may do what, and the record a reference letter
is drafted from. Access builds on placements.selectors (placement_for_user: others get 404)."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from accounts.selectors import roles_of
from assessments.models import AssessmentRecord, CompetencyJudgement
from meetings.models import Meeting, Minutes
from mentoring.hours.selectors import hours_totals
from mentoring.models import LearningGoal
from placements.models import Placement
from placements.selectors import can_manage_placement, is_learner_of, is_mentor_of

from ..models import DistributionRule, EmployerReview, SurveyInvitation


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool
    note: str = ""


def can_close(user: User, placement: Placement) -> bool:
    return can_manage_placement(user, placement)


def can_record_review(user: User, placement: Placement) -> bool:
    """The school (coordinators, the supervisor) or the company (its admin, the mentor) records the review."""
    roles = roles_of(user)
    return (
        can_manage_placement(user, placement)
        or is_mentor_of(user, placement)
        or placement.company_id in roles.companies_as(Role.COMPANY_ADMIN)
    )


def can_write_letter(user: User, placement: Placement) -> bool:
    return is_mentor_of(user, placement)


def can_read_letter(user: User, placement: Placement, letter) -> bool:
    """The mentor and the school always; the learner once it was sent to them; nobody else."""
    if can_write_letter(user, placement) or can_manage_placement(user, placement):
        return True
    roles = roles_of(user)
    if placement.school_id in roles.school_staff_school_ids:
        return True
    return is_learner_of(user, placement) and letter is not None and letter.sent_at is not None


def final_assessment(placement: Placement) -> AssessmentRecord | None:
    """The signed final assessment (or, without assessment moments, the last signed record)."""
    signed = AssessmentRecord.objects.filter(placement=placement, status=AssessmentRecord.Status.SIGNED)
    return (
        signed.filter(Q(moment__kind="final") | Q(moment__isnull=True))
        .select_related("overall_level")
        .order_by("-assessed_on", "-pk")
        .first()
    )


def last_minutes_confirmed(placement: Placement) -> bool | None:
    """Whether the last tripartite meeting held has confirmed minutes; None when none was held."""
    last = (
        Meeting.objects.filter(placement=placement, starts_at__lte=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )
    if last is None:
        return None
    return Minutes.objects.filter(meeting=last, status=Minutes.Status.CONFIRMED).exists()


def surveys_sent(placement: Placement) -> tuple[bool, str]:
    end_rules = DistributionRule.objects.filter(
        school_id=placement.school_id,
        is_active=True,
        moment__in=[DistributionRule.Moment.BEFORE_END, DistributionRule.Moment.AFTER_END],
    )
    if not end_rules.exists():
        return True, str(_("The school has no end-of-placement surveys."))
    invitations = SurveyInvitation.objects.filter(placement=placement, rule__in=end_rules)
    sent = invitations.filter(sent_at__isnull=False).count()
    return sent > 0 and sent == invitations.count(), ""


def checklist(placement: Placement) -> list[ChecklistItem]:
    totals = hours_totals(placement)
    minutes = last_minutes_confirmed(placement)
    sent, survey_note = surveys_sent(placement)
    return [
        ChecklistItem("assessment", _("Final assessment signed"), final_assessment(placement) is not None),
        ChecklistItem(
            "hours",
            _("Placement hours approved"),
            totals.approved_minutes > 0 and totals.waiting_count == 0,
            _("%(n)s hours approved") % {"n": totals.approved_hours},
        ),
        ChecklistItem(
            "minutes",
            _("Minutes of the last tripartite meeting confirmed"),
            bool(minutes),
            "" if minutes is not None else str(_("No tripartite meeting held yet.")),
        ),
        ChecklistItem("surveys", _("End-of-placement surveys sent"), sent, survey_note),
        ChecklistItem(
            "review", _("Review with the employer held"), EmployerReview.objects.filter(placement=placement).exists()
        ),
    ]


@dataclass(frozen=True)
class PlacementRecord:
    """What a reference letter is drafted from."""

    goals_reached: list[str]
    competencies: list[tuple[str, str]]  # competency, level
    approved_hours: object
    overall: str


def placement_record(placement: Placement) -> PlacementRecord:
    goals = list(
        LearningGoal.objects.filter(plan__placement=placement, status=LearningGoal.Status.ACHIEVED)
        .order_by("position", "pk")
        .values_list("title", flat=True)
    )
    record = final_assessment(placement)
    competencies = []
    if record is not None:
        for judgement in (
            CompetencyJudgement.objects.filter(record=record, level__isnull=False)
            .select_related("competency", "level")
            .order_by("competency__position", "pk")
        ):
            competencies.append((judgement.competency.title, judgement.level.title))
    return PlacementRecord(
        goals_reached=goals,
        competencies=competencies,
        approved_hours=hours_totals(placement).approved_hours,
        overall=record.overall_level.title if record is not None and record.overall_level else "",
    )
