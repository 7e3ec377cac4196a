from django.contrib import admin

from core.history import HistoryAdmin
from core.protection import ProtectedAdmin, ProtectedInline

from .models import (
    GoalProgress,
    Meeting,
    MeetingChange,
    MeetingSettings,
    Minutes,
    MinutesConfirmation,
    Participant,
    PlacementAlert,
    ReminderLog,
)

PLACEMENT_SEARCH = ["placement__learner__last_name", "placement__company__name"]


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["user"]


class MeetingChangeInline(admin.TabularInline):
    model = MeetingChange
    extra = 0
    readonly_fields = ["kind", "old_starts_at", "new_starts_at", "reason", "by", "at"]


@admin.register(Meeting)
class MeetingAdmin(ProtectedAdmin):
    list_display = ["placement", "starts_at", "status", "sequence", "organiser"]
    list_filter = ["status", "placement__school"]
    search_fields = PLACEMENT_SEARCH
    date_hierarchy = "starts_at"
    raw_id_fields = ["placement", "organiser"]
    readonly_fields = ["uid", "sequence"]
    inlines = [ParticipantInline, MeetingChangeInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "role", "response", "meeting"]
    list_filter = ["role", "response"]
    search_fields = ["name", "email"]
    raw_id_fields = ["meeting", "user"]


class GoalProgressInline(ProtectedInline, admin.TabularInline):
    model = GoalProgress
    extra = 0
    raw_id_fields = ["goal"]


@admin.register(Minutes)
class MinutesAdmin(ProtectedAdmin):
    list_display = ["meeting", "status", "written_by", "written_at"]
    list_filter = ["status"]
    search_fields = ["meeting__placement__learner__last_name", "summary"]
    raw_id_fields = ["meeting", "written_by"]
    inlines = [GoalProgressInline]


@admin.register(MinutesConfirmation)
class MinutesConfirmationAdmin(ProtectedAdmin):
    list_display = ["minutes", "participant", "confirmed_at"]
    raw_id_fields = ["minutes", "participant"]


@admin.register(MeetingSettings)
class MeetingSettingsAdmin(HistoryAdmin):
    list_display = ["school", "reminder_offsets_days", "minutes_reminder_days", "no_meeting_alert_weeks"]
    search_fields = ["school__name"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["meeting", "participant", "kind", "due_at", "queued_at", "sent_at", "attempts"]
    list_filter = ["kind", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["participant__email"]
    raw_id_fields = ["meeting", "participant"]


@admin.register(PlacementAlert)
class PlacementAlertAdmin(admin.ModelAdmin):
    list_display = ["placement", "kind", "period", "sent_at"]
    list_filter = ["kind"]
    raw_id_fields = ["placement"]
