from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "text", "level", "created_at", "read_at"]
    list_filter = ["level", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email", "text"]
    raw_id_fields = ["user"]
