"""Who sees and changes questionnaires. The shipped ones (no school) are read by every school's teachers and
coordinators, who copy them; a school's own are read by its teachers and coordinators and changed by its
coordinators. Staff read and change all. Everyone else: 404.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from accounts.models import Role, School, User
from accounts.selectors import roles_of

from ..models import Question, Questionnaire, QuestionnaireVersion


def reader_school_ids(user: User) -> frozenset[int] | None:
    """Schools whose questionnaires the user reads; None: all (staff)."""
    roles = roles_of(user)
    return None if roles.is_staff else roles.school_staff_school_ids


def editor_school_ids(user: User) -> frozenset[int] | None:
    roles = roles_of(user)
    return None if roles.is_staff else roles.schools_as(Role.COORDINATOR)


def can_read_questionnaires(user: User) -> bool:
    schools = reader_school_ids(user)
    return schools is None or bool(schools)


def questionnaires_visible_to(user: User) -> QuerySet[Questionnaire]:
    schools = reader_school_ids(user)
    if schools is None:
        return Questionnaire.objects.all()
    if not schools:
        return Questionnaire.objects.none()
    return Questionnaire.objects.filter(Q(school__isnull=True) | Q(school_id__in=schools))


def questionnaire_for_user(user: User, pk) -> Questionnaire:
    try:
        return questionnaires_visible_to(user).select_related("school").get(pk=pk)
    except (Questionnaire.DoesNotExist, ValueError, TypeError):
        raise Http404("No such questionnaire.") from None


def can_edit_questionnaire(user: User, questionnaire: Questionnaire) -> bool:
    """A school's coordinators change its questionnaires; the shipped ones only staff."""
    schools = editor_school_ids(user)
    if schools is None:
        return True
    return questionnaire.school_id is not None and questionnaire.school_id in schools


def schools_to_copy_into(user: User) -> QuerySet[School]:
    schools = editor_school_ids(user)
    return School.objects.all() if schools is None else School.objects.filter(pk__in=schools)


def versions_of(questionnaire: Questionnaire) -> list[QuestionnaireVersion]:
    return list(
        questionnaire.versions.prefetch_related(
            Prefetch("questions", queryset=Question.objects.order_by("position", "pk"))
        ).order_by("-number")
    )


def version_for_user(user: User, version_pk) -> QuestionnaireVersion:
    try:
        version = QuestionnaireVersion.objects.select_related("questionnaire").get(pk=version_pk)
    except (QuestionnaireVersion.DoesNotExist, ValueError, TypeError):
        raise Http404("No such version.") from None
    questionnaire_for_user(user, version.questionnaire_id)
    return version


def current_version(questionnaire_id: int) -> QuestionnaireVersion | None:
    """The newest published version: the one a rule sends."""
    return (
        QuestionnaireVersion.objects.filter(questionnaire_id=questionnaire_id, status="published")
        .order_by("-number")
        .first()
    )
