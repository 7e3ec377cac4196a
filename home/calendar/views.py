"""The feed itself (by its private address, no log-in) and making, renewing or revoking it on "My account"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.emails import site_url
from core.http import private_no_store, signed_link_no_store

from .ics import feed_calendar
from .services import feed_owner, feed_renew, feed_revoke


@require_GET
def calendar_feed(request, token):
    user = feed_owner(token)
    if user is None:
        raise Http404("No such calendar.")
    response = HttpResponse(feed_calendar(user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="werkmentor.ics"'
    return signed_link_no_store(response)


@login_required
@require_POST
def calendar_feed_manage(request):
    action = request.POST.get("action")
    if action == "revoke":
        feed_revoke(user=request.user)
        messages.success(
            request, _("Your calendar address has been revoked; calendars subscribed to it stop updating.")
        )
        return redirect("my_account")
    if action != "renew":
        return HttpResponse(_("Choose to make, renew or revoke the calendar address."), status=400)
    token = feed_renew(user=request.user)
    url = site_url(reverse("calendar_feed", args=[token]))
    page = render(request, "home/calendar/feed_made.html", {"url": url, "webcal": url.replace("https://", "webcal://")})
    return private_no_store(page)
