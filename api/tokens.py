"""The API tokens of a school: who may manage them (its coordinators, as its people), making and revoking them."""

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import School, User
from accounts.people.selectors import SCHOOL, Org, org_for_manager

from .models import ApiToken, new_token, token_hash


def school_for_token_manager(user: User, school_id: int) -> Org:
    """The school whose tokens `user` manages: its coordinators (and staff); 403 for its others, 404 for anyone."""
    return org_for_manager(user, SCHOOL, school_id)


def tokens_of(school: School) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(school=school).select_related("created_by", "revoked_by")


def token_for_manager(user: User, pk: int) -> ApiToken:
    token = ApiToken.objects.filter(pk=pk).first()
    if token is None:
        raise Http404
    school_for_token_manager(user, token.school_id)
    return token


def token_create(*, school: School, by: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token and its text, which is shown this once: only its hash is kept."""
    prefix, text = new_token()
    token = ApiToken.objects.create(
        school=school, name=name, scope=scope, prefix=prefix, token_hash=token_hash(text), created_by=by
    )
    return token, text


@transaction.atomic
def token_revoke(*, token: ApiToken, by: User) -> bool:
    """Revoke for good (a revoked token answers 401); False when it was revoked already."""
    updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    return bool(updated)
