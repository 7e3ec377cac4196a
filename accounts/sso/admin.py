"""Admin for identity providers and single sign-on links (registered from accounts/admin.py)."""

from django.contrib import admin

from .forms import IdentityProviderForm
from .models import IdentityProvider, SsoIdentity


@admin.register(IdentityProvider)
class IdentityProviderAdmin(admin.ModelAdmin):
    form = IdentityProviderForm
    list_display = ["name", "school", "issuer", "match_claim", "email_trusted", "enabled"]
    list_filter = ["enabled", "match_claim", "email_trusted"]
    search_fields = ["name", "school__name", "issuer", "client_id"]
    autocomplete_fields = ["school"]
    list_select_related = ["school"]


@admin.register(SsoIdentity)
class SsoIdentityAdmin(admin.ModelAdmin):
    """Read-only except for deleting: unlinking makes the next sign-in go through the first-sign-in rules."""

    list_display = ["user", "provider", "subject", "linked_by", "created_at", "last_login_at"]
    list_filter = ["provider", "linked_by"]
    search_fields = ["user__email", "user__last_name", "subject"]
    list_select_related = ["user", "provider__school"]
    readonly_fields = ["provider", "user", "subject", "linked_by", "created_at", "last_login_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
