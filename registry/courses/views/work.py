"""The work of a course: handed-in assignments and their review, attendance, completion and evaluation."""

import mimetypes
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core.private_files import private_file_response
from core.views import add_service_errors, require

from ...models import Assignment, CourseSession, Enrolment, Evaluation, Submission
from ...selectors import can_manage_course, course_for_user
from ..forms import AttendanceForm, EvaluationForm, ReviewForm, SubmissionForm
from ..selectors import (
    RATING_FIELDS,
    TAKING_PART,
    evaluation_summary,
    last_session_end,
    own_enrolment,
    submissions_for_assignment,
)
from ..services import (
    attendance_record,
    course_complete,
    evaluation_submit,
    submission_review,
    submission_save,
)
from .courses import require_manager


def _assignment(course, assignment_pk) -> Assignment:
    return get_object_or_404(Assignment.objects.select_related("session"), pk=assignment_pk, session__course=course)


def _participant_enrolment(user, course) -> Enrolment:
    """The user's own enrolment in the course, or 403: only participants hand in work and evaluate."""
    enrolment = own_enrolment(user, course)
    if enrolment is not None and enrolment.status == Enrolment.Status.REQUESTED:
        raise PermissionDenied(_("Your employer has not confirmed your enrolment yet."))
    require(enrolment is not None and enrolment.status in TAKING_PART, _("Only participants of this course do this."))
    return enrolment


