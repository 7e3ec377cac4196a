"""What Werkmentor holds about one person, as plain data (sections of JSON-ready rows).

The rule: a learner gets everything kept about their own placements; everyone else gets their profile and what
they wrote or took part in (a mentor's sessions they logged, their own private notes, their own signatures), never
what a colleague wrote. Anonymous survey answers are never linked back to a person, so they are not here.
"""

from django.db.models import Q

from accounts.models import Membership, User
from assessments.models import AssessmentRecord, DevelopmentGoal, Evidence, SelfAssessment, Signature
from feedback.models import SurveyInvitation
from meetings.models import Meeting, Minutes, Participant
from mentoring.models import (
    ActionItem,
    CoachingPlan,
    CoachingSession,
    CriticalSituation,
    DevelopmentActivity,
    HoursEntry,
    Incident,
    LearningGoal,
    MentoringAgreement,
    Obstacle,
    PlannedSession,
    PrivateNote,
)
from notifications.models import Notification
from placements.models import LearnerRecord, Placement
from registry.models import Certificate, Enrolment, Submission

from ..models import PrivacyRequest

SESSION_FIELDS = [
    "id", "placement_id", "date", "duration_minutes", "form", "activities", "went_well", "to_improve",
    "learner_reflection", "reflection_at", "next_session_on", "created_at",
]  # fmt: skip


def _rows(queryset, *fields) -> list[dict]:
    return list(queryset.values(*fields))


def _placements(user: User):
    return Placement.objects.filter(Q(learner=user) | Q(mentor=user) | Q(supervisor=user)).order_by("start_date", "pk")


def _placement_rows(user: User, placements) -> list[dict]:
    rows = []
    for placement in placements.select_related("school", "company", "programme", "learner", "mentor", "supervisor"):
        role = "supervisor"
        if placement.learner_id == user.pk:
            role = "learner"
        elif placement.mentor_id == user.pk:
            role = "mentor"
        rows.append(
            {
                "id": placement.pk,
                "your_role": role,
                "school": placement.school.name,
                "company": placement.company.name,
                "programme": placement.programme.name,
                "learner": placement.learner.get_full_name(),
                "work_mentor": placement.mentor.get_full_name(),
                "school_supervisor": placement.supervisor.get_full_name(),
                "start_date": placement.start_date,
                "end_date": placement.end_date,
                "hours_per_week": placement.hours_per_week,
                "status": placement.status,
                "ended_on": placement.ended_on,
                "end_reason": placement.end_reason,
            }
        )
    return rows


def _learner_sections(user: User) -> dict[str, list]:
    """Everything kept about the learner's own placements."""
    own = Placement.objects.filter(learner=user)
    sessions = CoachingSession.objects.filter(placement__in=own).order_by("date", "pk")
    return {
        "learner_record": _rows(
            LearnerRecord.objects.filter(user=user),
            "school__name",
            "student_number",
            "programme__name",
            "cohort",
            "date_of_birth",
            "guardian_name",
            "guardian_email",
            "guardian_phone",
            "left_on",
        ),
        "coaching_plans": _rows(
            CoachingPlan.objects.filter(placement__in=own),
            "placement_id",
            "status",
            "coaching_frequency",
            "coaching_forms",
            "learning_style",
            "energisers",
            "updated_at",
        ),
        "goals": _rows(
            LearningGoal.objects.filter(plan__placement__in=own).order_by("plan", "position", "pk"),
            "plan__placement_id",
            "title",
            "success_measure",
            "target_date",
            "rationale",
            "status",
            "progress",
            "next_review",
        ),
        "sessions": _rows(sessions, *SESSION_FIELDS),
        "reflections": _rows(
            sessions.exclude(learner_reflection=""), "id", "placement_id", "date", "learner_reflection", "reflection_at"
        ),
        "hours": _rows(
            HoursEntry.objects.filter(placement__in=own).order_by("date", "pk"),
            "placement_id",
            "date",
            "start_time",
            "end_time",
            "break_minutes",
            "description",
            "status",
            "decided_at",
            "rejection_reason",
        ),
        "obstacles": _rows(
            Obstacle.objects.filter(placement__in=own).order_by("pk"),
            "placement_id",
            "side",
            "description",
            "how_to_overcome",
            "support_needed",
            "status",
            "created_at",
        ),
        "incidents": _rows(
            Incident.objects.filter(placement__in=own).order_by("pk"),
            "placement_id",
            "category",
            "occurred_on",
            "description",
            "actions_taken",
            "status",
            "escalated_at",
        ),
        "mentoring_agreements": _rows(
            MentoringAgreement.objects.filter(placement__in=own),
            "placement_id",
            "mentor_will",
            "mentor_will_not",
            "learner_will",
            "learner_will_not",
            "mentor_helps_with",
            "mentor_accepted_at",
            "learner_accepted_at",
        ),
        "evidence": _rows(
            Evidence.objects.filter(placement__in=own).order_by("pk"), "placement_id", "title", "text", "added_at"
        ),
        "planned_sessions": _rows(
            PlannedSession.objects.filter(placement__in=own).order_by("planned_on", "pk"),
            "placement_id",
            "planned_on",
            "agreed_at",
            "prep_questions",
            "prep_went_well",
            "prepared_at",
        ),
    }


