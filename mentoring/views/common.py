"""Small helpers the coaching views share."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.urls import reverse
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


def placement_form_page(request, placement, form, *, section: str, tab: str, intro: str = "", status: int = 200):
    """A form among the placement's pages (mentoring/form_page.html), under the tab whose URL name is `tab`;
    cancelling goes back to that tab."""
    return render(
        request,
        "mentoring/form_page.html",
        {
            "placement": placement,
            "form": form,
            "section": section,
            "intro": intro,
            "active": tab,
            "cancel_url": reverse(tab, args=[placement.pk]),
        },
        status=status,
    )
