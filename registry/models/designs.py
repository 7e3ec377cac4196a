"""A school's certificate design: layout, logo, colours, signatories and wording, in numbered versions.

A version is a draft until the school chooses to use it; from then on it is frozen (the services refuse to
change it and it cannot be deleted), because every certificate issued with it points at it and must render
the same document again, years later. The images are kept in the row itself, not as files: a replaced
file elsewhere (the school's settings) can then never change an issued certificate.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import School
from core.protection import RefuseDeletion, protect

from .settings import hex_colour


class CertificateDesign(RefuseDeletion, models.Model):
    class Layout(models.TextChoices):
        CLASSIC = "classic", _("classic")
        MODERN = "modern", _("modern")
        MINIMAL = "minimal", _("minimal")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="certificate_designs", verbose_name=_("school")
    )
    version = models.PositiveIntegerField(_("version"))
    layout = models.CharField(_("layout"), max_length=10, choices=Layout.choices, default=Layout.CLASSIC)
    primary_colour = models.CharField(_("main colour"), max_length=7, default="#17496b", validators=[hex_colour])
    accent_colour = models.CharField(_("accent colour"), max_length=7, default="#4a4a48", validators=[hex_colour])
    logo = models.BinaryField(_("logo"), blank=True, default=b"")
    title_nl = models.CharField(_("title (Dutch)"), max_length=80)
    title_en = models.CharField(_("title (English)"), max_length=80)
    body_nl = models.TextField(_("text (Dutch)"), max_length=600)
    body_en = models.TextField(_("text (English)"), max_length=600)
    signatory_name = models.CharField(_("signed by"), max_length=200, blank=True)
    signatory_role = models.CharField(_("signatory's role"), max_length=200, blank=True)
    signature = models.BinaryField(_("signature image"), blank=True, default=b"")
    signatory2_name = models.CharField(_("second signatory"), max_length=200, blank=True)
    signatory2_role = models.CharField(_("second signatory's role"), max_length=200, blank=True)
    signature2 = models.BinaryField(_("second signature image"), blank=True, default=b"")
    # Made by the system from the school's certificate settings (its look before it designed its own).
    from_settings = models.BooleanField(_("made from the certificate settings"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    used_at = models.DateTimeField(_("in use since"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")
        ordering = ["school", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["school", "version"], name="certificate_design_version_unique"),
            models.CheckConstraint(
                condition=Q(signatory2_name="") | ~Q(signatory_name=""),
                name="certificate_design_first_signatory_first",
                violation_error_message=_("Name the first signatory before a second one."),
            ),
        ]
        indexes = [models.Index(fields=["school", "-used_at"], name="certificate_design_in_use")]

    def __str__(self):
        return f"{self.school} · {self.version}"

    @property
    def frozen(self) -> bool:
        return self.used_at is not None

    def title(self, language: str) -> str:
        return self.title_nl if language == "nl" else self.title_en

    def body(self, language: str) -> str:
        return self.body_nl if language == "nl" else self.body_en

    def signatories(self) -> list[tuple[str, str, bytes]]:
        """(name, role, signature image) of the one or two people who sign."""
        people = [
            (self.signatory_name, self.signatory_role, bytes(self.signature or b"")),
            (self.signatory2_name, self.signatory2_role, bytes(self.signature2 or b"")),
        ]
        return [person for person in people if person[0]]


# A design that has been used is part of every certificate issued with it.
protect(
    CertificateDesign,
    lambda design: design.used_at is not None,
    _("certificates were issued with this design; it is kept so that they can be shown again as they were issued."),
)
