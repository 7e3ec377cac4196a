"""Changes made "in a request by someone", the way the History middleware sees a real one."""

from django.http import HttpResponse
from django.test import RequestFactory
from simple_history.middleware import HistoryRequestMiddleware


def as_request_by(user, change):
    """Run `change()` while the middleware holds a request by `user`; returns what `change` returned."""
    result = {}

    def view(request):
        result["value"] = change()
        return HttpResponse()

    request = RequestFactory().post("/")
    request.user = user
    HistoryRequestMiddleware(view)(request)
    return result["value"]


def rows_of(obj):
    """The object's history rows, oldest first."""
    return list(type(obj).history.filter(id=obj.pk).order_by("history_date", "history_id"))


def changed_fields(row):
    """{field: (old, new)} between a row and the one before it."""
    delta = row.diff_against(row.prev_record)
    return {change.field: (change.old, change.new) for change in delta.changes}
