"""The History page of one audited object (the kinds are in kinds.py)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .changes import history_entries
from .kinds import describe, history_subject_for_user, kind_named


@login_required
@require_GET
def history(request, kind, pk):
    kind = kind_named(kind)
    obj, live = history_subject_for_user(request.user, kind, pk)
    return render(
        request,
        "home/history.html",
        {
            "kind": kind,
            "name": describe(obj),
            "live": live,
            "page_url": kind.page(obj) if live and kind.page else "",
            "entries": history_entries(kind.audited, kind.lookup, obj.pk),
        },
    )
