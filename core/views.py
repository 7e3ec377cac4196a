"""Small helpers the views of every app share: refusing an action, and showing a service's errors on a form."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def require(allowed: bool, reason: str | None = None) -> None:
    """Refuse an insider who may see the page but not do this (outsiders already got a 404)."""
    if not allowed:
        raise PermissionDenied(reason or _("Your role in this placement does not allow this."))


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, on the field it names where the form has one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
