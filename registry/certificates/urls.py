from django.urls import path

from .views import certificates, designs, issue, settings, verify

urlpatterns: list = [
    path("courses/<int:pk>/certificates/", issue.course_certificates, name="course_certificates"),
    path(
        "courses/<int:pk>/certificates/issue/<int:enrolment_pk>/",
        issue.certificate_issue_view,
        name="certificate_issue",
    ),
    path("courses/<int:pk>/certificates/bulk/", issue.certificate_bulk_issue, name="certificate_bulk_issue"),
    path("certificates/", certificates.my_certificates, name="my_certificates"),
    path("certificates/eligibility/", settings.my_eligibility, name="my_eligibility"),
    path("certificates/jobs/<uuid:public_id>/", issue.certificate_bulk_job, name="certificate_bulk_job"),
    path(
        "certificates/jobs/<uuid:public_id>/progress/",
        issue.certificate_bulk_job_progress,
        name="certificate_bulk_job_progress",
    ),
    path(
        "certificates/jobs/<uuid:public_id>/retry/",
        issue.certificate_bulk_retry,
        name="certificate_bulk_retry",
    ),
    path("certificates/<int:pk>/", certificates.certificate_detail, name="certificate_detail"),
    path("certificates/<int:pk>/pdf/", certificates.certificate_pdf_view, name="certificate_pdf"),
    path("certificates/<int:pk>/revoke/", certificates.certificate_revoke, name="certificate_revoke"),
    path("certificates/<int:pk>/renew/", certificates.certificate_renew, name="certificate_renew"),
    path("certificates/<int:pk>/erase/", certificates.certificate_erase, name="certificate_erase"),
    path("registry/settings/", settings.registry_settings, name="registry_settings"),
    path("registry/settings/preview/", settings.registry_settings_preview, name="registry_settings_preview"),
    path("registry/designs/", designs.certificate_designs, name="certificate_designs"),
    path("registry/designs/new/", designs.certificate_design_new, name="certificate_design_new"),
    path("registry/designs/preview/", designs.certificate_design_preview_form, name="certificate_design_preview_form"),
    path("registry/designs/<uuid:public_id>/", designs.certificate_design, name="certificate_design"),
    path(
        "registry/designs/<uuid:public_id>/preview/",
        designs.certificate_design_preview,
        name="certificate_design_preview",
    ),
    path("registry/designs/<uuid:public_id>/use/", designs.certificate_design_use, name="certificate_design_use"),
    path("registry/designs/<uuid:public_id>/copy/", designs.certificate_design_copy, name="certificate_design_copy"),
    path("verify/", verify.certificate_lookup, name="certificate_lookup"),
    path("verify/<str:code>/", verify.certificate_verify, name="certificate_verify"),
]
