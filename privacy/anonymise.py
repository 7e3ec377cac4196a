"""The two building blocks of erasure and retention: removing a placement's coaching content, and a person's
personal data. Rows stay (reports count sessions, hours and placements); what they say about a person goes.

Never touched here: signed assessment records and their signatures, confirmed minutes and who confirmed them,
issued certificates (their holder is erased through the register's own audited path, registry/certificates/
revoke.py, and erasing never revokes). The mentoring agreement, accepted by both, stays as it was accepted.
"""

from django.contrib.auth.hashers import make_password
from django.db.models import Q
from django.utils import timezone
from django_otp import devices_for_user

from accounts.models import Membership, SsoIdentity, User
from accounts.selectors import forget_roles
from meetings.models import Minutes, Participant
from mentoring.models import (
    ActionItem,
    CoachingPlan,
    CoachingSession,
    DevelopmentActivity,
    HoursEntry,
    Incident,
    LearningGoal,
    Obstacle,
    PlanVersion,
    PrivateNote,
    SessionAttachment,
)
from notifications.models import Notification
from placements.models import LearnerRecord
from registry.certificates.selectors import ERASED

# What an anonymised required text field says, the same words as an erased certificate holder.
REMOVED = ERASED


def coaching_content_remove(placement_ids) -> int:
    """Blank the coaching texts of these placements; returns how many rows were changed."""
    sessions = CoachingSession.objects.filter(placement_id__in=placement_ids)
    changed = sessions.update(activities=REMOVED, went_well="", to_improve="", learner_reflection="")
    changed += PrivateNote.objects.filter(session__in=sessions).delete()[0]
    for attachment in SessionAttachment.objects.filter(session__in=sessions):
        attachment.file.delete(save=False)
        attachment.delete()
        changed += 1
    plans = CoachingPlan.objects.filter(placement_id__in=placement_ids)
    changed += plans.update(learning_style="", energisers="")
    changed += PlanVersion.objects.filter(plan__in=plans).update(snapshot={})
    changed += LearningGoal.objects.filter(plan__in=plans).update(title=REMOVED, success_measure=REMOVED, rationale="")
    changed += Obstacle.objects.filter(placement_id__in=placement_ids).update(
        description=REMOVED, how_to_overcome="", support_needed=""
    )
    changed += Incident.objects.filter(placement_id__in=placement_ids).update(description=REMOVED, actions_taken="")
    changed += HoursEntry.objects.filter(placement_id__in=placement_ids).update(description="", rejection_reason="")
    changed += ActionItem.objects.filter(placement_id__in=placement_ids).update(description=REMOVED)
    return changed


def erased_email(user: User) -> str:
    # Unique (the address is) and undeliverable (.invalid is reserved for that).
    return f"erased-{user.pk}@erased.invalid"


def person_anonymise(user: User) -> None:
    """Remove the person's name and contact details everywhere they are not part of a signed record."""
    user.first_name = REMOVED
    user.last_name = ""
    user.email = erased_email(user)
    user.phone = ""
    user.is_active = False
    user.password = make_password(None)
    user.save(update_fields=["first_name", "last_name", "email", "phone", "is_active", "password"])
    # Roles are audited: each is ended with save(), so the history says when and that it ended (an update would not).
    for membership in Membership.objects.filter(user=user, ended_at__isnull=True):
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at"])
    forget_roles(user)
    LearnerRecord.objects.filter(user=user).update(
        student_number=erased_email(user)[:40],
        date_of_birth=None,
        guardian_name="",
        guardian_email="",
        guardian_phone="",
    )
    # A participant of confirmed minutes is part of what everyone confirmed; the others lose name and address.
    Participant.objects.filter(user=user).exclude(Q(meeting__minutes__status=Minutes.Status.CONFIRMED)).update(
        name=REMOVED, email="", decline_reason=""
    )
    DevelopmentActivity.objects.filter(mentor=user).update(notes="")
    PrivateNote.objects.filter(author=user).delete()
    Notification.objects.filter(user=user).delete()
    SsoIdentity.objects.filter(user=user).delete()
    for device in devices_for_user(user, confirmed=None):
        device.delete()
