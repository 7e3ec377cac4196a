"""The placement agreement (praktijkovereenkomst): what learner, company and school agree before a placement starts.

The agreement is drawn up from the placement and keeps a snapshot of its values (people, organisations,
programme, period, hours) so that a later edit of the placement never changes what was signed. It is signed
through the signing engine of the assessment record (assessments/signatures/engine.py). A change of period or
company after signing is an addendum: a new agreement row that `amends` the signed one, with its own signatures.

It lives in assessments, above placements, because it signs with the assessments' engine; the placement's
activation rule is registered from here (AssessmentsConfig.ready).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.models import School
from core.protection import ProtectedQuerySet, RefuseDeletion, cascade_unless_protected, protect
from placements.models import Placement

from .records import SignerFields


class AgreementSettings(models.Model):
    """A school's rule for placement agreements."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="agreement_settings", verbose_name=_("school")
    )
    required_before_start = models.BooleanField(
        _("a placement becomes active only with a fully signed placement agreement"),
        default=False,
        help_text=_("When on, a placement cannot be set to active until learner, company and school have signed."),
    )
    history = HistoricalRecords(
        verbose_name=_("historical agreement settings"), verbose_name_plural=_("historical agreement settings")
    )

    class Meta:
        verbose_name = _("placement agreement settings")
        verbose_name_plural = _("placement agreement settings")

    def __str__(self):
        return f"{self.school}"


class PlacementAgreement(RefuseDeletion, models.Model):
    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("placement agreement")
        ADDENDUM = "addendum", _("addendum")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        AWAITING = "awaiting", _("waiting for signatures")
        SIGNED = "signed", _("signed")

    placement = models.ForeignKey(
        Placement,
        on_delete=cascade_unless_protected,
        related_name="agreements",
        verbose_name=_("work placement"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.AGREEMENT)
    # An addendum amends the agreement as last signed (the agreement itself or its newest signed addendum).
    amends = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="addenda", verbose_name=_("amends")
    )
    number = models.PositiveSmallIntegerField(_("number"), default=0, help_text=_("0 for the agreement itself."))
    snapshot = models.JSONField(_("agreed values"), default=dict)
    changes = models.JSONField(_("changed values"), default=list, blank=True)
    guardian_name = models.CharField(_("parent or guardian"), max_length=200, blank=True)
    guardian_email = models.EmailField(_("e-mail of parent or guardian"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("sent for signatures"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    pdf_sent_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(
        verbose_name=_("historical placement agreement"),
        verbose_name_plural=_("historical placement agreements"),
        excluded_fields=["updated_at", "pdf_sent_at"],
    )

    objects = ProtectedQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement agreement")
        verbose_name_plural = _("placement agreements")
        ordering = ["placement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "number"], name="agreement_number_once_per_placement"),
            models.CheckConstraint(
                condition=(Q(kind="agreement", amends__isnull=True, number=0))
                | (Q(kind="addendum", amends__isnull=False, number__gt=0)),
                name="agreement_addendum_amends",
            ),
            models.CheckConstraint(
                condition=~Q(status="signed") | Q(locked_at__isnull=False),
                name="agreement_signed_is_locked",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.ADDENDUM:
            return f"{_('Addendum')} {self.number} · {self.snapshot.get('learner_name', '')}"
        return f"{_('Placement agreement')} · {self.snapshot.get('learner_name', '')}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.SIGNED or self.locked_at is not None

    @property
    def is_addendum(self) -> bool:
        return self.kind == self.Kind.ADDENDUM


class AgreementSignature(SignerFields):
    """One party's signature on an agreement or addendum; a guardian without an account signs by e-mail link."""

    class Role(models.TextChoices):
        LEARNER = "learner", _("learner")
        GUARDIAN = "guardian", _("parent or guardian")
        COMPANY = "company", _("host company")
        SCHOOL = "school", _("school")

    agreement = models.ForeignKey(PlacementAgreement, on_delete=models.CASCADE, related_name="signatures")
    role = models.CharField(_("signs as"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("agreement signature")
        verbose_name_plural = _("agreement signatures")
        ordering = ["agreement", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "role"], name="agreement_signature_once_per_party"),
            models.CheckConstraint(
                condition=Q(signed_at__isnull=True) | Q(verdict="agree"),
                name="agreement_signature_signed_agrees",
            ),
        ]

    def __str__(self):
        return f"{self.agreement} · {self.name}"


# A signed agreement stays as it was signed: a change is an addendum, never an edit or a deletion.
protect(
    PlacementAgreement,
    lambda agreement: agreement.is_locked,
    _("it is signed. A signed agreement is changed by an addendum and stays as it was."),
)
protect(AgreementSignature, lambda part: part.agreement.is_locked, _("it belongs to a signed placement agreement."))
