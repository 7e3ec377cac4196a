from django.contrib import admin

from core.protection import ProtectedAdmin

from .models import Placement, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "school", "required_hours", "is_active"]
    list_filter = ["school", "level", "is_active"]
    search_fields = ["name", "code"]


@admin.register(Placement)
class PlacementAdmin(ProtectedAdmin):
    """A placement that holds a signed record, a certificate or confirmed minutes is archived, never deleted."""

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


# --- Recruitment and induction --------------------------------------------------------------------------
from .models import (  # noqa: E402
    Candidate,
    CandidateProfile,
    CriterionScore,
    InductionChecklist,
    InductionItem,
    InductionTemplate,
    InductionTemplateItem,
    Opening,
    ScoreSheet,
    SelectionCriterion,
)


class CriterionInline(admin.TabularInline):
    model = SelectionCriterion
    extra = 0


@admin.register(Opening)
class OpeningAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "status", "start_date", "places"]
    list_filter = ["status", "country"]
    search_fields = ["title", "company__name", "city"]
    autocomplete_fields = ["company"]
    filter_horizontal = ["interviewers", "programmes"]
    inlines = [CriterionInline]


@admin.register(CandidateProfile)
class CandidateProfileAdmin(admin.ModelAdmin):
    list_display = ["learner", "school", "programme", "available_from"]
    search_fields = ["learner__last_name", "learner__email"]
    raw_id_fields = ["learner"]


class ScoreSheetInline(admin.TabularInline):
    model = ScoreSheet
    extra = 0
    raw_id_fields = ["interviewer"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["learner", "opening", "source", "status", "decided_at"]
    list_filter = ["status", "source"]
    search_fields = ["learner__last_name", "learner__email", "opening__title"]
    raw_id_fields = ["learner", "opening", "proposed_by", "decided_by", "placement"]
    inlines = [ScoreSheetInline]


class CriterionScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0


@admin.register(ScoreSheet)
class ScoreSheetAdmin(admin.ModelAdmin):
    list_display = ["candidate", "interviewer", "submitted_at"]
    raw_id_fields = ["candidate", "interviewer"]
    inlines = [CriterionScoreInline]


class TemplateItemInline(admin.TabularInline):
    model = InductionTemplateItem
    extra = 0


@admin.register(InductionTemplate)
class InductionTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "company", "is_default"]
    autocomplete_fields = ["company"]
    inlines = [TemplateItemInline]


class InductionItemInline(admin.TabularInline):
    model = InductionItem
    extra = 0
    raw_id_fields = ["done_by"]


@admin.register(InductionChecklist)
class InductionChecklistAdmin(admin.ModelAdmin):
    list_display = ["placement", "template", "created_at"]
    raw_id_fields = ["placement"]
    inlines = [InductionItemInline]
