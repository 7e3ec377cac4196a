"""What a participant still has to show before the school may issue the work-mentor certificate.

The school's RegistrySettings say what counts: a completed course, a minimum of years of work experience,
and (when the school asks for it) an uploaded certificate of good conduct. The answer is a list of what is
missing, in words a teacher can act on; an empty list means eligible.
"""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import School, User

from ..models import Enrolment, MentorEligibility, RegistrySettings


def registry_settings_for(school: School | int) -> RegistrySettings:
    """The school's rules, created with the defaults the first time anyone asks."""
    school_id = school if isinstance(school, int) else school.pk
    cached = None if isinstance(school, int) else getattr(school, "_registry_settings_cache", None)
    if cached is not None:
        return cached
    rules, _created = RegistrySettings.objects.get_or_create(school_id=school_id)
    if not isinstance(school, int):
        school._registry_settings_cache = rules
    return rules


def evidence_of(user: User) -> MentorEligibility | None:
    """The participant's evidence; works with select_related("participant__eligibility") without a query."""
    try:
        return user.eligibility
    except MentorEligibility.DoesNotExist:
        return None


def eligibility(
    enrolment_or_user: Enrolment | User, school: School, *, rules: RegistrySettings | None = None
) -> list[str]:
    """What is missing before a certificate may be issued; [] when nothing is.

    Given an enrolment, its completion counts too; given a person, only their evidence.
    """
    rules = rules or registry_settings_for(school)
    missing: list[str] = []
    if isinstance(enrolment_or_user, Enrolment):
        enrolment = enrolment_or_user
        user = enrolment.participant
        if enrolment.status != Enrolment.Status.COMPLETED:
            missing.append(
                _("The course has not been completed (status: %(status)s).")
                % {"status": enrolment.get_status_display()}
            )
    else:
        user = enrolment_or_user
    evidence = evidence_of(user)
    years = evidence.work_experience_years if evidence else 0
    if years < rules.min_experience_years:
        missing.append(
            ngettext(
                "At least %(needed)s year of work experience (has %(has)s).",
                "At least %(needed)s years of work experience (has %(has)s).",
                rules.min_experience_years,
            )
            % {"needed": rules.min_experience_years, "has": years}
        )
    if rules.requires_good_conduct and not (evidence and evidence.good_conduct_file):
        missing.append(_("No certificate of good conduct has been uploaded."))
    return missing


EVIDENCE_FIELDS = ("work_experience_years", "education", "good_conduct_file", "good_conduct_issued_on")


@transaction.atomic
def mentor_eligibility_update(*, user: User, data: dict) -> MentorEligibility:
    """Save the participant's own evidence; a new file replaces the old one, `False` clears it."""
    evidence, _created = MentorEligibility.objects.select_for_update().get_or_create(user=user)
    evidence.work_experience_years = data["work_experience_years"]
    evidence.education = data.get("education", evidence.education)
    evidence.good_conduct_issued_on = data.get("good_conduct_issued_on")
    upload = data.get("good_conduct_file")
    stale = None
    if upload is False or isinstance(upload, UploadedFile):
        if evidence.good_conduct_file:
            stale = (evidence.good_conduct_file.storage, evidence.good_conduct_file.name)
        evidence.good_conduct_file = upload or ""
        if upload is False:
            evidence.good_conduct_issued_on = None
    if stale:
        # The old file goes only once the new evidence is saved for good.
        transaction.on_commit(lambda: stale[0].delete(stale[1]))
    evidence.save()
    return evidence
