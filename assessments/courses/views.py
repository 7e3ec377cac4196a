"""Assessing work mentors in a mentor course: who met the criteria, and starting an assessment of a participant."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.views import require
from registry.models import Enrolment
from registry.selectors import course_for_user

from .selectors import can_assess_in_course, course_assessment_rows, mentor_framework_versions
from .services import course_assessment_start


def _assessing_course(user, course_pk):
    """The course, 404 for those who do not see it, 403 for those who see it but do not assess in it."""
    course = course_for_user(user, course_pk)
    require(
        can_assess_in_course(user, course),
        _("Only the course's teacher and the school's teachers and coordinators assess participants."),
    )
    return course


def _page(request, course, *, status=200, refused=None):
    return render(
        request,
        "assessments/courses/course_assessments.html",
        {
            "course": course,
            "rows": course_assessment_rows(course),
            "versions": mentor_framework_versions(course.school_id),
            "refused": refused,
        },
        status=status,
    )


def _record_url(record) -> str:
    """Where the teacher fills in the new record: its edit page, or its page in a build without one."""
    for name in ("assessment_edit", "assessment_detail"):
        try:
            return reverse(name, args=[record.pk])
        except NoReverseMatch:
            continue
    return reverse("course_assessments", args=[record.enrolment.course_id])


def _version_id(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@require_GET
def course_assessments(request, course_pk):
    return _page(request, _assessing_course(request.user, course_pk))


@login_required
@require_POST
def course_assessment_new(request, enrolment_pk):
    enrolment = get_object_or_404(Enrolment.objects.select_related("participant"), pk=enrolment_pk)
    course = _assessing_course(request.user, enrolment.course_id)
    try:
        record = course_assessment_start(
            enrolment=enrolment, teacher=request.user, version_id=_version_id(request.POST.get("version"))
        )
    except ValidationError as error:
        return _page(
            request,
            course,
            status=400,
            refused={"name": enrolment.participant.get_full_name(), "reasons": error.messages},
        )
    messages.success(
        request,
        _("The assessment of %(name)s has started as a draft; rate the indicators and send it for signatures.")
        % {"name": enrolment.participant.get_full_name()},
    )
    return redirect(_record_url(record))
