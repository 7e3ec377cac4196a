"""Inviting people into an organisation in a role, re-sending and revoking invitations, and accepting one.

Someone who already has an account (same e-mail, any case) gets the role at once, never a second account, and
an e-mail saying so. Anyone else gets a pending invitation and an e-mail with a single-use link that expires
after settings.INVITATION_DAYS; accepting it creates the account and the role. E-mails go through the outbox,
written in the same transaction as the change.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from core.outbox import enqueue

from ..models import COMPANY_ROLES, SCHOOL_ROLES, Membership, Role, User
from ..services import membership_grant
from . import tasks
from .models import Invitation
from .tokens import make_token, new_link_version, token_hash

# What `invite` did, on `invitation.outcome` (the import reports it per row).
INVITED = "invited"  # a new pending invitation, e-mail queued
RESENT = "resent"  # a pending invitation existed: new link, new expiry, e-mail queued
GRANTED = "granted"  # an existing account got the role (or got it back)
ALREADY = "already"  # the account holds the role already: nothing changed


def invitation_days() -> int:
    return getattr(settings, "INVITATION_DAYS", 14)


def normalise_email(email: str) -> str:
    return User.objects.normalize_email(email.strip()).lower()


def check_organisation(role: str, school, company) -> None:
    """A school role needs a school (and no company), a company role a company (and no school)."""
    if role in SCHOOL_ROLES and school is not None and company is None:
        return
    if role in COMPANY_ROLES and company is not None and school is None:
        return
    raise ValidationError(
        _("Learners, supervisors and coordinators belong to a school; work mentors and company admins to a company.")
    )


def _new_link(invitation: Invitation) -> None:
    """A new link (the old one stops working) valid for INVITATION_DAYS from now."""
    invitation.link_version = new_link_version()
    invitation.token_hash = token_hash(make_token(invitation.link_version))
    invitation.expires_at = timezone.now() + timedelta(days=invitation_days())


def _queue_invitation_email(invitation: Invitation) -> None:
    invitation.sent_at = timezone.now()
    enqueue(tasks.send_invitation, invitation.pk, invitation.link_version)


def _user_with_email(email: str):
    """The account with this (normalised, lower-case) address. Compared as lower(email), which the unique index
    covers; `email__iexact` compares UPPER() and scans the whole table on PostgreSQL."""
    return User.objects.annotate(email_lower=Lower("email")).filter(email_lower=email.lower())


def _pending_for(email: str, role: str, school, company):
    return (
        Invitation.objects.pending()
        .select_for_update()
        .annotate(email_lower=Lower("email"))
        .filter(email_lower=email.lower(), role=role, school=school, company=company)
        .first()
    )


@transaction.atomic
def invite(
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: Role | str,
    school=None,
    company=None,
    invited_by: User | None,
    language: str = "",
    send: bool = True,
) -> Invitation:
    """Give `email` the `role` at the school or company; see the module's docstring. `invitation.outcome` says
    what happened (INVITED, RESENT, GRANTED, ALREADY). With `send=False` no e-mail is queued (send it later with
    `resend`)."""
    email = normalise_email(email)
    check_organisation(role, school, company)
    language = language if language in dict(settings.LANGUAGES) else ""
    user = _user_with_email(email).first()
    if user is not None and awaiting_activation(user):
        # Made by an import and never used: the role now, and the link to choose a password as for a newcomer.
        membership_grant(user=user, role=role, school=school, company=company)
    elif user is not None:
        return _grant_existing(
            user,
            email=email,
            first_name=first_name,
            last_name=last_name,
            role=role,
            school=school,
            company=company,
            invited_by=invited_by,
            send=send,
        )
    invitation = _pending_for(email, role, school, company)
    outcome = RESENT
    if invitation is None:
        invitation = Invitation(email=email, role=role, school=school, company=company)
        outcome = INVITED
    invitation.first_name, invitation.last_name = first_name, last_name
    invitation.language = language or invitation.language
    invitation.invited_by = invited_by or invitation.invited_by
    _new_link(invitation)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        # Someone invited the same person at the same moment: theirs stands.
        invitation = _pending_for(email, role, school, company)
        if invitation is None:
            raise
        outcome = RESENT
    if send:
        _queue_invitation_email(invitation)
        invitation.save(update_fields=["sent_at"])
    invitation.outcome = outcome
    return invitation


def awaiting_activation(user: User) -> bool:
    """An account that was made for someone (by an import) who never signed in and has no password yet.

    Such a person activates it through an invitation like a newcomer. Someone who signs in only with the school's
    identity provider also has no password, but has signed in: they are an existing account.
    """
    return not user.has_usable_password() and user.last_login is None


def _grant_existing(user: User, *, email, first_name, last_name, role, school, company, invited_by, send):
    had_role = Membership.objects.filter(
        user=user, role=role, school=school, company=company, ended_at__isnull=True
    ).exists()
    membership = membership_grant(user=user, role=role, school=school, company=company)
    now = timezone.now()
    # The invitation is kept as the record of who gave the role; it is accepted already.
    invitation = _pending_for(email, role, school, company) or Invitation(
        email=email,
        role=role,
        school=school,
        company=company,
        first_name=first_name,
        last_name=last_name,
        language=user.language,
        invited_by=invited_by,
    )
    _new_link(invitation)
    invitation.accepted_at = invitation.accepted_at or now
    invitation.accepted_user = user
    invitation.expires_at = now
    invitation.save()
    if send and not had_role:
        enqueue(tasks.send_role_added, membership.pk)
    invitation.outcome = ALREADY if had_role else GRANTED
    return invitation


def _require_pending(invitation: Invitation) -> None:
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has been accepted already."))
    if invitation.revoked_at is not None:
        raise ValidationError(_("This invitation has been revoked."))


@transaction.atomic
def resend(invitation: Invitation, by: User | None) -> Invitation:
    """A new link and a new expiry, by e-mail; the link sent before stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require_pending(invitation)
    if _user_with_email(invitation.email).exists():
        # They made an account in the meantime: give them the role instead of a link.
        return invite(
            email=invitation.email,
            first_name=invitation.first_name,
            last_name=invitation.last_name,
            role=invitation.role,
            school=invitation.school,
            company=invitation.company,
            invited_by=by,
        )
    _new_link(invitation)
    _queue_invitation_email(invitation)
    invitation.save(update_fields=["link_version", "token_hash", "expires_at", "sent_at"])
    invitation.outcome = RESENT
    return invitation


