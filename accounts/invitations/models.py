"""An invitation to join an organisation in a role: a person without an account gets an e-mail with a link to
set their password; accepting it creates the account and the membership.

The link's token is never stored: the database keeps its SHA-256 (`token_hash`) to find the invitation, and
the e-mail task rebuilds the token from `link_version` with the site's secret key (`tokens.py`), so neither the
invitation nor the outbox row holds a working link. Re-sending draws a new `link_version`: the old link dies.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import COMPANY_ROLES, SCHOOL_ROLES, Company, Role, School

LANGUAGE_CHOICES = [("en", "English"), ("nl", "Nederlands")]
_PENDING = Q(accepted_at__isnull=True, revoked_at__isnull=True)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Neither accepted nor revoked (an expired one is still pending: it can be re-sent)."""
        return self.filter(_PENDING)

    def usable(self):
        return self.pending().filter(expires_at__gt=timezone.now())


class Invitation(models.Model):
    email = models.EmailField(_("e-mail address"))
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations", verbose_name=_("school")
    )
    company = models.ForeignKey(
        Company,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("company"),
    )
    language = models.CharField(_("language"), max_length=8, blank=True, choices=LANGUAGE_CHOICES)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited on"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accepted_invitations",
        verbose_name=_("account"),
    )
    # SHA-256 of the link's token; the token itself is rebuilt from link_version (see the module's docstring).
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    link_version = models.CharField(max_length=32, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role__in=SCHOOL_ROLES, school__isnull=False, company__isnull=True)
                    | Q(role__in=COMPANY_ROLES, company__isnull=False, school__isnull=True)
                ),
                name="invitation_role_matches_organisation",
            ),
            # One pending invitation per person, role and organisation: inviting again re-sends that one.
            models.UniqueConstraint(
                Lower("email"),
                "role",
                "school",
                condition=_PENDING & Q(school__isnull=False),
                name="invitation_pending_school_unique",
            ),
            models.UniqueConstraint(
                Lower("email"),
                "role",
                "company",
                condition=_PENDING & Q(company__isnull=False),
                name="invitation_pending_company_unique",
            ),
        ]

    def __str__(self):
        return f"{self.email} · {self.get_role_display()} · {self.organisation}"

    @property
    def organisation(self):
        return self.school or self.company

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        return "expired" if self.is_expired else "pending"
