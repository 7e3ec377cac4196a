from django.contrib import admin

from .models import (
    ActionItem,
    CoachingPlan,
    CoachingSession,
    DevelopmentActivity,
    HoursEntry,
    Incident,
    LearningGoal,
    MentoringAgreement,
    Milestone,
    Obstacle,
    PlanVersion,
    SessionAttachment,
)

PLACEMENT_SEARCH = ["placement__learner__first_name", "placement__learner__last_name", "placement__company__name"]


class LearningGoalInline(admin.TabularInline):
    model = LearningGoal
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(CoachingPlan)
class CoachingPlanAdmin(admin.ModelAdmin):
    list_display = ["placement", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = PLACEMENT_SEARCH
    raw_id_fields = ["placement", "updated_by"]
    inlines = [LearningGoalInline, MilestoneInline]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    list_display = ["plan", "number", "decision", "submitted_at", "decided_at"]
    list_filter = ["decision"]
    search_fields = ["plan__placement__learner__last_name", "plan__placement__company__name"]
    raw_id_fields = ["plan", "submitted_by", "decided_by"]


@admin.register(LearningGoal)
class LearningGoalAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "status", "progress", "target_date", "next_review"]
    list_filter = ["status"]
    search_fields = ["title", "plan__placement__learner__last_name"]
    raw_id_fields = ["plan"]


@admin.register(MentoringAgreement)
class MentoringAgreementAdmin(admin.ModelAdmin):
    list_display = ["placement", "mentor_accepted_at", "learner_accepted_at"]
    search_fields = PLACEMENT_SEARCH
    raw_id_fields = ["placement", "mentor_accepted_by", "learner_accepted_by"]


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0
    raw_id_fields = ["owner", "done_by", "placement"]


@admin.register(CoachingSession)
class CoachingSessionAdmin(admin.ModelAdmin):
    list_display = ["placement", "date", "duration_minutes", "form", "coached_by"]
    list_filter = ["form", "date"]
    search_fields = PLACEMENT_SEARCH
    date_hierarchy = "date"
    raw_id_fields = ["placement", "coached_by", "created_by"]
    filter_horizontal = ["goals"]
    inlines = [ActionItemInline]
    # Private notes are deliberately absent: only their author may read them.


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["description", "placement", "owner", "due_date", "done_at"]
    list_filter = [("done_at", admin.EmptyFieldListFilter), "due_date"]
    search_fields = ["description", *PLACEMENT_SEARCH]
    raw_id_fields = ["placement", "session", "owner", "done_by"]


@admin.register(SessionAttachment)
class SessionAttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "session", "content_type", "size", "uploaded_at"]
    search_fields = ["original_name"]
    raw_id_fields = ["session", "uploaded_by"]


@admin.register(Obstacle)
class ObstacleAdmin(admin.ModelAdmin):
    list_display = ["description", "placement", "side", "status", "created_at"]
    list_filter = ["side", "status"]
    search_fields = ["description", *PLACEMENT_SEARCH]
    raw_id_fields = ["placement", "created_by"]


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["category", "placement", "occurred_on", "status", "escalated_at"]
    list_filter = ["category", "status", ("escalated_at", admin.EmptyFieldListFilter)]
    search_fields = ["description", *PLACEMENT_SEARCH]
    raw_id_fields = ["placement", "reported_by", "escalated_by"]


@admin.register(HoursEntry)
class HoursEntryAdmin(admin.ModelAdmin):
    list_display = ["placement", "date", "start_time", "end_time", "status"]
    list_filter = ["status", "date"]
    search_fields = PLACEMENT_SEARCH
    date_hierarchy = "date"
    raw_id_fields = ["placement", "decided_by"]


@admin.register(DevelopmentActivity)
class DevelopmentActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "mentor", "kind", "date", "hours"]
    list_filter = ["kind", "date"]
    search_fields = ["title", "mentor__last_name", "mentor__email"]
    raw_id_fields = ["mentor"]
