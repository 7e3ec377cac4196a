"""The work mentor's own growth against the coach competency profile (work process 1.6, seed 001).

A personal development plan with goals, self-assessments that can be repeated and compared, and feedback asked
of colleagues and the school supervisor. Scores are kept by the profile item's key (a competency's code, a team
role's or a Big Five trait's key), so assessments made against different framework versions still compare.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .frameworks import FrameworkVersion


class DevelopmentPlan(models.Model):
    """A mentor's personal development plan (POP); personal, like the development log."""

    mentor = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_plan")
    ambition = models.TextField(_("where I want to grow"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("personal development plan")
        verbose_name_plural = _("personal development plans")

    def __str__(self):
        return f"{self.mentor}"


class DevelopmentGoal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("working on it")
        ACHIEVED = "achieved", _("achieved")
        DROPPED = "dropped", _("set aside")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    profile_item = models.CharField(_("competency"), max_length=40)
    goal = models.CharField(_("goal"), max_length=300)
    actions = models.TextField(_("how I will work on it"), blank=True)
    due_on = models.DateField(_("by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ["plan", "created_at", "pk"]

    def __str__(self):
        return self.goal


class SelfAssessment(models.Model):
    """One moment at which the mentor scored themselves on the profile; never changed afterwards."""

    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments")
    version = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="+")
    scores = models.JSONField(default=dict)  # profile item key -> score
    reflection = models.TextField(_("reflection"), blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["mentor", "created_at"])]

    def __str__(self):
        return f"{self.mentor} · {self.created_at:%Y-%m-%d}"


class FeedbackRequest(models.Model):
    """Feedback the mentor asked of someone, answered once through a signed link in an e-mail."""

    class Relation(models.TextChoices):
        COLLEAGUE = "colleague", _("colleague")
        SUPERVISOR = "supervisor", _("school supervisor")
        LEARNER = "learner", _("learner")
        OTHER = "other", _("someone else")

    mentor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_requests")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    relation = models.CharField(_("who is it"), max_length=20, choices=Relation.choices)
    items = models.JSONField(default=list)  # the profile item keys asked about
    message = models.TextField(_("your question"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    scores = models.JSONField(default=dict)  # item key -> score; an item left out was not judged
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("feedback request")
        verbose_name_plural = _("feedback requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.mentor} · {self.name}"
