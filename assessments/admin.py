from django.contrib import admin

from core.history import HistoryAdmin
from core.protection import ProtectedAdmin, ProtectedInline

from .models import (
    AgreementSettings,
    AgreementSignature,
    Area,
    AssessmentMoment,
    AssessmentPlan,
    AssessmentRecord,
    Competency,
    CompetencyJudgement,
    Evidence,
    Framework,
    FrameworkVersion,
    Indicator,
    PlacementAgreement,
    Rating,
    RatingLevel,
    Signature,
)


class VersionInline(admin.TabularInline):
    model = FrameworkVersion
    extra = 0
    fields = ["number", "status", "published_at", "change_note"]


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["title_en", "title_nl", "code", "school", "purpose"]
    list_filter = ["purpose", "school"]
    search_fields = ["title_en", "title_nl", "code"]
    inlines = [VersionInline]


class LevelInline(admin.TabularInline):
    model = RatingLevel
    extra = 0


class AreaInline(admin.TabularInline):
    model = Area
    extra = 0


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    list_display = ["framework", "number", "status", "published_at"]
    list_filter = ["status"]
    inlines = [LevelInline, AreaInline]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en", "title_nl", "area"]
    list_filter = ["area__version__framework"]
    search_fields = ["title_en", "title_nl", "code"]
    inlines = [IndicatorInline]


class MomentInline(admin.TabularInline):
    model = AssessmentMoment
    extra = 0


@admin.register(AssessmentPlan)
class AssessmentPlanAdmin(admin.ModelAdmin):
    list_display = ["placement", "framework_version", "updated_at"]
    raw_id_fields = ["placement", "created_by"]
    filter_horizontal = ["indicators"]
    inlines = [MomentInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["title", "placement", "added_by", "added_at"]
    raw_id_fields = ["placement", "added_by", "sessions"]
    search_fields = ["title"]


class RatingInline(ProtectedInline, admin.TabularInline):
    model = Rating
    extra = 0
    raw_id_fields = ["indicator"]


class JudgementInline(ProtectedInline, admin.TabularInline):
    model = CompetencyJudgement
    extra = 0
    raw_id_fields = ["competency"]


class SignatureInline(ProtectedInline, admin.TabularInline):
    model = Signature
    extra = 0
    raw_id_fields = ["user"]


class AmendmentInline(ProtectedInline, admin.TabularInline):
    """The record that corrects this one (read here; amendments are made in the app)."""

    model = AssessmentRecord
    fk_name = "amends"
    extra = 0
    fields = ["title", "version", "status", "assessed_on", "amendment_reason"]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AssessmentRecord)
class AssessmentRecordAdmin(ProtectedAdmin, HistoryAdmin):
    list_display = ["title", "subject", "assessed_on", "status", "version"]
    list_filter = ["status"]
    search_fields = ["title", "subject__last_name", "subject__email"]
    raw_id_fields = ["subject", "placement", "enrolment", "amends", "created_by", "moment"]
    inlines = [RatingInline, JudgementInline, SignatureInline, AmendmentInline]
    # A signed record is read-only and cannot be deleted: it changes only by amendment, in the app, where the
    # history is kept (core/protection.py).


class AgreementSignatureInline(ProtectedInline, admin.TabularInline):
    model = AgreementSignature
    extra = 0
    raw_id_fields = ["user"]


@admin.register(PlacementAgreement)
class PlacementAgreementAdmin(ProtectedAdmin, HistoryAdmin):
    """A signed agreement is read-only here and cannot be deleted: a change is an addendum, made in the app."""

    list_display = ["__str__", "placement", "kind", "number", "status"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["placement", "amends", "created_by"]
    inlines = [AgreementSignatureInline]


@admin.register(AgreementSettings)
class AgreementSettingsAdmin(HistoryAdmin):
    list_display = ["school", "required_before_start"]
