from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import School

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Give a colour as #RRGGBB."))


class RegistrySettings(models.Model):
    """A school's rules for certifying work mentors, and the look of its certificate."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="registry_settings", verbose_name=_("school")
    )
    validity_years = models.PositiveSmallIntegerField(
        _("certificate valid for (years)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    min_experience_years = models.PositiveSmallIntegerField(_("minimum years of work experience"), default=0)
    requires_good_conduct = models.BooleanField(_("certificate of good conduct required"), default=False)
    renewal_requires_refresher = models.BooleanField(_("renewal requires a refresher course"), default=False)
    renewal_development_hours = models.PositiveSmallIntegerField(
        _("development hours needed for renewal"),
        default=20,
        help_text=_("Hours of logged professional development within the validity period."),
    )
    expiry_reminder_days = models.PositiveSmallIntegerField(_("remind before expiry (days)"), default=60)
    publish_public_register = models.BooleanField(
        _("publish a public register"),
        default=False,
        help_text=_("Shows name, company, city and status of certified mentors to anyone."),
    )
    certificate_language = models.CharField(
        _("certificate language"), max_length=8, choices=[("nl", "Nederlands"), ("en", "English")], default="nl"
    )
    primary_colour = models.CharField(_("colour"), max_length=7, default="#17496b", validators=[hex_colour])
    logo = models.FileField(_("logo"), upload_to="registry/branding/", blank=True)
    signature = models.FileField(_("signature image"), upload_to="registry/branding/", blank=True)
    signatory_name = models.CharField(_("signed by"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=200, blank=True)
    # Audit history: who changed the school's certification rules or the certificate's look, and when.
    history = HistoricalRecords(
        verbose_name=_("historical registry settings"), verbose_name_plural=_("historical registry settings")
    )

    class Meta:
        verbose_name = _("registry settings")
        verbose_name_plural = _("registry settings")

    def __str__(self):
        return f"{self.school}"


class MentorEligibility(models.Model):
    """What a (future) work mentor has shown before a certificate may be issued."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="eligibility")
    work_experience_years = models.PositiveSmallIntegerField(_("years of work experience"), default=0)
    # The coach profile (seed 001, "education and experience") asks for a completed vocational education at
    # level 4 or higher; the school reads it with the evidence, it is not a rule the app checks.
    education = models.CharField(
        _("education"),
        max_length=200,
        blank=True,
        help_text=_("Your highest completed education and the trainings that matter for coaching."),
    )
    good_conduct_file = models.FileField(
        _("certificate of good conduct"), upload_to="registry/good-conduct/", blank=True
    )
    good_conduct_issued_on = models.DateField(_("certificate of good conduct issued on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentor eligibility")
        verbose_name_plural = _("mentor eligibility")

    def __str__(self):
        return f"{self.user}"
