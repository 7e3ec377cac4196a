"""A course's certificates: who may get one and what is missing, issuing one by one or for everyone at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ...models import BulkIssueJob, Enrolment
from ...selectors import can_manage_course, course_for_user
from ..bulk_issue import RETRYABLE, bulk_issue_retry, bulk_issue_start
from ..selectors import bulk_candidates, bulk_job_for_user, course_certificate_rows, not_issued_items, recent_bulk_jobs
from ..services import NotEligible, certificate_issue


def _managed_course(user, pk):
    course = course_for_user(user, pk)
    if not can_manage_course(user, course):
        raise PermissionDenied(_("Only the school's teachers and coordinators issue certificates."))
    return course


def _course_page(request, course, *, status=200, refused=None):
    rows = course_certificate_rows(course)
    return render(
        request,
        "registry/certificates/course_certificates.html",
        {
            "course": course,
            "rows": rows,
            "eligible_count": sum(1 for row in rows if row.can_issue),
            "issued_count": sum(1 for row in rows if row.certificate),
            "jobs": recent_bulk_jobs(course),
            "refused": refused,
        },
        status=status,
    )


@login_required
@require_GET
def course_certificates(request, pk):
    return _course_page(request, _managed_course(request.user, pk))


@login_required
@require_POST
def certificate_issue_view(request, pk, enrolment_pk):
    course = _managed_course(request.user, pk)
    enrolment = get_object_or_404(Enrolment.objects.select_related("participant"), pk=enrolment_pk, course=course)
    try:
        certificate, created = certificate_issue(enrolment=enrolment, issued_by=request.user)
    except NotEligible as refusal:
        return _course_page(
            request,
            course,
            status=400,
            refused={"name": enrolment.participant.get_full_name(), "missing": refusal.missing},
        )
    if created:
        messages.success(
            request,
            _("Certificate %(number)s has been issued to %(name)s; it is on its way by e-mail.")
            % {"number": certificate.number, "name": certificate.holder_name},
        )
    else:
        messages.info(
            request,
            _("%(name)s already has certificate %(number)s; no new one was issued.")
            % {"number": certificate.number, "name": certificate.holder_name},
        )
    return redirect("course_certificates", pk=course.pk)


@login_required
@require_POST
def certificate_bulk_issue(request, pk):
    course = _managed_course(request.user, pk)
    if not bulk_candidates(course).exists():
        messages.info(request, _("Every participant who completed the course already has a certificate."))
        return redirect("course_certificates", pk=course.pk)
    job = bulk_issue_start(course=course, requested_by=request.user)
    return redirect("certificate_bulk_job", public_id=job.public_id)


def _managed_job(user, public_id) -> BulkIssueJob:
    job = bulk_job_for_user(user, public_id)
    if not can_manage_course(user, job.course):
        raise PermissionDenied(_("Only the school's teachers and coordinators issue certificates."))
    return job


def _job_context(job):
    finished = job.status in RETRYABLE
    return {
        "job": job,
        "course": job.course,
        "finished": finished,
        "stalled": job.is_stalled(),
        "not_issued": not_issued_items(job) if finished else [],
    }


@login_required
@require_GET
def certificate_bulk_job(request, public_id):
    job = _managed_job(request.user, public_id)
    return render(request, "registry/certificates/bulk_job.html", _job_context(job))


@login_required
@require_GET
def certificate_bulk_job_progress(request, public_id):
    """The progress block alone, for htmx to swap in every two seconds until the job has finished."""
    job = _managed_job(request.user, public_id)
    return render(request, "registry/certificates/_bulk_progress.html", _job_context(job))


@login_required
@require_POST
def certificate_bulk_retry(request, public_id):
    job = _managed_job(request.user, public_id)
    try:
        bulk_issue_retry(job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("certificate_bulk_job", public_id=job.public_id)
