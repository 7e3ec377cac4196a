"""The admin's view of the audit history (django-simple-history): read it, never revert from it.

Simple-history's admin offers to "revert" an object to an old version by posting that version's form. That
write would skip the app's rules (a signed record is never changed, a certificate is revoked through its
service) and it is allowed to anyone who may merely *view* the object. So the history is read-only here:
no revert button, and a POST to a version's page is refused.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

# simple-history ships no Dutch catalogue. The words of its admin History page are marked here so that
# makemessages keeps them in ours (it keeps only the msgids it finds in our code); locale/nl translates them.
ADMIN_WORDS = (
    _("View history: %s"),
    _("Object"),
    _("Comment"),
    _("Changed by"),
    _("Change reason"),
    _("Changes"),
    _("This object doesn't have a change history."),
    _("Created"),
    _("Changed"),
    _("Deleted"),
    _("Deleted %(type_name)s"),
    ngettext_lazy("entry", "entries", 1),
)


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
