"""Who may handle which privacy requests and retention settings: a school's coordinators (and staff)."""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import Role, School, User
from accounts.selectors import roles_of
from placements.models import Placement

from .models import PrivacyRequest, RetentionSettings


def coordinated_school_ids(user: User) -> frozenset[int]:
    return roles_of(user).schools_as(Role.COORDINATOR)


def may_handle_requests(user: User) -> bool:
    return bool(coordinated_school_ids(user))


def requests_visible_to(user: User) -> QuerySet[PrivacyRequest]:
    return (
        PrivacyRequest.objects.filter(school_id__in=coordinated_school_ids(user))
        .select_related("school", "person", "handled_by")
        .order_by("-received_on", "-pk")
    )


def request_for_user(user: User, pk: int) -> PrivacyRequest:
    """The request if `user` coordinates its school; 404 for everyone else (another school's coordinator too)."""
    request = requests_visible_to(user).filter(pk=pk).first()
    if request is None:
        raise Http404("No such request.")
    return request


def school_for_coordinator(user: User) -> School:
    """The school whose settings the coordinator manages: their first (most have one)."""
    school = School.objects.filter(pk__in=coordinated_school_ids(user)).order_by("name").first()
    if school is None:
        raise Http404("Not a coordinator.")
    return school


def people_of_school(school: School) -> QuerySet[User]:
    """Whose data the school holds: its own people, the learners, mentors and supervisors of its placements, and
    the holders of its certificates."""
    placements = Placement.objects.filter(school=school)
    return User.objects.filter(
        Q(memberships__school=school)
        | Q(certificates__school=school)
        | Q(placements_as_learner__in=placements)
        | Q(placements_as_mentor__in=placements)
        | Q(placements_as_supervisor__in=placements)
    ).distinct()


def retention_settings_for(school: School | int) -> RetentionSettings:
    """The school's settings; the defaults (not saved) when it never set any."""
    school_id = school if isinstance(school, int) else school.pk
    found = RetentionSettings.objects.filter(school_id=school_id).first()
    return found or RetentionSettings(school_id=school_id)
