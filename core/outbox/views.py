"""The outbox page for staff: what failed and why, what waits for a retry, and "send again"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .enqueue import send_again
from .models import OutboxEntry

Status = OutboxEntry.Status
SHOWN = 200


def _staff_only(request) -> None:
    if not request.user.is_staff:
        raise PermissionDenied(_("Only the application's staff see the outbox."))


@login_required
def outbox_list(request):
    _staff_only(request)
    shown = request.GET.get("status", Status.FAILED)
    if shown not in Status.values:
        shown = Status.FAILED
    entries = OutboxEntry.objects.filter(status=shown).prefetch_related("deliveries")
    if shown == Status.PENDING:
        entries = entries.order_by("next_attempt_at", "pk")
    counts = dict(OutboxEntry.objects.values_list("status").annotate(n=Count("pk")).order_by())
    tabs = [(value, label, counts.get(value, 0)) for value, label in Status.choices]
    context = {"entries": entries[:SHOWN], "shown": shown, "tabs": tabs, "limit": SHOWN}
    return render(request, "core/outbox.html", context)


@login_required
@require_POST
def outbox_send_again(request, pk: int):
    _staff_only(request)
    entry = get_object_or_404(OutboxEntry, pk=pk)
    if entry.status not in (Status.FAILED, Status.PENDING):
        messages.warning(request, _("This message is being sent or was sent already; nothing was changed."))
    else:
        send_again(entry)
        messages.success(request, _("The message will be sent again now."))
    return redirect(f"{reverse('outbox')}?status={entry.status}")
