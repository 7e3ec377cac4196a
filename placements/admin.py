from django.contrib import admin

from .models import Placement, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "school", "required_hours", "is_active"]
    list_filter = ["school", "level", "is_active"]
    search_fields = ["name", "code"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["learner", "company", "mentor", "supervisor", "start_date", "end_date", "status"]
    list_filter = ["status", "school", "programme", "company__country"]
    search_fields = [
        "learner__first_name",
        "learner__last_name",
        "learner__email",
        "company__name",
        "mentor__last_name",
        "supervisor__last_name",
    ]
    date_hierarchy = "start_date"
    autocomplete_fields = ["learner", "mentor", "supervisor", "company", "programme", "school"]
    list_select_related = ["learner", "company", "mentor", "supervisor"]
