from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history import HistoryAdmin
from core.protection import ProtectedAdmin

from .archiving.services import archive_placement, restore_placement
from .models import Placement, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "school", "required_hours", "is_active"]
    list_filter = ["school", "level", "is_active"]
    search_fields = ["name", "code"]


@admin.register(Placement)
class PlacementAdmin(ProtectedAdmin, HistoryAdmin):
    """A placement that holds a signed record, a certificate or confirmed minutes is archived, never deleted."""

    list_display = ["learner", "company", "mentor", "supervisor", "start_date", "end_date", "status", "archived_at"]
    list_filter = ["status", "archived_at", "school", "programme", "company__country"]
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
    readonly_fields = ["archived_at", "archived_by"]  # changed only through the archive and restore actions
    actions = ["archive_selected", "restore_selected"]

    @admin.action(description=gettext_lazy("Archive selected placements"), permissions=["change"])
    def archive_selected(self, request, queryset):
        self._apply(request, queryset, archive_placement, _("Placements archived: %(count)d."))

    @admin.action(description=gettext_lazy("Restore selected archived placements"), permissions=["change"])
    def restore_selected(self, request, queryset):
        self._apply(request, queryset, restore_placement, _("Placements restored: %(count)d."))

    def _apply(self, request, queryset, service, done):
        """Run `service` on each placement; the refused ones (still open, or already so) are named with the reason."""
        count = 0
        for placement in queryset:
            try:
                service(placement, request.user)
            except ValidationError as error:
                self.message_user(request, f"{placement}: {' '.join(error.messages)}", messages.WARNING)
            else:
                count += 1
        self.message_user(request, done % {"count": count}, messages.SUCCESS if count else messages.WARNING)


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


from .models import ImportBatch, LearnerRecord  # noqa: E402


@admin.register(LearnerRecord)
class LearnerRecordAdmin(admin.ModelAdmin):
    list_display = ["user", "student_number", "school", "programme", "cohort", "left_on"]
    list_filter = ["school", "cohort"]
    search_fields = ["student_number", "user__first_name", "user__last_name", "user__email"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "school", "programme"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    """Read only: an import runs from its own pages (dry run, then all or nothing), never from here."""

    list_display = ["filename", "kind", "school", "status", "total", "errors", "uploaded_by", "created_at"]
    list_filter = ["kind", "status", "school"]
    exclude = ["content", "results", "columns", "headers"]
    list_select_related = ["school", "uploaded_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
