"""Answers, stored apart from whoever gave them.

A Response names no person and no invitation: only the version answered and the groups its results count
for (school, company, mentor, programme, cohort, course, term). Results are read per group and shown only when
the group holds at least the school's threshold of responses (feedback/results/). The mentor is recorded only
for responses of learners (the learner's view of their mentor), never for a mentor's own response.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Company, School
from placements.models import Programme
from registry.models import Course

from .questionnaires import Question, QuestionnaireVersion


class Response(models.Model):
    version = models.ForeignKey(QuestionnaireVersion, on_delete=models.PROTECT, related_name="responses")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=20)
    purpose = models.CharField(max_length=20)
    company = models.ForeignKey(Company, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    programme = models.ForeignKey(Programme, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    cohort = models.CharField(max_length=20, blank=True)
    course = models.ForeignKey(Course, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The half year the answers were given in ("2026-2"), for the trend; no date, so no answer is matched to a
    # sending by its time.
    term = models.CharField(max_length=7)
    # The respondent's mean of the closed scale answers on 0–10 (agreement 1–5 → 0, 2.5 … 10), written with the
    # answers: group scores and trends read only this table, however many answers there are.
    score = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [
            models.Index(fields=["school", "company"]),
            models.Index(fields=["school", "mentor"]),
            models.Index(fields=["school", "programme"]),
            models.Index(fields=["school", "cohort"]),
            models.Index(fields=["school", "course"]),
        ]

    def __str__(self):
        return f"{self.version} ({self.term})"


def score_on_ten(kind: str, value: int | None) -> float | None:
    """An answer on the 0–10 scale: a score as it is, an agreement of 1–5 as 0–10; other kinds have none."""
    if value is None:
        return None
    if kind == Question.Kind.AGREEMENT:
        return (value - 1) * 2.5
    if kind == Question.Kind.SCORE:
        return float(value)
    return None


def mean_score(pairs) -> float | None:
    """The mean on 0–10 of (kind, value) pairs, over the answers that have a score."""
    scores = [s for s in (score_on_ten(kind, value) for kind, value in pairs) if s is not None]
    return sum(scores) / len(scores) if scores else None


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    # 1–5 on the agreement scale, 0–10 for a score, the choice's index; None for open text.
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        # (response, question, value): a group's tallies are read from the index alone, driven by its responses.
        indexes = [models.Index(fields=["question", "value"]), models.Index(fields=["response", "question", "value"])]

    def __str__(self):
        return str(self.question)
