from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from core.paging import page_of

from .selectors import notifications_of, unread_notification_count
from .services import notifications_mark_all_read

PAGE_SIZE = 25


@login_required
@require_GET
def notification_list(request):
    page = page_of(notifications_of(request.user), request, per_page=PAGE_SIZE)
    unread = unread_notification_count(request.user)
    return render(request, "meetings/notifications/notification_list.html", {"page": page, "unread": unread})


@login_required
@require_POST
def notification_read_all(request):
    marked = notifications_mark_all_read(user=request.user)
    if marked:
        messages.success(
            request,
            ngettext("%(count)d notification marked as read.", "%(count)d notifications marked as read.", marked)
            % {"count": marked},
        )
    else:
        messages.info(request, _("There was nothing unread."))
    return redirect("notification_list")


@login_required
def notification_badge(request):
    """The unread count, fetched by the menu after the page loaded, so no page pays for it up front."""
    return render(request, "meetings/notifications/_badge.html", {"unread": unread_notification_count(request.user)})
