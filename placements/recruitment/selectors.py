"""Reads for openings, candidate profiles, applications and matches. Access rules live in access.py.

The match pages load every row they need in a fixed number of queries (openings with their programmes,
profiles with programme and school) and score in Python with placements.recruitment.matching.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet, prefetch_related_objects
from django.http import Http404

from accounts.models import Company, Role, School, User
from accounts.selectors import people_with_role, roles_of

from ..models import Candidate, CandidateProfile, Opening
from .access import can_propose_for_school, companies_managed_by
from .matching import MatchResult, match, ranked


def is_learner(user: User) -> bool:
    return roles_of(user).has(Role.LEARNER)


def can_browse_openings(user: User) -> bool:
    """Published openings are for everyone with a role (the rule of access.openings_visible_to)."""
    roles = roles_of(user)
    return roles.is_staff or bool(roles.roles)


def companies_for_new_openings(user: User) -> QuerySet[Company]:
    managed = companies_managed_by(user)
    companies = Company.objects.order_by("name")
    return companies if managed is None else companies.filter(pk__in=managed)


def can_propose(user: User) -> bool:
    school_ids = can_propose_for_school(user)
    return school_ids is None or bool(school_ids)


def learners_of(school_ids) -> QuerySet[User]:
    """Active learners of these schools; None means of every school."""
    return people_with_role(Role.LEARNER, schools=school_ids)


def proposable_learners(opening: Opening, school_ids) -> QuerySet[User]:
    """Learners of these schools who are not yet candidates of the opening."""
    return learners_of(school_ids).exclude(applications__opening=opening).order_by("last_name", "first_name")


def learner_for_staff(user: User, user_pk: int) -> User:
    """A learner of a school where `user` works as school staff; anyone else's learner is a 404."""
    try:
        return learners_of(can_propose_for_school(user)).get(pk=user_pk)
    except (User.DoesNotExist, ValueError, TypeError):
        raise Http404("No such learner.") from None


def profile_schools(learner: User, staff_member: User | None = None) -> QuerySet[School]:
    """Schools a learner's profile may belong to: where they are a learner (and the staff member works)."""
    school_ids = set(roles_of(learner).schools_as(Role.LEARNER))
    if staff_member is not None:
        staff_schools = can_propose_for_school(staff_member)
        if staff_schools is not None:
            school_ids &= staff_schools
    return School.objects.filter(pk__in=school_ids).order_by("name")


def profile_of(learner: User) -> CandidateProfile | None:
    return CandidateProfile.objects.select_related("learner", "programme", "school").filter(learner=learner).first()


def managed_openings(user: User) -> QuerySet[Opening]:
    """Every opening, whatever its status, of the companies `user` manages (all of them for staff)."""
    openings = Opening.objects.select_related("company").prefetch_related("programmes").order_by("-created_at", "-pk")
    managed = companies_managed_by(user)
    return openings if managed is None else openings.filter(company_id__in=managed)


def published_openings() -> QuerySet[Opening]:
    return (
        Opening.objects.filter(status=Opening.Status.PUBLISHED)
        .select_related("company")
        .prefetch_related("programmes")
        .order_by("-published_at", "-pk")
    )


def appointed_count(opening: Opening) -> int:
    return opening.candidates.filter(status=Candidate.Status.APPOINTED).count()


def application_statuses(learner: User, openings=None) -> dict[int, str]:
    """Opening id -> the status of `learner`'s application, for marking lists."""
    applications = Candidate.objects.filter(learner=learner)
    if openings is not None:
        applications = applications.filter(opening__in=[opening.pk for opening in openings])
    return dict(applications.values_list("opening_id", "status"))


def application_of(learner: User, opening: Opening) -> Candidate | None:
    return Candidate.objects.filter(learner=learner, opening=opening).first()


def application_for_learner(user: User, pk: int) -> Candidate:
    """The learner's own application; anyone else's is a 404."""
    try:
        return Candidate.objects.select_related("opening__company").get(pk=pk, learner=user)
    except (Candidate.DoesNotExist, ValueError, TypeError):
        raise Http404("No such application.") from None


@dataclass(frozen=True)
class ApplicationView:
    """What a learner may know of their application: the status and, when not selected, the reason."""

    candidate: Candidate
    status: str
    status_label: str
    reason: str


def learner_view(candidate: Candidate) -> ApplicationView:
    # A decision the company has not sent yet is not the learner's news to find on a page.
    decided = candidate.status in Candidate.DECIDED_STATUSES
    status = candidate.status if not decided or candidate.decision_sent_at else Candidate.Status.OPEN
    reason = candidate.decision_reason if status == Candidate.Status.REJECTED else ""
    return ApplicationView(candidate, status, Candidate.Status(status).label, reason)


def applications_of(learner: User) -> list[ApplicationView]:
    applications = (
        Candidate.objects.filter(learner=learner).select_related("opening__company").order_by("-created_at", "-pk")
    )
    return [learner_view(candidate) for candidate in applications]


def _profile(learner: User) -> CandidateProfile | None:
    try:
        return learner.candidate_profile
    except ObjectDoesNotExist:
        return None


def ranked_candidates(opening: Opening) -> list[tuple[Candidate, MatchResult]]:
    """The opening's candidates, best match first; withdrawn ones last."""
    prefetch_related_objects([opening], "programmes")
    candidates = Candidate.objects.filter(opening=opening).select_related(
        "learner__candidate_profile__programme", "learner__candidate_profile__school"
    )
    pairs = ranked(
        (candidate, match(opening, _profile(candidate.learner), opening.company.sector))
        for candidate in candidates.order_by("pk")
    )
    return sorted(pairs, key=lambda pair: pair[0].status == Candidate.Status.WITHDRAWN)


@dataclass(frozen=True)
class LearnerMatch:
    profile: CandidateProfile
    result: MatchResult
    candidate_status: str | None  # None: not a candidate of the opening yet


def ranked_learners(opening: Opening, school_ids) -> list[LearnerMatch]:
    """Learners of these schools who have a profile, ranked for the opening (school ids None: every school)."""
    prefetch_related_objects([opening], "programmes")
    profiles = (
        CandidateProfile.objects.filter(learner__in=learners_of(school_ids))
        .select_related("learner", "programme", "school")
        .order_by("learner__last_name", "learner__first_name", "pk")
    )
    statuses = dict(Candidate.objects.filter(opening=opening).values_list("learner_id", "status"))
    sector = opening.company.sector
    return [
        LearnerMatch(profile, result, statuses.get(profile.learner_id))
        for profile, result in ranked((profile, match(opening, profile, sector)) for profile in profiles)
    ]


def ranked_openings(profile: CandidateProfile) -> list[tuple[Opening, MatchResult]]:
    """Published openings, best match for the profile first."""
    return ranked((opening, match(opening, profile, opening.company.sector)) for opening in published_openings())
