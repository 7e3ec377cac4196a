"""Per-school API tokens: made, scoped and revoked by the school's coordinators; kept as a hash.

A token reads `wm_<prefix>_<secret>`. The prefix is stored as it is (to find the row and to show the coordinator
which token is which); only the SHA-256 of the whole token is stored, so a database dump gives no usable token.
The secret has 256 random bits: a fast hash is enough (no password stretching needed against guessing).
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import School

TOKEN_START = "wm_"  # noqa: S105 - the fixed start of every token, not a secret
PREFIX_LENGTH = 8


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """(prefix, token): a fresh token and the public prefix it is found by."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    return prefix, f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"


def prefix_of(token: str) -> str | None:
    """The prefix of something that looks like a token, else None."""
    if not token.startswith(TOKEN_START):
        return None
    prefix, _sep, secret = token[len(TOKEN_START) :].partition("_")
    return prefix if len(prefix) == PREFIX_LENGTH and secret else None


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", _("read only")
        WRITE = "write", _("read and write")

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("school"))
    name = models.CharField(_("name"), max_length=100, help_text=_("Which system uses it, e.g. “Student records”."))
    scope = models.CharField(_("access"), max_length=10, choices=Scope.choices, default=Scope.READ)
    prefix = models.CharField(max_length=PREFIX_LENGTH, unique=True)
    token_hash = models.CharField(max_length=64)
    # The coordinator who made it: the author of what the token writes (audit history).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({TOKEN_START}{self.prefix}_…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE

    def matches(self, token: str) -> bool:
        return secrets.compare_digest(self.token_hash, token_hash(token))

    def mark_used(self, now=None) -> None:
        """Record the use at most once a minute: a busy integration must not write a row per request."""
        now = now or timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() >= 60:
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
