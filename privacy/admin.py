from django.contrib import admin

from .models import PrivacyRequest, RetentionSettings


@admin.register(RetentionSettings)
class RetentionSettingsAdmin(admin.ModelAdmin):
    list_display = ["school", "coaching_years", "personal_years", "enabled_at"]


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    """Read-only: requests are recorded and handled on the coordinators' pages, which keep the log honest."""

    list_display = ["school", "kind", "received_on", "status", "handled_at"]
    list_filter = ["kind", "status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
