"""A page among a placement's tabs that holds one form (templates/mentoring/form_page.html)."""

from django.shortcuts import render
from django.urls import reverse


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
