"""Assessment routes: frameworks, and per placement the plan, evidence, records and signatures."""

from . import (
    urls_courses,
    urls_documents,
    urls_evidence,
    urls_frameworks,
    urls_plans,
    urls_progress,
    urls_records,
    urls_signatures,
)

urlpatterns = [
    *urls_frameworks.urlpatterns,
    *urls_plans.urlpatterns,
    *urls_evidence.urlpatterns,
    *urls_records.urlpatterns,
    *urls_signatures.urlpatterns,
    *urls_progress.urlpatterns,
    *urls_courses.urlpatterns,
    *urls_documents.urlpatterns,
]
