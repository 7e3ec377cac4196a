"""Answering a survey: the answers are stored apart from the person (feedback/models/responses.py).

The invitation is locked and only marked `answered`; the Response is written with the groups it counts for and
nothing that names the respondent or the invitation.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from placements.models import LearnerRecord

from ..models import Answer, Audience, Question, Response, SurveyInvitation
from ..models.responses import mean_score
from .rules import term_of


def _groups(invitation: SurveyInvitation, *, school_id: int) -> dict:
    questionnaire = invitation.version.questionnaire
    groups = {"school_id": school_id, "company_id": None, "mentor_id": None}
    placement = invitation.placement
    if placement is not None:
        groups["company_id"] = placement.company_id
        groups["programme_id"] = placement.programme_id
        # The mentor is a group only for what learners say about them, never for the mentor's own answers.
        if questionnaire.audience == Audience.LEARNER:
            groups["mentor_id"] = placement.mentor_id
        record = LearnerRecord.objects.filter(user_id=placement.learner_id).only("cohort").first()
        groups["cohort"] = record.cohort if record else ""
    if invitation.course_id:
        groups["course_id"] = invitation.course_id
    return groups


@transaction.atomic
def answer_submit(*, invitation: SurveyInvitation, answers: dict[int, object]) -> None:
    """Store `answers` ({question id: value or text}) once; a second submission is refused."""
    locked = SurveyInvitation.objects.select_for_update().select_related("rule").get(pk=invitation.pk)
    if locked.answered:
        raise ValidationError(_("This survey has already been answered. Thank you!"))
    questions = {q.pk: q for q in Question.objects.filter(version_id=invitation.version_id)}
    questionnaire = invitation.version.questionnaire
    response = Response.objects.create(
        version_id=invitation.version_id,
        audience=questionnaire.audience,
        purpose=questionnaire.purpose,
        term=term_of(timezone.localdate()),
        **_groups(invitation, school_id=locked.rule.school_id),
    )
    rows = []
    for question_id, value in answers.items():
        question = questions.get(question_id)
        if question is None or value in (None, ""):
            continue
        if question.kind == Question.Kind.TEXT:
            rows.append(Answer(response=response, question=question, text=str(value).strip()))
        else:
            rows.append(Answer(response=response, question=question, value=int(value)))
    Answer.objects.bulk_create(rows)
    response.score = mean_score((answer.question.kind, answer.value) for answer in rows)
    response.save(update_fields=["score"])
    SurveyInvitation.objects.filter(pk=locked.pk).update(answered=True)
