"""Writes of the privacy app: recording and handling access and erasure requests, and the retention settings."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import School, User

from .erasure import erasure_refusal, person_erase
from .export.archive import build_export
from .models import PrivacyRequest, RetentionSettings


def request_record(*, school: School, kind: str, person: User, received_on, notes: str, by: User) -> PrivacyRequest:
    return PrivacyRequest.objects.create(
        school=school, kind=kind, person=person, received_on=received_on, notes=notes.strip(), recorded_by=by
    )


def _close(request: PrivacyRequest, *, status: str, outcome: str, by: User) -> None:
    request.status = status
    request.outcome = outcome
    request.handled_by = by
    request.handled_at = timezone.now()
    request.save(update_fields=["status", "outcome", "handled_by", "handled_at"])


def _open_locked(request: PrivacyRequest) -> PrivacyRequest:
    locked = PrivacyRequest.objects.select_for_update().get(pk=request.pk)
    if not locked.is_open:
        raise ValidationError(_("This request has already been handled."))
    return locked


@transaction.atomic
def request_fulfil_access(*, request: PrivacyRequest, by: User) -> bytes:
    """The person's export, handed to the coordinator to pass on; the log says it was made."""
    if request.kind != PrivacyRequest.Kind.ACCESS:
        raise ValidationError(_("This is not an access request."))
    locked = _open_locked(request)
    archive = build_export(locked.person)
    outcome = _("The export (%(size)d kB) was made for the person.") % {"size": max(1, len(archive) // 1024)}
    _close(locked, status=PrivacyRequest.Status.FULFILLED, outcome=outcome, by=by)
    return archive


@transaction.atomic
def request_fulfil_erasure(*, request: PrivacyRequest, by: User) -> PrivacyRequest:
    if request.kind != PrivacyRequest.Kind.ERASURE:
        raise ValidationError(_("This is not an erasure request."))
    locked = _open_locked(request)
    refusal = erasure_refusal(locked.person, locked.school)
    if refusal:
        # Written down as refused with the rule's reason: the person is told why, and may ask again later.
        _close(locked, status=PrivacyRequest.Status.REFUSED, outcome=refusal, by=by)
        return locked
    reason = _("Erasure request of %(date)s") % {"date": locked.received_on.isoformat()}
    outcome = person_erase(person=locked.person, school=locked.school, by=by, reason=reason)
    status = PrivacyRequest.Status.PARTLY if outcome.kept else PrivacyRequest.Status.FULFILLED
    _close(locked, status=status, outcome=outcome.text(), by=by)
    return locked


@transaction.atomic
def request_refuse(*, request: PrivacyRequest, by: User, reason: str) -> PrivacyRequest:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the request is refused.")})
    locked = _open_locked(request)
    _close(locked, status=PrivacyRequest.Status.REFUSED, outcome=reason, by=by)
    return locked


@transaction.atomic
def retention_settings_save(*, settings: RetentionSettings, enabled: bool, by: User) -> RetentionSettings:
    """Save the periods; switching the job on records who read the dry run and agreed."""
    if enabled and settings.enabled_at is None:
        settings.enabled_at, settings.enabled_by = timezone.now(), by
    elif not enabled:
        settings.enabled_at, settings.enabled_by = None, None
    settings.full_clean()
    settings.save()
    return settings
