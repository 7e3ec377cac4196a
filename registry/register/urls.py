from django.urls import path

from .views import companies, company_records, duplicates, imports, register

urlpatterns: list = [
    path("register/", register.register, name="register"),
    path("register/export/", register.register_export, name="register_export"),
    path("register/companies/", companies.company_register, name="company_register"),
    path("register/companies/export/", companies.company_register_export, name="company_register_export"),
    path("register/companies/duplicates/", duplicates.company_duplicates, name="company_duplicates"),
    path("register/companies/<int:pk>/", company_records.company_register_detail, name="company_register_detail"),
    path(
        "register/companies/<int:pk>/accreditation/",
        company_records.company_accreditation,
        name="company_accreditation",
    ),
    path("register/companies/<int:pk>/merge/<int:other_pk>/", duplicates.company_merge, name="company_merge"),
    path(
        "register/companies/<int:pk>/not-duplicate/<int:other_pk>/",
        duplicates.company_not_duplicate,
        name="company_not_duplicate",
    ),
    path(
        "register/companies/<int:pk>/not-duplicate/<int:other_pk>/undo/",
        duplicates.company_not_duplicate_undo,
        name="company_not_duplicate_undo",
    ),
    path("register/import/", imports.register_import, name="register_import"),
    path("register/import/confirm/", imports.register_import_confirm, name="register_import_confirm"),
    path("register/public/<str:key>/", register.public_register, name="public_register"),
]
