"""Which person a provider's sign-in is: by the stored link (provider + `sub`), or, on the first sign-in, by
something that proves it — never by an e-mail address the provider has not verified.

First sign-in, in this order:
1. the invitation whose link the person followed to the sign-in button (it was sent to their address);
2. a verified e-mail address (`email_verified: true` from a provider the school marked as trusted) that has a
   pending invitation to this school, or belongs to a person of this school;
3. the configured number claim matching the student or employee number this school keeps for one person.
Then the link is stored, and later sign-ins go by `sub` alone. Anyone else is told they have no account here.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..invitations.models import Invitation
from ..invitations.services import accept
from ..models import Membership, User
from .models import IdentityProvider, SsoIdentity
from .numbers import user_ids_with_number

# Why a sign-in found nobody (SignInRefused.reason); the page words each one.
UNKNOWN = "unknown"
INACTIVE = "inactive"
LEFT = "left"
LINKED_ELSEWHERE = "linked_elsewhere"
INVITATION_UNUSABLE = "invitation_unusable"


class SignInRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _belongs_to(user: User, provider: IdentityProvider) -> bool:
    """A person of the provider's school now: a role there that has not ended."""
    return Membership.objects.filter(user=user, school_id=provider.school_id, ended_at__isnull=True).exists()


def _checked(user: User, provider: IdentityProvider) -> User:
    if not user.is_active:
        raise SignInRefused(INACTIVE)
    if not _belongs_to(user, provider):
        raise SignInRefused(LEFT)
    return user


def verified_email(provider: IdentityProvider, claims: dict) -> str:
    """The e-mail address, if the provider is trusted and says it verified it; "" otherwise."""
    email = claims.get("email")
    if not provider.email_trusted or claims.get("email_verified") is not True or not isinstance(email, str):
        return ""
    return User.objects.normalize_email(email.strip()).lower()


def _claimed_number(provider: IdentityProvider, claims: dict) -> str:
    value = claims.get(provider.number_claim) if provider.number_claim else None
    return str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""


def _accept(invitation: Invitation) -> User:
    try:
        return accept(invitation)
    except ValidationError as exc:
        raise SignInRefused(INVITATION_UNUSABLE) from exc


def invitation_usable_for(invitation: Invitation | None, provider: IdentityProvider) -> bool:
    return (
        invitation is not None
        and invitation.school_id == provider.school_id
        and invitation.is_pending
        and not invitation.is_expired
    )


def _first_sign_in(provider: IdentityProvider, claims: dict, invitation: Invitation | None) -> tuple[User, str]:
    if invitation is not None:
        if not invitation_usable_for(invitation, provider):
            raise SignInRefused(INVITATION_UNUSABLE)
        return _accept(invitation), "invitation"
    email = verified_email(provider, claims)
    if email:
        pending = Invitation.objects.usable().filter(school_id=provider.school_id, email__iexact=email).first()
        if pending is not None:
            return _accept(pending), "invitation"
        if provider.match_claim == IdentityProvider.MatchClaim.EMAIL:
            user = User.objects.filter(email__iexact=email).first()
            if user is not None and _belongs_to(user, provider):
                return _checked(user, provider), "email"
    number = _claimed_number(provider, claims)
    if provider.match_claim == IdentityProvider.MatchClaim.NUMBER and number:
        ids = user_ids_with_number(provider.school, number)
        if len(ids) == 1:
            return _checked(User.objects.get(pk=ids.pop()), provider), "number"
    raise SignInRefused(UNKNOWN)


@transaction.atomic
def user_for_sign_in(provider: IdentityProvider, claims: dict, invitation: Invitation | None = None) -> User:
    """The person signing in with these (validated) claims, linked to the provider's `sub`; or SignInRefused."""
    identity = (
        SsoIdentity.objects.select_for_update()
        .select_related("user")
        .filter(provider=provider, subject=claims["sub"])
        .first()
    )
    if identity is None:
        user, how = _first_sign_in(provider, claims, invitation)
        try:
            with transaction.atomic():
                identity = SsoIdentity.objects.create(
                    provider=provider, user=user, subject=claims["sub"], linked_by=how
                )
        except IntegrityError:
            # This person is linked to another account at the same provider: a second sub is not taken over.
            raise SignInRefused(LINKED_ELSEWHERE) from None
    else:
        # Known already: the invitation they followed adds its role to the linked account, if it is theirs.
        if invitation_usable_for(invitation, provider) and invitation.email.lower() == identity.user.email.lower():
            _accept(invitation)
        _checked(identity.user, provider)
    identity.last_login_at = timezone.now()
    identity.save(update_fields=["last_login_at"])
    return identity.user