@login_required
@require_http_methods(["GET", "POST"])
def course_submission(request, pk, assignment_pk):
    course = course_for_user(request.user, pk)
    assignment = _assignment(course, assignment_pk)
    enrolment = _participant_enrolment(request.user, course)
    submission = Submission.objects.filter(assignment=assignment, enrolment=enrolment).first()
    can_submit = enrolment.status == Enrolment.Status.CONFIRMED and (
        submission is None or submission.status != Submission.Status.ACCEPTED
    )
    form = None
    if can_submit:
        form = SubmissionForm(request.POST or None, request.FILES or None, submission=submission)
    elif request.method == "POST":
        raise PermissionDenied(_("This work has been accepted; it can no longer be changed."))
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            saved = submission_save(
                assignment=assignment,
                enrolment=enrolment,
                text=form.cleaned_data["text"],
                file=form.cleaned_data["file"],
                clear_file=form.cleaned_data.get("remove_file", False),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if saved.submitted_at > assignment.due_at:
                messages.warning(request, _("Your work has been handed in after the due time; it is marked late."))
            else:
                messages.success(request, _("Your work has been handed in. The teacher will review it."))
            return redirect("course_submission", pk=course.pk, assignment_pk=assignment.pk)
    return render(
        request,
        "registry/courses/submission.html",
        {
            "course": course,
            "assignment": assignment,
            "submission": submission,
            "form": form,
            "is_late_now": timezone.now() > assignment.due_at,
        },
    )


@login_required
def course_submission_file(request, pk, submission_pk):
    course = course_for_user(request.user, pk)
    submission = get_object_or_404(
        Submission.objects.select_related("enrolment"), pk=submission_pk, assignment__session__course=course
    )
    own = submission.enrolment.participant_id == request.user.pk
    require(own or can_manage_course(request.user, course), _("Only the participant and the teacher open this file."))
    if not submission.file:
        raise Http404("No file was handed in.")
    name = PurePath(submission.file.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return private_file_response(submission.file, filename=name, content_type=content_type)


def _submissions_page(request, course, assignment, *, status=200, failed=None):
    """Every participant's work for one assignment, with a review form where work waits for review."""
    by_enrolment = submissions_for_assignment(assignment)
    rows = []
    for enrolment in course.enrolments.filter(status__in=TAKING_PART).select_related("participant", "company"):
        submission = by_enrolment.get(enrolment.pk)
        form = None
        if submission is not None and submission.status == Submission.Status.SUBMITTED:
            form = failed[1] if failed and failed[0] == submission.pk else ReviewForm()
        late = submission is not None and submission.submitted_at > assignment.due_at
        rows.append({"enrolment": enrolment, "submission": submission, "late": late, "form": form})
    return render(
        request,
        "registry/courses/assignment_submissions.html",
        {"course": course, "assignment": assignment, "rows": rows},
        status=status,
    )


@login_required
def course_assignment_submissions(request, pk, assignment_pk):
    course = course_for_user(request.user, pk)
    assignment = _assignment(course, assignment_pk)
    require_manager(request.user, course)
    return _submissions_page(request, course, assignment)


@login_required
@require_POST
def course_submission_review(request, pk, submission_pk):
    course = course_for_user(request.user, pk)
    submission = get_object_or_404(
        Submission.objects.select_related("assignment__session", "enrolment__participant"),
        pk=submission_pk,
        assignment__session__course=course,
    )
    require_manager(request.user, course)
    form = ReviewForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            submission_review(
                submission=submission, by=request.user, accept=accept, feedback=form.cleaned_data["feedback"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return _submissions_page(request, course, submission.assignment, status=400)
        else:
            name = submission.enrolment.participant
            if accept:
                messages.success(request, _("The work of %(name)s has been accepted.") % {"name": name})
            else:
                messages.success(request, _("%(name)s has been asked to rework the assignment.") % {"name": name})
            return redirect("course_assignment_submissions", pk=course.pk, assignment_pk=submission.assignment_id)
    messages.error(request, _("The review was not saved; see the form below."))
    return _submissions_page(request, course, submission.assignment, status=400, failed=(submission.pk, form))


@login_required
@require_http_methods(["GET", "POST"])
def course_attendance(request, pk, session_pk):
    course = course_for_user(request.user, pk)
    session = get_object_or_404(CourseSession, pk=session_pk, course=course)
    require_manager(request.user, course)
    enrolments = list(course.enrolments.filter(status__in=TAKING_PART).select_related("participant", "company"))
    present = set(session.attendance.filter(present=True).values_list("enrolment_id", flat=True))
    form = AttendanceForm(request.POST or None, enrolments=enrolments, present_ids=present)
    started = session.starts_at <= timezone.now()
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            count = attendance_record(session=session, present_ids=form.present_ids(), by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            status = 400
        else:
            messages.success(
                request,
                ngettext(
                    "Attendance of %(count)s participant has been saved.",
                    "Attendance of %(count)s participants has been saved.",
                    count,
                )
                % {"count": count},
            )
            return redirect("course_detail", pk=course.pk)
    return render(
        request,
        "registry/courses/attendance.html",
        {"course": course, "session": session, "form": form, "started": started},
        status=status,
    )


@login_required
@require_POST
def course_complete_view(request, pk):
    course = course_for_user(request.user, pk)
    require_manager(request.user, course)
    done, not_done = course_complete(course=course)
    if done:
        names = ", ".join(str(enrolment.participant) for enrolment in done)
        messages.success(
            request,
            ngettext(
                "%(count)s participant has completed the course: %(names)s.",
                "%(count)s participants have completed the course: %(names)s.",
                len(done),
            )
            % {"count": len(done), "names": names},
        )
    if not_done:
        why = "; ".join(f"{enrolment.participant} ({', '.join(missing)})" for enrolment, missing in not_done)
        messages.warning(request, _("Not completed yet: %(list)s.") % {"list": why})
    if not done and not not_done:
        messages.info(request, _("There are no confirmed participants to mark as completed."))
    return redirect("course_detail", pk=course.pk)


@login_required
@require_http_methods(["GET", "POST"])
def course_evaluation(request, pk):
    course = course_for_user(request.user, pk)
    enrolment = _participant_enrolment(request.user, course)
    done = Evaluation.objects.filter(enrolment=enrolment).exists()
    ends = last_session_end(course)
    is_open = ends is not None and ends <= timezone.now()
    if request.method == "POST":
        require(not done, _("You have already filled in the evaluation of this course. Thank you!"))
        require(is_open, _("The evaluation opens after the last session has ended."))
    form = EvaluationForm(request.POST or None) if is_open and not done else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            evaluation_submit(enrolment=enrolment, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you for evaluating the course."))
            return redirect("course_detail", pk=course.pk)
    return render(
        request,
        "registry/courses/evaluation_form.html",
        {"course": course, "form": form, "done": done, "ends": ends},
    )


@login_required
def course_evaluation_summary(request, pk):
    course = course_for_user(request.user, pk)
    require_manager(request.user, course)
    summary = evaluation_summary(course)
    figures = summary["figures"]
    labels = {
        "content_rating": _("Content"),
        "teacher_rating": _("Teacher"),
        "organisation_rating": _("Organisation"),
        "usefulness_rating": _("Usefulness for the work as a mentor"),
    }
    return render(
        request,
        "registry/courses/evaluation_summary.html",
        {
            "course": course,
            "count": figures["count"],
            "participants": course.enrolments.filter(status__in=TAKING_PART).count(),
            "ratings": [(labels[name], figures[name]) for name in RATING_FIELDS],
            "best": summary["best"],
            "improve": summary["improve"],
        },
    )
