"""Writes of a learner's candidate profile: what they bring to an opening (search and employee profile)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role, School, User
from accounts.selectors import roles_of

from .models import CandidateProfile

PROFILE_FIELDS = (
    "programme",
    "energisers",
    "qualities",
    "points_of_attention",
    "preferences",
    "preferred_sectors",
    "preferred_locations",
    "willing_abroad",
    "hours_per_week",
    "available_from",
    "available_until",
    "network",
)


def profile_validate(profile: CandidateProfile) -> None:
    errors: dict[str, list[str]] = {}
    if profile.school_id not in roles_of(profile.learner).schools_as(Role.LEARNER):
        errors.setdefault("school", []).append(_("The profile belongs to a school where the person is a learner."))
    if profile.programme is not None and profile.programme.school_id != profile.school_id:
        errors.setdefault("programme", []).append(_("Choose a programme of the learner's school."))
    if profile.available_from and profile.available_until and profile.available_until <= profile.available_from:
        errors.setdefault("available_until", []).append(_("“Available until” must be after “available from”."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def profile_save(*, learner: User, school: School, data: dict) -> CandidateProfile:
    # Locking the learner serialises a learner and their supervisor saving at the same moment.
    User.objects.select_for_update().filter(pk=learner.pk).first()
    profile = CandidateProfile.objects.filter(learner=learner).first() or CandidateProfile(learner=learner)
    profile.school = school
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    profile_validate(profile)
    profile.save()
    return profile