def _authored_sections(user: User) -> dict[str, list]:
    """What the person wrote about placements they are not the learner of: their own entries only."""
    others = Placement.objects.filter(Q(mentor=user) | Q(supervisor=user)).exclude(learner=user)
    return {
        "sessions_you_logged": _rows(
            CoachingSession.objects.filter(placement__in=others)
            .filter(Q(coached_by=user) | Q(created_by=user))
            .order_by("date", "pk"),
            *SESSION_FIELDS,
        ),
        "obstacles_you_recorded": _rows(
            Obstacle.objects.filter(placement__in=others, created_by=user).order_by("pk"),
            "placement_id",
            "side",
            "description",
            "how_to_overcome",
            "support_needed",
            "status",
            "created_at",
        ),
        # The coach's critical situations concern the mentor's own conduct: theirs, never the learner's export.
        "critical_situations_you_recorded": _rows(
            CriticalSituation.objects.filter(recorded_by=user).order_by("pk"),
            "placement_id",
            "category",
            "occurred_on",
            "description",
            "support_question",
            "support_requested_at",
        ),
        "incidents_you_reported": _rows(
            Incident.objects.filter(placement__in=others, reported_by=user).order_by("pk"),
            "placement_id",
            "category",
            "occurred_on",
            "description",
            "actions_taken",
            "status",
        ),
    }


def _meeting_sections(user: User) -> dict[str, list]:
    meetings = Meeting.objects.filter(Q(participants__user=user) | Q(organiser=user)).distinct()
    return {
        "meetings": _rows(
            meetings.order_by("starts_at", "pk"),
            "id",
            "placement_id",
            "starts_at",
            "duration_minutes",
            "location",
            "online_link",
            "agenda",
            "status",
            "cancelled_reason",
        ),
        "meeting_answers": _rows(
            Participant.objects.filter(user=user).order_by("pk"),
            "meeting_id",
            "name",
            "email",
            "role",
            "response",
            "decline_reason",
            "proposed_starts_at",
            "responded_at",
        ),
        "minutes": _rows(
            Minutes.objects.filter(meeting__in=meetings)
            .filter(Q(status=Minutes.Status.CONFIRMED) | Q(written_by=user))
            .order_by("pk"),
            "meeting_id",
            "summary",
            "next_meeting_at",
            "status",
            "submitted_at",
        ),
    }


def collect(user: User) -> dict[str, list | dict]:
    """Every section of the person's export, by file name (without .json)."""
    data: dict[str, list | dict] = {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "phone": user.phone,
            "language": user.language,
            "notifications": user.notification_level,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "memberships": _rows(
            Membership.objects.filter(user=user).order_by("created_at"),
            "role",
            "school__name",
            "company__name",
            "created_at",
            "ended_at",
        ),
        "placements": _placement_rows(user, _placements(user)),
    }
    data.update(_learner_sections(user))
    data.update(_authored_sections(user))
    data.update(_meeting_sections(user))
    data.update(
        {
            "private_notes": _rows(
                PrivateNote.objects.filter(author=user).order_by("pk"), "session_id", "session__date", "text"
            ),
            "action_items": _rows(
                ActionItem.objects.filter(owner=user).order_by("due_date", "pk"),
                "placement_id",
                "description",
                "due_date",
                "done_at",
            ),
            "assessments": _rows(
                AssessmentRecord.objects.filter(subject=user).order_by("assessed_on", "pk"),
                "id",
                "title",
                "assessed_on",
                "status",
                "version",
                "overall_level__title_en",
                "overall_level__title_nl",
                "overall_remarks",
                "strengths",
                "development_points",
                "learner_response",
                "locked_at",
            ),
            "signatures": _rows(
                Signature.objects.filter(user=user).order_by("pk"),
                "record__title",
                "role",
                "name",
                "email",
                "verdict",
                "reason",
                "signed_at",
            ),
            "certificates": _rows(
                Certificate.objects.filter(holder=user).order_by("issued_on", "pk"),
                "number",
                "public_id",
                "holder_name",
                "holder_email",
                "company_name",
                "school__name",
                "issued_on",
                "valid_until",
                "revoked_at",
                "revocation_reason",
            ),
            "course_enrolments": _rows(
                Enrolment.objects.filter(participant=user).order_by("pk"),
                "course__title",
                "company__name",
                "status",
                "created_at",
                "confirmed_at",
            ),
            "course_submissions": _rows(
                Submission.objects.filter(enrolment__participant=user).order_by("pk"),
                "assignment__title",
                "text",
                "submitted_at",
                "version",
                "status",
                "feedback",
            ),
            "development_log": _rows(
                DevelopmentActivity.objects.filter(mentor=user).order_by("date", "pk"),
                "kind",
                "title",
                "date",
                "hours",
                "notes",
            ),
            "development_plan_goals": _rows(
                DevelopmentGoal.objects.filter(plan__mentor=user).order_by("pk"),
                "profile_item",
                "goal",
                "actions",
                "due_on",
                "status",
            ),
            "self_assessments": _rows(
                SelfAssessment.objects.filter(mentor=user).order_by("created_at", "pk"),
                "created_at",
                "scores",
                "reflection",
            ),
            # Invitations only: the answers are stored without the person (feedback/distribution/answering.py).
            "survey_invitations": _rows(
                SurveyInvitation.objects.filter(recipient=user).order_by("pk"),
                "version__questionnaire__code",
                "version__questionnaire__purpose",
                "placement_id",
                "created_at",
                "sent_at",
                "reminded_at",
                "answered",
            ),
            "notifications": _rows(
                Notification.objects.filter(user=user).order_by("created_at"), "text", "url", "created_at", "read_at"
            ),
            "privacy_requests": _rows(
                PrivacyRequest.objects.filter(person=user).order_by("pk"),
                "school__name",
                "kind",
                "received_on",
                "status",
                "handled_at",
                "outcome",
            ),
        }
    )
    return data
