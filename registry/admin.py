from django.contrib import admin

from core.history import HistoryAdmin
from core.protection import ProtectedAdmin

from .models import (
    Assignment,
    Attendance,
    BulkIssueJob,
    Certificate,
    CompanyMerge,
    Course,
    CourseSession,
    Enrolment,
    Evaluation,
    ExpiryReminder,
    MentorEligibility,
    PersonalDataErasure,
    RegistrySettings,
    Submission,
)


@admin.register(RegistrySettings)
class RegistrySettingsAdmin(HistoryAdmin):
    list_display = [
        "school",
        "validity_years",
        "min_experience_years",
        "requires_good_conduct",
        "publish_public_register",
    ]
    list_filter = ["requires_good_conduct", "publish_public_register", "certificate_language"]
    search_fields = ["school__name"]


@admin.register(MentorEligibility)
class MentorEligibilityAdmin(admin.ModelAdmin):
    list_display = ["user", "work_experience_years", "good_conduct_issued_on"]
    search_fields = ["user__email", "user__last_name"]
    raw_id_fields = ["user"]


class CourseSessionInline(admin.TabularInline):
    model = CourseSession
    extra = 0


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "school", "teacher", "format", "status", "max_participants", "is_refresher"]
    list_filter = ["status", "format", "is_refresher", "school"]
    search_fields = ["title", "teacher__last_name"]
    raw_id_fields = ["teacher"]
    inlines = [CourseSessionInline]


@admin.register(CourseSession)
class CourseSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "starts_at", "ends_at", "location"]
    list_filter = ["course__school"]
    search_fields = ["title", "course__title"]
    date_hierarchy = "starts_at"


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "due_at"]
    search_fields = ["title", "session__course__title"]
    raw_id_fields = ["session"]


@admin.register(Enrolment)
class EnrolmentAdmin(ProtectedAdmin):
    list_display = ["participant", "course", "company", "status", "confirmed_at"]
    list_filter = ["status", "course__school"]
    search_fields = ["participant__last_name", "participant__email", "company__name", "course__title"]
    raw_id_fields = ["participant", "course", "company", "requested_by", "confirmed_by"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "assignment", "status", "version", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["enrolment__participant__last_name", "assignment__title"]
    raw_id_fields = ["assignment", "enrolment", "reviewed_by"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "session", "present", "recorded_at"]
    list_filter = ["present"]
    search_fields = ["enrolment__participant__last_name", "session__title"]
    raw_id_fields = ["session", "enrolment", "recorded_by"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "content_rating", "teacher_rating", "organisation_rating", "usefulness_rating"]
    search_fields = ["enrolment__course__title"]
    raw_id_fields = ["enrolment"]


@admin.register(Certificate)
class CertificateAdmin(ProtectedAdmin, HistoryAdmin):
    """An issued certificate is read-only here: it is revoked with a reason, and personal data is erased, in the
    register (registry/certificates/revoke.py); it is never deleted."""

    list_display = ["number", "holder_name", "company_name", "school", "issued_on", "valid_until", "revoked_at"]
    list_filter = ["school", "company_country", ("revoked_at", admin.EmptyFieldListFilter), "imported"]
    search_fields = ["number", "holder_name", "holder_email", "company_name", "company_city"]
    date_hierarchy = "issued_on"
    raw_id_fields = ["holder", "company", "course", "enrolment", "renews", "issued_by", "revoked_by"]
    readonly_fields = ["public_id"]


@admin.register(BulkIssueJob)
class BulkIssueJobAdmin(admin.ModelAdmin):
    list_display = ["course", "status", "total", "issued", "skipped", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["course", "requested_by"]


@admin.register(ExpiryReminder)
class ExpiryReminderAdmin(admin.ModelAdmin):
    list_display = ["certificate", "kind", "sent_at"]
    list_filter = ["kind"]
    search_fields = ["certificate__number"]
    raw_id_fields = ["certificate"]


@admin.register(PersonalDataErasure)
class PersonalDataErasureAdmin(admin.ModelAdmin):
    list_display = ["certificate_number", "school", "erased_by", "erased_at"]
    search_fields = ["certificate_number"]

    def has_change_permission(self, request, obj=None):
        return False  # an audit trail is not edited

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CompanyMerge)
class CompanyMergeAdmin(admin.ModelAdmin):
    """Which company record went into which; made by the merge page (registry/register/companies/merge.py)."""

    list_display = ["merged_name", "merged_company_id", "kept", "merged_by", "merged_at"]
    search_fields = ["merged_name", "merged_registration_number", "kept__name"]
    raw_id_fields = ["kept", "merged_by"]

    def has_add_permission(self, request):
        return False  # a merge moves every link; writing its record by hand would not

    def has_change_permission(self, request, obj=None):
        return False  # an audit trail is not edited

    def has_delete_permission(self, request, obj=None):
        return False
