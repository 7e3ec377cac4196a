"""The admin's view of the audit history (django-simple-history): read it, never revert from it.

Simple-history's admin offers to "revert" an object to an old version by posting that version's form. That
write would skip the app's rules (a signed record is never changed, a certificate is revoked through its
service) and it is allowed to anyone who may merely *view* the object. So the history is read-only here:
no revert button, and a POST to a version's page is refused.
"""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """An admin whose "History" page lists the recorded changes (who, when, old → new), read-only.

    Put it after `ProtectedAdmin` in the bases, so that protected rows stay read-only and undeletable.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
