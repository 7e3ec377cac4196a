"""Writes of questionnaires: copy a shipped one into a school, start a new draft, publish it, edit its questions.

A published version is locked by the models (VersionLocked); services refuse first with a clear message.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Question, Questionnaire, QuestionnaireVersion
from .selectors import current_version

QUESTION_FIELDS = ("position", "kind", "topic", "text_en", "text_nl", "choices_en", "choices_nl", "required")


def _copy_questions(source: QuestionnaireVersion | None, target: QuestionnaireVersion) -> None:
    if source is None:
        return
    Question.objects.bulk_create(
        [
            Question(version=target, **{field: getattr(question, field) for field in QUESTION_FIELDS})
            for question in source.questions.order_by("position", "pk")
        ]
    )


@transaction.atomic
def questionnaire_copy(*, questionnaire: Questionnaire, school, by) -> Questionnaire:
    """The school's own copy of `questionnaire`, as a draft version 1 with the questions of its current version."""
    source = current_version(questionnaire.pk)
    copy = Questionnaire.objects.create(
        school=school,
        title_en=questionnaire.title_en,
        title_nl=questionnaire.title_nl,
        audience=questionnaire.audience,
        purpose=questionnaire.purpose,
        copied_from=questionnaire,
    )
    draft = QuestionnaireVersion.objects.create(
        questionnaire=copy,
        number=1,
        intro_en=source.intro_en if source else "",
        intro_nl=source.intro_nl if source else "",
    )
    _copy_questions(source, draft)
    return copy


def draft_of(questionnaire: Questionnaire) -> QuestionnaireVersion | None:
    return questionnaire.versions.filter(status=QuestionnaireVersion.Status.DRAFT).first()


@transaction.atomic
def version_new_draft(*, questionnaire: Questionnaire) -> QuestionnaireVersion:
    """The questionnaire's draft: the open one, or a new version with the questions of the current one."""
    Questionnaire.objects.select_for_update().filter(pk=questionnaire.pk).first()
    existing = draft_of(questionnaire)
    if existing is not None:
        return existing
    source = current_version(questionnaire.pk)
    number = (questionnaire.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    draft = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire,
        number=number,
        intro_en=source.intro_en if source else "",
        intro_nl=source.intro_nl if source else "",
    )
    _copy_questions(source, draft)
    return draft


def version_editable_validate(version: QuestionnaireVersion) -> None:
    if version.is_locked:
        raise ValidationError(
            _("Version %(number)s is published and can no longer change. Start a new version to change it.")
            % {"number": version.number}
        )


@transaction.atomic
def version_publish(*, version: QuestionnaireVersion, by) -> QuestionnaireVersion:
    version = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    version_editable_validate(version)
    if not version.questions.exists():
        raise ValidationError(_("Add at least one question before publishing."))
    version.status = QuestionnaireVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = by
    version.save()
    return version


def question_save(*, version: QuestionnaireVersion, form) -> Question:
    version_editable_validate(version)
    question = form.save(commit=False)
    question.version = version
    if not question.pk and not question.position:
        question.position = (version.questions.aggregate(top=Max("position"))["top"] or 0) + 1
    question.save()
    return question


def question_delete(*, question: Question) -> None:
    version_editable_validate(question.version)
    question.delete()


def mark_sent(version: QuestionnaireVersion) -> None:
    """Record the first sending of a version (it is published, so it is already locked)."""
    if version.first_sent_at is None:
        version.first_sent_at = timezone.now()
        version.save(update_fields=["first_sent_at"])