@transaction.atomic
def revoke(invitation: Invitation, by: User | None) -> Invitation:
    """The link stops working; the invitation stays on record as revoked."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require_pending(invitation)
    invitation.revoked_at = timezone.now()
    invitation.revoked_by = by
    invitation.save(update_fields=["revoked_at", "revoked_by"])
    return invitation


@transaction.atomic
def accept(invitation: Invitation, *, first_name: str = "", last_name: str = "", password: str = "") -> User:
    """Accept a usable invitation: the account gets the role. A new account, or one awaiting activation, gets
    `password` and the names; an account in use keeps its password. Raises ValidationError when the invitation
    cannot be used any more."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _require_pending(invitation)
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired."))
    user = _user_with_email(invitation.email).first()
    if user is not None and awaiting_activation(user):
        user.set_password(password or None)
        user.first_name = first_name or user.first_name
        user.last_name = last_name or user.last_name
        user.language = user.language or invitation.language
        user.save(update_fields=["password", "first_name", "last_name", "language"])
    elif user is None:
        user = User.objects.create_user(
            email=invitation.email,
            password=password or None,
            first_name=first_name or invitation.first_name,
            last_name=last_name or invitation.last_name,
            language=invitation.language,
        )
    membership_grant(user=user, role=invitation.role, school=invitation.school, company=invitation.company)
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    return user
