"""A school's OpenID Connect identity providers, and which person a provider's subject (`sub`) is.

The client secret is kept in the database (a school configures its own provider), encrypted at rest, and is never
shown back in full: forms and the admin show its last four characters only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedTextField

from ..models import School


class IdentityProvider(models.Model):
    class MatchClaim(models.TextChoices):
        EMAIL = "email", _("e-mail address (only when verified by a trusted provider)")
        NUMBER = "number", _("student or employee number")

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="identity_providers", verbose_name=_("school")
    )
    name = models.CharField(
        _("name on the button"), max_length=100, help_text=_('Shown as "Sign in with <name>" on the log-in page.')
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    issuer = models.URLField(
        _("issuer URL"), max_length=300, help_text=_("Exactly as the provider names itself in its ID tokens (iss).")
    )
    client_id = models.CharField(_("client ID"), max_length=255)
    # Encrypted at rest (core/encryption.py); the attribute is the plain secret.
    client_secret = EncryptedTextField(_("client secret"), blank=True)
    scopes = models.CharField(_("scopes"), max_length=200, default="openid email profile")
    # Empty: read from the provider's discovery document (<issuer>/.well-known/openid-configuration).
    authorization_endpoint = models.URLField(_("authorization endpoint"), max_length=300, blank=True)
    token_endpoint = models.URLField(_("token endpoint"), max_length=300, blank=True)
    userinfo_endpoint = models.URLField(_("userinfo endpoint"), max_length=300, blank=True)
    jwks_uri = models.URLField(_("JWKS URI"), max_length=300, blank=True)
    match_claim = models.CharField(
        _("match accounts by"), max_length=10, choices=MatchClaim.choices, default=MatchClaim.EMAIL
    )
    number_claim = models.CharField(
        _("number claim"),
        max_length=100,
        blank=True,
        help_text=_("The claim that holds the student or employee number, e.g. employee_number."),
    )
    email_trusted = models.BooleanField(
        _("trust the provider's verified e-mail addresses"),
        default=False,
        help_text=_(
            "Only then may an e-mail address marked as verified by the provider link an existing account "
            "on its first sign-in."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")
        ordering = ["school__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="identity_provider_name_unique_per_school"),
            models.CheckConstraint(
                condition=~Q(match_claim="number") | ~Q(number_claim=""),
                name="identity_provider_number_claim_named",
                violation_error_message=_("Name the claim that holds the number."),
            ),
        ]

    def __str__(self):
        return f"{self.name} · {self.school}"

    @property
    def secret_hint(self) -> str:
        """What may be shown of the secret: that there is one, and its last four characters."""
        if not self.client_secret:
            return ""
        return "…" + self.client_secret[-4:] if len(self.client_secret) >= 12 else "…"


class SsoIdentity(models.Model):
    """This person is `subject` at this provider: later sign-ins find them by it, never again by a claim."""

    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="identities", verbose_name=_("identity provider")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities", verbose_name=_("user")
    )
    subject = models.CharField(_("subject (sub)"), max_length=255)
    linked_by = models.CharField(_("linked by"), max_length=20)
    created_at = models.DateTimeField(_("linked on"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("last sign-in"), null=True, blank=True)

    class Meta:
        verbose_name = _("single sign-on link")
        verbose_name_plural = _("single sign-on links")
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="sso_identity_subject_unique"),
            models.UniqueConstraint(fields=["provider", "user"], name="sso_identity_user_unique"),
        ]

    def __str__(self):
        return f"{self.user} · {self.provider.name}"
