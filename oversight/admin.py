from django.contrib import admin

from .models import HealthSettings


@admin.register(HealthSettings)
class HealthSettingsAdmin(admin.ModelAdmin):
    list_display = ["school", *HealthSettings.THRESHOLDS]
    search_fields = ["school__name"]
