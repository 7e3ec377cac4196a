from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.history import HistoryAdmin

from .models import Company, Invitation, Membership, School, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["school", "company"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "memberships__role", "language"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["first_name", "last_name", "phone", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "closed_by_staff", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["closed_by_staff"]

    def save_model(self, request, obj, form, change):
        # Staff closing an account here means it stays closed until staff open it (accounts/services.py).
        if "is_active" in form.changed_data or not change:
            obj.closed_by_staff = not obj.is_active
        super().save_model(request, obj, form, change)

    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "first_name", "last_name", "password1", "password2"]}),
    ]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "city", "country"]
    list_filter = ["country"]
    search_fields = ["name", "short_name", "city"]


@admin.register(Company)
class CompanyAdmin(HistoryAdmin):
    list_display = ["name", "sector", "city", "country", "accreditation_status", "accredited_on"]
    list_filter = ["accreditation_status", "country", "sector"]
    search_fields = ["name", "registration_number", "city", "sector"]
    date_hierarchy = "accredited_on"


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["user", "role", "school", "company", "created_at", "ended_at"]
    list_filter = ["role", "school", "company__country"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "school__name", "company__name"]
    autocomplete_fields = ["user", "school", "company"]
    list_select_related = ["user", "school", "company"]


from .sso import admin as _sso_admin  # noqa: E402,F401  (identity providers and SSO links)


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are made, re-sent and revoked on the people pages, which send the e-mails."""

    list_display = ["email", "role", "school", "company", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "first_name", "last_name", "school__name", "company__name"]
    list_select_related = ["school", "company"]
    exclude = ["token_hash", "link_version"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
