"""Who may see and do what in recruitment. Views ask here, never decide themselves.

- Company admins of the company manage its openings, criteria, interviewers, decisions and templates.
- Interviewers (people the company admin named) score candidates of that opening.
- Published openings are visible to learners, school staff, mentors and company admins; drafts only to
  the company's admins, its interviewers and staff.
- A learner sees their own applications (status and decision, never scores); school staff see and
  propose the learners of their school.
Outsiders get 404 (the opening's existence does not leak), insiders without the right 403.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import Role, User
from accounts.selectors import roles_of

from ..models import Candidate, Opening


def companies_managed_by(user: User) -> frozenset[int] | None:
    """Company ids whose openings `user` manages; None means all (staff)."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    return roles.companies_as(Role.COMPANY_ADMIN)


def can_manage_opening(user: User, opening: Opening) -> bool:
    managed = companies_managed_by(user)
    return managed is None or opening.company_id in managed


def can_create_openings(user: User) -> bool:
    managed = companies_managed_by(user)
    return managed is None or bool(managed)


def is_interviewer(user: User, opening: Opening) -> bool:
    return opening.interviewers.filter(pk=user.pk).exists()


def openings_visible_to(user: User) -> QuerySet[Opening]:
    roles = roles_of(user)
    openings = Opening.objects.select_related("company")
    if roles.is_staff:
        return openings
    visible = Q(company_id__in=roles.companies_as(Role.COMPANY_ADMIN)) | Q(interviewers=user)
    if roles.roles:
        visible |= Q(status=Opening.Status.PUBLISHED)
    # A learner keeps seeing an opening they applied to after it closes, to follow their application.
    visible |= Q(candidates__learner=user)
    return openings.filter(visible).distinct()


def opening_for_user(user: User, pk: int) -> Opening:
    try:
        return openings_visible_to(user).get(pk=pk)
    except (Opening.DoesNotExist, ValueError, TypeError):
        raise Http404("No such opening.") from None


def can_see_candidates(user: User, opening: Opening) -> bool:
    """The selection itself (candidates, scores, comparison) is for the company admins and interviewers."""
    return can_manage_opening(user, opening) or is_interviewer(user, opening)


def can_propose_for_school(user: User) -> frozenset[int] | None:
    """School ids whose learners `user` may propose as candidates; None means any (staff)."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    return roles.school_staff_school_ids


def candidate_for_user(user: User, pk: int) -> Candidate:
    """A candidate (application) if `user` may see it: the learner, the selection team, the learner's school."""
    candidate = Candidate.objects.select_related("opening__company", "learner", "placement").filter(pk=pk).first()
    if candidate is None:
        raise Http404("No such candidate.")
    if user.pk == candidate.learner_id or can_see_candidates(user, candidate.opening):
        return candidate
    roles = roles_of(user)
    learner_schools = roles_of(candidate.learner).schools_as(Role.LEARNER)
    if roles.school_staff_school_ids & learner_schools:
        return candidate
    raise Http404("No such candidate.")


# --- The job coach's intake and the workplace (seed 004) ------------------------------------------------
# The company side of an opening (its admins, its interviewers and the company's work mentors) describes the
# workplace; school staff, as job coaches, hold the intake of their school's learners and prepare them.


def is_company_side(user: User, opening: Opening) -> bool:
    if can_manage_opening(user, opening) or is_interviewer(user, opening):
        return True
    return opening.company_id in roles_of(user).companies_as(Role.MENTOR)


def is_job_coach_of(user: User, learner: User) -> bool:
    """School staff of a school where `learner` is a learner (and staff) act as their job coach."""
    roles = roles_of(user)
    return roles.is_staff or bool(roles.school_staff_school_ids & roles_of(learner).schools_as(Role.LEARNER))


def workplace_opening_for_user(user: User, pk: int) -> Opening:
    """An opening whose workplace analysis `user` may read: the company side, and school staff matching their
    learners with it. Anyone else (another company's mentor, a learner) gets 404."""
    opening = opening_for_user(user, pk)
    if is_company_side(user, opening) or roles_of(user).school_staff_school_ids:
        return opening
    raise Http404("No such opening.")


def candidate_for_preparation(user: User, pk: int) -> Candidate:
    """A candidate whose preparation `user` may see: the company side of the opening, the learner's job coach
    and the learner; another company's people and another school's staff get 404."""
    candidate = Candidate.objects.select_related("opening__company", "learner").filter(pk=pk).first()
    if candidate is None:
        raise Http404("No such candidate.")
    if (
        user.pk == candidate.learner_id
        or is_company_side(user, candidate.opening)
        or is_job_coach_of(user, candidate.learner)
    ):
        return candidate
    raise Http404("No such candidate.")
