"""The assessment record: ratings per indicator, judgements, signatures; locked after the last signature.

A record is about one subject: a learner in a placement, or a work mentor in a mentor course. A correction
to a signed record is a new record that `amends` it (version + 1); the signed one stays readable.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.protection import ProtectedQuerySet, RefuseDeletion, cascade_unless_protected, protect
from placements.models import Placement

from .frameworks import Competency, FrameworkVersion, Indicator, RatingLevel
from .plans import AssessmentMoment


class AssessmentRecord(RefuseDeletion, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        AWAITING = "awaiting", _("waiting for signatures")
        SIGNED = "signed", _("signed")
        AMENDED = "amended", _("replaced by an amendment")

    LOCKED_STATUSES = (Status.SIGNED, Status.AMENDED)

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("assessed")
    )
    placement = models.ForeignKey(
        Placement,
        on_delete=cascade_unless_protected,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("work placement"),
    )
    moment = models.ForeignKey(
        AssessmentMoment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("assessment moment"),
    )
    enrolment = models.ForeignKey(
        "registry.Enrolment",
        on_delete=cascade_unless_protected,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("enrolment"),
    )
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="records", verbose_name=_("framework version")
    )
    title = models.CharField(_("title"), max_length=200)
    assessed_on = models.DateField(_("date of assessment"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    amends = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="amendment", verbose_name=_("amends")
    )
    amendment_reason = models.TextField(_("reason for the amendment"), blank=True)
    overall_level = models.ForeignKey(
        RatingLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("overall")
    )
    overall_remarks = models.TextField(_("overall judgement"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    development_points = models.TextField(_("points for development"), blank=True)
    learner_response = models.TextField(_("response of the person assessed"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("sent for signatures"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    pdf_sent_at = models.DateTimeField(null=True, blank=True)
    # Audit history of the record and of its amendments (home/history/). updated_at changes on every save and
    # pdf_sent_at is set by a queryset update after signing: neither says anything a history row does not.
    history = HistoricalRecords(
        verbose_name=_("historical assessment record"),
        verbose_name_plural=_("historical assessment records"),
        excluded_fields=["updated_at", "pdf_sent_at"],
    )

    objects = ProtectedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment record")
        verbose_name_plural = _("assessment records")
        ordering = ["-assessed_on", "-pk"]
        indexes = [
            models.Index(fields=["placement", "-assessed_on"]),
            models.Index(fields=["subject", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(placement__isnull=False, enrolment__isnull=True))
                | (Q(placement__isnull=True, enrolment__isnull=False)),
                name="assessment_record_of_placement_or_enrolment",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["signed", "amended"]) | Q(locked_at__isnull=False),
                name="assessment_record_signed_is_locked",
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.subject} (v{self.version})"

    @property
    def is_locked(self) -> bool:
        return self.status in self.LOCKED_STATUSES or self.locked_at is not None

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Rating(models.Model):
    record = models.ForeignKey(AssessmentRecord, on_delete=models.CASCADE, related_name="ratings")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="ratings")
    level = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    remarks = models.TextField(_("remarks"), blank=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [models.UniqueConstraint(fields=["record", "indicator"], name="rating_once_per_indicator")]

    def __str__(self):
        return f"{self.record} · {self.indicator}"


class CompetencyJudgement(models.Model):
    record = models.ForeignKey(AssessmentRecord, on_delete=models.CASCADE, related_name="judgements")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="judgements")
    level = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    remarks = models.TextField(_("remarks"), blank=True)

    class Meta:
        verbose_name = _("judgement per competency")
        verbose_name_plural = _("judgements per competency")
        constraints = [models.UniqueConstraint(fields=["record", "competency"], name="judgement_once_per_competency")]

    def __str__(self):
        return f"{self.record} · {self.competency}"


class SignerFields(models.Model):
    """What every signature of the signing engine holds, whatever it signs (assessments/signatures/engine.py).

    Shared by the assessment record's `Signature` and the placement agreement's `AgreementSignature`.
    """

    class Verdict(models.TextChoices):
        AGREE = "agree", _("agree")
        DISAGREE = "disagree", _("seen, disagree")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None


class Signature(SignerFields):
    """One signature the record needs; pending until signed. Someone without a login signs by e-mail link."""

    class Role(models.TextChoices):
        ASSESSOR = "assessor", _("assessor")
        SUBJECT = "subject", _("person assessed")

    record = models.ForeignKey(AssessmentRecord, on_delete=models.CASCADE, related_name="signatures")
    role = models.CharField(_("signs as"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["record", "role", "pk"]
        indexes = [models.Index(fields=["signed_at", "last_reminded_at"])]
        constraints = [
            models.UniqueConstraint(fields=["record", "email"], name="signature_once_per_person"),
            models.CheckConstraint(
                condition=~Q(verdict="disagree") | ~Q(reason=""),
                name="signature_disagree_has_reason",
                violation_error_message=_("Say why you disagree."),
            ),
            models.CheckConstraint(
                condition=Q(signed_at__isnull=True) | ~Q(verdict=""),
                name="signature_signed_has_verdict",
            ),
            models.CheckConstraint(
                condition=~Q(verdict="disagree") | Q(role="subject"),
                name="signature_only_subject_disagrees",
            ),
        ]

    def __str__(self):
        return f"{self.record} · {self.name}"


# A signed record stays: it is corrected by an amendment, never deleted (core/protection.py guards every path).
protect(
    AssessmentRecord,
    lambda record: record.is_locked,
    _("it is signed. A signed record is corrected by an amendment and stays as it was."),
)
for _part in (Rating, CompetencyJudgement, Signature):
    protect(_part, lambda part: part.record.is_locked, _("it belongs to a signed assessment record."))
