"""The keys a school signs its Open Badges 3.0 credentials with (registry/badges/).

One key per school signs at a time (`retired_at` empty). Rotating retires it and makes a new one; a retired key's
public half stays published in the school's JWKS, so credentials it signed still verify. The private key is kept
encrypted with the site's secret key (registry/badges/keys.py) and never leaves the server.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import School


class SchoolSigningKey(models.Model):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="signing_keys", verbose_name=_("school"))
    kid = models.CharField(_("key id"), max_length=64, unique=True)
    algorithm = models.CharField(_("algorithm"), max_length=16, default="ES256")
    public_jwk = models.JSONField(_("public key"))
    private_key_encrypted = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["school", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school"], condition=Q(retired_at__isnull=True), name="signing_key_one_active_per_school"
            )
        ]

    def __str__(self):
        return f"{self.school} · {self.kid}"
