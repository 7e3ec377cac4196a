"""Feedback objects for tests and for the scene (tests/scene.py)."""

from feedback.models import Questionnaire
from feedback.questionnaires.services import questionnaire_copy, version_publish


def ensure_shipped() -> None:
    """The data migration installs the shipped questionnaires, but a transactional test's flush (browser and worker
    tests, on the same database in the same process) empties the tables: put them back, as the demo does."""
    from django.apps import apps

    from feedback.questionnaires.shipped import install

    install(apps.get_model)


def shipped(code: str) -> Questionnaire:
    found = Questionnaire.objects.filter(school__isnull=True, code=code).first()
    if found is None:
        ensure_shipped()
        found = Questionnaire.objects.get(school__isnull=True, code=code)
    return found


def school_copy(world, code: str = "learner-end-placement", *, publish: bool = True) -> Questionnaire:
    copy = questionnaire_copy(questionnaire=shipped(code), school=world.school, by=world.coordinator)
    if publish:
        version_publish(version=copy.versions.get(), by=world.coordinator)
    return copy


def scene_feedback(world) -> dict:
    """What the feedback URLs name, around the world's school."""
    draft_copy = school_copy(world, "learner-mid-placement", publish=False)
    draft = draft_copy.versions.get()
    from feedback.distribution.links import SURVEY_LINK
    from feedback.models import SurveyInvitation

    rule = rule_for(world, "learner-end-placement", "before_end", days=7)
    invitation = SurveyInvitation.objects.create(
        rule=rule, version=shipped("learner-end-placement").versions.get(), recipient=world.learner,
        placement=world.placement, subject_key=f"placement:{world.placement.pk}",
    )  # fmt: skip
    add_responses(world, 5, text="Patient and clear")
    return {
        "survey_questionnaire": draft_copy.pk,
        "survey_draft": draft.pk,
        "survey_question": draft.questions.first().pk,
        "survey_rule": rule.pk,
        "survey_invitation": invitation.pk,
        "survey_token": SURVEY_LINK.make(invitation),
        "result_by": "company",
        "result_key": str(world.company.pk),
    }


def rule_for(world, code: str, moment: str, days: int = 0, **kwargs):
    from feedback.models import DistributionRule

    return DistributionRule.objects.create(
        school=kwargs.pop("school", world.school), questionnaire=shipped(code), moment=moment, days=days, **kwargs
    )


def answer_all(invitation, *, value: int = 4, text: str = ""):
    """Answer every closed question with `value` (within its scale) and every open one with `text`."""
    from feedback.distribution.answering import answer_submit

    answers = {}
    for question in invitation.version.questions.all():
        scale = question.scale
        answers[question.pk] = text if not scale else min(value, scale[-1])
    answer_submit(invitation=invitation, answers=answers)


def add_responses(world, n: int, *, code: str = "learner-end-placement", value: int = 4, text: str = "", **groups):
    """`n` responses to the current version of a shipped questionnaire, in the world's company and mentor group
    unless `groups` says otherwise; every closed answer `value` (within its scale), every open one `text`."""
    from feedback.models import Answer, Response
    from feedback.models.responses import mean_score

    version = shipped(code).versions.get()
    questions = list(version.questions.all())
    groups.setdefault("school", world.school)
    groups.setdefault("company", world.company)
    groups.setdefault("mentor", world.mentor if shipped(code).audience == "learner" else None)
    groups.setdefault("programme", world.programme)
    groups.setdefault("term", "2026-2")
    made = []
    for _index in range(n):
        response = Response.objects.create(version=version, audience=version.questionnaire.audience,
                                           purpose=version.questionnaire.purpose, **groups)  # fmt: skip
        made.append(response)
        response.score = mean_score((q.kind, min(value, q.scale[-1])) for q in questions if q.scale)
        response.save(update_fields=["score"])
        Answer.objects.bulk_create(
            [
                Answer(response=response, question=q, text=text) if not q.scale
                else Answer(response=response, question=q, value=min(value, q.scale[-1]))
                for q in questions
                if q.scale or text
            ]
        )  # fmt: skip
    return made
