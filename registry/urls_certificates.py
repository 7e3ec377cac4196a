from django.urls import path

from .views import certificate_issue, certificate_settings, certificates, verify

urlpatterns: list = [
    path("courses/<int:pk>/certificates/", certificate_issue.course_certificates, name="course_certificates"),
    path(
        "courses/<int:pk>/certificates/issue/<int:enrolment_pk>/",
        certificate_issue.certificate_issue_view,
        name="certificate_issue",
    ),
    path(
        "courses/<int:pk>/certificates/bulk/", certificate_issue.certificate_bulk_issue, name="certificate_bulk_issue"
    ),
    path("certificates/", certificates.my_certificates, name="my_certificates"),
    path("certificates/eligibility/", certificate_settings.my_eligibility, name="my_eligibility"),
    path("certificates/jobs/<uuid:public_id>/", certificate_issue.certificate_bulk_job, name="certificate_bulk_job"),
    path(
        "certificates/jobs/<uuid:public_id>/progress/",
        certificate_issue.certificate_bulk_job_progress,
        name="certificate_bulk_job_progress",
    ),
    path(
        "certificates/jobs/<uuid:public_id>/retry/",
        certificate_issue.certificate_bulk_retry,
        name="certificate_bulk_retry",
    ),
    path("certificates/<int:pk>/", certificates.certificate_detail, name="certificate_detail"),
    path("certificates/<int:pk>/pdf/", certificates.certificate_pdf_view, name="certificate_pdf"),
    path("certificates/<int:pk>/revoke/", certificates.certificate_revoke, name="certificate_revoke"),
    path("certificates/<int:pk>/renew/", certificates.certificate_renew, name="certificate_renew"),
    path("certificates/<int:pk>/erase/", certificates.certificate_erase, name="certificate_erase"),
    path("registry/settings/", certificate_settings.registry_settings, name="registry_settings"),
    path(
        "registry/settings/preview/", certificate_settings.registry_settings_preview, name="registry_settings_preview"
    ),
    path("verify/", verify.certificate_lookup, name="certificate_lookup"),
    path("verify/<str:code>/", verify.certificate_verify, name="certificate_verify"),
]
