"""The induction programme (work process 1.2): a company template, and a checklist per placement."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Company

from .placements import Placement


class Section(models.TextChoices):
    ORGANISATION = "organisation", _("the organisation")
    PROCESSES = "processes", _("processes and procedures")
    HOUSE_RULES = "house_rules", _("house rules")
    DIRECTIONS = "directions", _("company directions")
    CALAMITIES = "calamities", _("calamity and emergency procedures")
    SAFETY = "safety", _("safety")
    PRACTICAL = "practical", _("practical matters")


# The learner confirms having received these; the mentor's tick alone is not enough.
SECTIONS_LEARNER_CONFIRMS = (Section.HOUSE_RULES, Section.CALAMITIES)


class InductionItemFields(models.Model):
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    title = models.CharField(_("item"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    responsible = models.CharField(
        _("responsible person"), max_length=120, help_text=_("Who takes care of it, for example: the work mentor.")
    )
    due_day = models.PositiveSmallIntegerField(
        _("due on day"), default=1, validators=[MaxValueValidator(365)], help_text=_("Day 1 is the first day.")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def learner_confirms(self) -> bool:
        return self.section in SECTIONS_LEARNER_CONFIRMS


class InductionTemplate(models.Model):
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="induction_templates", verbose_name=_("company")
    )
    name = models.CharField(_("name"), max_length=200)
    is_default = models.BooleanField(_("default for new placements"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("induction template")
        verbose_name_plural = _("induction templates")
        ordering = ["company", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["company"], condition=models.Q(is_default=True), name="one_default_induction_template"
            )
        ]

    def __str__(self):
        return self.name


class InductionTemplateItem(InductionItemFields):
    template = models.ForeignKey(InductionTemplate, on_delete=models.CASCADE, related_name="items")

    class Meta:
        verbose_name = _("induction template item")
        verbose_name_plural = _("induction template items")
        ordering = ["template", "due_day", "position", "pk"]


class InductionChecklist(models.Model):
    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="induction")
    template = models.ForeignKey(InductionTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("induction checklist")
        verbose_name_plural = _("induction checklists")

    def __str__(self):
        return f"{self.placement}"


class InductionItem(InductionItemFields):
    checklist = models.ForeignKey(InductionChecklist, on_delete=models.CASCADE, related_name="items")
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    learner_confirmed_at = models.DateTimeField(_("received, confirmed by the learner"), null=True, blank=True)

    class Meta:
        verbose_name = _("induction item")
        verbose_name_plural = _("induction items")
        ordering = ["checklist", "due_day", "position", "pk"]
