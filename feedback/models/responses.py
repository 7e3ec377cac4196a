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


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    # 1–5 on the agreement scale, 0–10 for a score, the choice's index; None for open text.
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "value"])]

    def __str__(self):
        return str(self.question)
