"""Recruitment and fair selection (work process 1.1): openings, candidates, interviews, decisions.

Fairness is built into the data: the selection criteria of an opening are fixed once the first score is
recorded, every interviewer scores every criterion on the same scale on their own sheet, and a sheet is
only readable by others once its author has submitted their own.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Company, School

from .placements import Placement, Programme

SCORE_MIN, SCORE_MAX = 1, 5


class Opening(models.Model):
    """A placement a company offers (stageplaats), with its work profile."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CLOSED = "closed", _("closed")
        FILLED = "filled", _("filled")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="openings", verbose_name=_("company"))
    title = models.CharField(_("title"), max_length=200)
    tasks = models.TextField(_("tasks"), help_text=_("What the learner will do, one task per line."))
    required_skills = models.JSONField(
        _("required competencies"), default=list, blank=True, help_text=_("Keywords, for example: customer contact.")
    )
    programmes = models.ManyToManyField(
        Programme, blank=True, related_name="openings", verbose_name=_("suitable programmes")
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    city = models.CharField(_("location"), max_length=100)
    country = models.CharField(_("country"), max_length=2, default="NL")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    places = models.PositiveSmallIntegerField(_("number of places"), default=1, validators=[MinValueValidator(1)])
    culture_notes = models.TextField(
        _("company culture"), blank=True, help_text=_("Norms, values and unwritten rules a newcomer should know.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="openings_to_interview", verbose_name=_("interviewers")
    )
    anonymised_scoring = models.BooleanField(
        _("anonymised scoring"), default=False, help_text=_("Hide names and personal details while scoring.")
    )
    criteria_locked_at = models.DateTimeField(_("criteria fixed"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "start_date"]), models.Index(fields=["company", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")),
                name="opening_ends_after_start",
                violation_error_message=_("The end date must be after the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.company}"

    @property
    def criteria_are_fixed(self) -> bool:
        return self.criteria_locked_at is not None


class SelectionCriterion(models.Model):
    """A criterion every candidate of the opening is scored on, with the questions that probe it."""

    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=200)
    questions = models.TextField(_("interview questions"), help_text=_("The same questions for every candidate."))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ["opening", "position", "pk"]

    def __str__(self):
        return self.title


class CandidateProfile(models.Model):
    """What a learner brings: the search and employee profile of the job-finding exit qualifications."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidate_profile", verbose_name=_("learner")
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="candidate_profiles")
    programme = models.ForeignKey(
        Programme, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("programme")
    )
    energisers = models.TextField(_("what gives energy"), blank=True)
    qualities = models.JSONField(_("qualities"), default=list, blank=True)
    points_of_attention = models.TextField(_("points of attention"), blank=True)
    preferences = models.TextField(_("preferences"), blank=True)
    preferred_sectors = models.JSONField(_("preferred sectors"), default=list, blank=True)
    preferred_locations = models.JSONField(_("preferred locations"), default=list, blank=True)
    willing_abroad = models.BooleanField(_("willing to go abroad"), default=False)
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours available per week"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    network = models.TextField(_("relevant network"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("candidate profile")
        verbose_name_plural = _("candidate profiles")

    def __str__(self):
        return f"{self.learner}"


class Candidate(models.Model):
    """A learner who applied for an opening or was proposed by the school."""

    class Source(models.TextChoices):
        APPLIED = "applied", _("applied")
        PROPOSED = "proposed", _("proposed by the school")

    class Status(models.TextChoices):
        OPEN = "open", _("in selection")
        APPOINTED = "appointed", _("appointed")
        RESERVE = "reserve", _("reserve")
        REJECTED = "rejected", _("not selected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    DECIDED_STATUSES = (Status.APPOINTED, Status.RESERVE, Status.REJECTED)

    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="candidates")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications", verbose_name=_("learner")
    )
    source = models.CharField(_("how"), max_length=20, choices=Source.choices, default=Source.APPLIED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    motivation = models.TextField(_("motivation"), blank=True)
    alias = models.CharField(_("anonymous name"), max_length=20)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_sent_at = models.DateTimeField(null=True, blank=True)
    placement = models.OneToOneField(
        Placement, on_delete=models.SET_NULL, null=True, blank=True, related_name="candidate"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["opening", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["opening", "learner"], name="candidate_once_per_opening"),
            models.UniqueConstraint(fields=["opening", "alias"], name="candidate_alias_unique_per_opening"),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(decision_reason=""),
                name="candidate_rejection_has_reason",
                violation_error_message=_("Give the reason for not selecting the candidate."),
            ),
        ]

    def __str__(self):
        return f"{self.learner} · {self.opening}"

    @property
    def anonymous_name(self) -> str:
        """What interviewers see instead of the name, in the reader's language ("Candidate A", "Kandidaat A")."""
        return _("Candidate %(letters)s") % {"letters": self.alias}


class ScoreSheet(models.Model):
    """One interviewer's scores for one candidate; others' sheets stay hidden until this one is submitted."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="score_sheets")
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="score_sheets")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "interviewer"], name="score_sheet_once_per_interviewer")
        ]

    def __str__(self):
        return f"{self.candidate} · {self.interviewer}"


class CriterionScore(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(SelectionCriterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    evidence = models.TextField(_("evidence"), help_text=_("What the candidate said or did that supports the score."))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="criterion_score_once_per_sheet"),
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX), name="criterion_score_in_scale"
            ),
        ]

    def __str__(self):
        return f"{self.sheet} · {self.criterion}: {self.score}"
