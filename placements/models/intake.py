"""The job coach's intake and the workplace it is matched with (job-finding exit qualifications, seed 004).

The intake says what a learner wants, can and cannot do and which support they need; the candidate profile
and the coaching plan's first goals are drafted from it. The workplace analysis says what an opening's
company is about (mission, culture, way of working) and which tasks the workplace has; both meet on the
matching page. Per candidate, job-carving notes say which tasks fit, and interview preparation notes help
the learner prepare (those are the school's and the learner's, never the company's).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import School

from .recruitment import Candidate, Opening


class Intake(models.Model):
    """The intake and assessment of a learner by the school supervisor acting as job coach."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake", verbose_name=_("learner")
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="intakes", verbose_name=_("school"))
    wishes = models.TextField(
        _("wishes"), blank=True, help_text=_("What the learner wants and what sets them in motion.")
    )
    possibilities = models.JSONField(_("possibilities"), default=list, blank=True)
    limitations = models.JSONField(_("limitations"), default=list, blank=True)
    support_needs = models.TextField(_("support needs"), blank=True)
    labour_market = models.TextField(
        _("link with the labour market"),
        blank=True,
        help_text=_("Where in the regional labour market the learner's profile fits."),
    )
    network = models.TextField(_("network involved"), blank=True)
    learning_style = models.TextField(_("learning style"), blank=True)
    preferred_sectors = models.JSONField(_("preferred sectors"), default=list, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours available per week"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    # The learner keeps control (seed 004): limitations reach the company only when they agreed.
    share_with_employer = models.BooleanField(
        _("the learner agrees to share the intake with the company"),
        default=False,
        help_text=_("The company then sees the fit and its work mentor drafts goals from it."),
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")

    def __str__(self):
        return f"{self.learner}"


class WorkplaceAnalysis(models.Model):
    """The employer orientation and the analysis of the workplace behind an opening."""

    opening = models.OneToOneField(
        Opening, on_delete=models.CASCADE, related_name="workplace", verbose_name=_("opening")
    )
    mission = models.TextField(_("mission and vision"), blank=True)
    way_of_working = models.TextField(_("way of working"), blank=True)
    workplace_tasks = models.TextField(
        _("tasks of the workplace"),
        blank=True,
        help_text=_("Every task of the workplace, one per line, with what it asks."),
    )
    carving_notes = models.TextField(
        _("job carving"), blank=True, help_text=_("Tasks that could be split off or combined into a new job.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("workplace analysis")
        verbose_name_plural = _("workplace analyses")

    def __str__(self):
        return f"{self.opening}"

    @property
    def tasks(self) -> list[str]:
        return [line.strip() for line in self.workplace_tasks.splitlines() if line.strip()]


class CandidatePreparation(models.Model):
    """Per candidate: which tasks of the workplace fit (job carving), and the interview preparation."""

    candidate = models.OneToOneField(
        Candidate, on_delete=models.CASCADE, related_name="preparation", verbose_name=_("candidate")
    )
    fitting_tasks = models.JSONField(_("tasks that fit"), default=list, blank=True)
    carving_notes = models.TextField(_("job-carving notes"), blank=True)
    interview_notes = models.TextField(_("interview preparation"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("candidate preparation")
        verbose_name_plural = _("candidate preparations")

    def __str__(self):
        return f"{self.candidate}"
