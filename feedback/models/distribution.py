"""Who is asked which questionnaire when: a school's rules, its anonymity threshold, and the invitations sent.

An invitation is made once per rule, person and moment (the unique constraint; the scan may run twice). It
records that the person answered, never what: the answers are stored apart (models/responses.py).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import School
from placements.models import Placement
from registry.models import Course

from .questionnaires import Questionnaire, QuestionnaireVersion

MIN_GROUP_SIZE = 5


class FeedbackSettings(models.Model):
    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="feedback_settings", verbose_name=_("school")
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group whose results are shown"),
        default=MIN_GROUP_SIZE,
        validators=[MinValueValidator(MIN_GROUP_SIZE), MaxValueValidator(100)],
        help_text=_("Results of fewer responses stay hidden, so that no one's answers can be recognised."),
    )
    reminder_after_days = models.PositiveSmallIntegerField(
        _("remind after (days)"), default=7, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )

    class Meta:
        verbose_name = _("feedback settings")
        verbose_name_plural = _("feedback settings")

    def __str__(self):
        return str(self.school)


class DistributionRule(models.Model):
    class Moment(models.TextChoices):
        HALFWAY = "halfway", _("halfway through the placement")
        BEFORE_END = "before_end", _("days before the placement ends")
        AFTER_END = "after_end", _("days after the placement ended")
        AFTER_COURSE = "after_course", _("days after a course ended")

    PLACEMENT_MOMENTS = (Moment.HALFWAY, Moment.BEFORE_END, Moment.AFTER_END)

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="feedback_rules", verbose_name=_("school")
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="rules", verbose_name=_("questionnaire")
    )
    moment = models.CharField(_("moment"), max_length=20, choices=Moment.choices)
    days = models.PositiveSmallIntegerField(
        _("days"), default=0, validators=[MaxValueValidator(365)], help_text=_("Not used for halfway.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("distribution rule")
        verbose_name_plural = _("distribution rules")
        ordering = ["school", "moment", "days", "pk"]

    def __str__(self):
        return f"{self.questionnaire} · {self.get_moment_display()}"


class SurveyInvitation(models.Model):
    rule = models.ForeignKey(DistributionRule, on_delete=models.PROTECT, related_name="invitations")
    version = models.ForeignKey(QuestionnaireVersion, on_delete=models.PROTECT, related_name="invitations")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_invitations")
    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, null=True, blank=True, related_name="survey_invitations"
    )
    course = models.ForeignKey(Course, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The moment: "placement:<pk>" or "course:<pk>"; with rule and recipient it is unique.
    subject_key = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Whether, never what nor when: the answers are stored without a link to this row.
    answered = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "recipient", "subject_key"], name="survey_invitation_once_per_person_and_moment"
            )
        ]
        indexes = [models.Index(fields=["answered", "sent_at", "reminded_at"])]

    def __str__(self):
        return f"{self.version} → {self.recipient}"
