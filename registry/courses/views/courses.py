"""Mentor courses: the list, a course with its sessions and assignments, and who takes part."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors, require

from ...models import Course, CourseSession, Enrolment, Submission
from ...selectors import can_manage_course, course_for_user, registry_school_ids
from ..forms import (
    AssignmentForm,
    CourseFilterForm,
    CourseForm,
    CourseSessionForm,
    EnrolEmployeesForm,
    EnrolSelfForm,
)
from ..selectors import (
    TAKING_PART,
    can_confirm_enrolment,
    can_create_course,
    can_enrol_employees,
    can_enrol_self,
    can_withdraw_enrolment,
    certificate_figures,
    completion_by_enrolment,
    course_schools_for,
    courses_for_list,
    courses_taken_part_in,
    employees_to_enrol,
    enrolment_for_user,
    mentor_companies,
    open_courses_for,
    participants,
    places_taken,
    sessions_with_assignments,
)
from ..services import (
    assignment_create,
    course_save,
    course_session_save,
    enrolment_confirm,
    enrolment_enrol_employees,
    enrolment_request,
    enrolment_withdraw,
)


def require_manager(user, course) -> None:
    require(can_manage_course(user, course), _("Only the school's teachers and coordinators run this course."))


@login_required
def course_list(request):
    filter_form = CourseFilterForm(request.GET or None)
    school_ids = registry_school_ids(request.user)
    staff_view = school_ids is None or bool(school_ids)
    context = {"filter_form": filter_form, "can_create": can_create_course(request.user), "staff_view": staff_view}
    if staff_view:
        courses = list(courses_for_list(request.user, filter_form.chosen_status))
        for course in courses:
            course.manageable = school_ids is None or course.school_id in school_ids
        context["courses"] = courses
        # The schools' public catalogues, to share with employers (registry/employers).
        context["catalogue_schools"] = [] if school_ids is None else course_schools_for(request.user)
    else:
        context["open_courses"] = open_courses_for(request.user)
        context["my_courses"] = courses_taken_part_in(request.user)
        context["is_employer"] = can_enrol_employees(request.user)
    return render(request, "registry/courses/course_list.html", context)


def _form_page(request, form, section, course=None, cancel_url=None):
    return render(
        request,
        "registry/courses/form_page.html",
        {
            "form": form,
            "course": course,
            "section": section,
            "cancel_url": cancel_url
            or (reverse("course_detail", args=[course.pk]) if course else reverse("course_list")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def course_new(request):
    require(can_create_course(request.user), _("Only teachers and coordinators of a school add mentor courses."))
    form = CourseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            course = course_save(data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The course has been added. Now plan its sessions."))
            return redirect("course_detail", pk=course.pk)
    return _form_page(request, form, _("New mentor course"))


@login_required
@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    course = course_for_user(request.user, pk)
    require_manager(request.user, course)
    form = CourseForm(request.POST or None, instance=course, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            course_save(course=course, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The course has been saved."))
            return redirect("course_detail", pk=course.pk)
    return _form_page(request, form, _("Edit course"), course)


def detail_page(request, course, *, status=200, employees_form=None, self_form=None):
    """The course page; also re-rendered (status 400) when an action on it was refused."""
    user = request.user
    can_manage = can_manage_course(user, course)
    sessions = sessions_with_assignments(course)
    assignments = [assignment for session in sessions for assignment in session.assignments.all()]
    enrolments = participants(user, course)
    progress = completion_by_enrolment(enrolments, sessions=sessions, assignments=assignments)
    for enrolment in enrolments:
        enrolment.progress = progress[enrolment.pk]
        enrolment.can_confirm = can_confirm_enrolment(user, enrolment)
        enrolment.can_withdraw = can_withdraw_enrolment(user, enrolment)
    mine = next((e for e in enrolments if e.participant_id == user.pk), None)
    submissions = {}
    if mine is not None:
        submissions = {s.assignment_id: s for s in Submission.objects.filter(enrolment=mine)}
        for assignment in assignments:
            assignment.mine = submissions.get(assignment.pk)
    may_enrol_self = mine is None or mine.status == Enrolment.Status.WITHDRAWN
    forms = enrol_forms(user, course, employees_form=employees_form, self_form=self_form, self_too=may_enrol_self)
    context = {
        "course": course,
        "can_manage": can_manage,
        "sessions": sessions,
        "has_assignments": bool(assignments),
        "enrolments": enrolments,
        "mine": mine,
        "taken": places_taken(course),
        "certificates": certificate_figures(course) if can_manage else None,
        "takes_part": mine is not None and mine.status in TAKING_PART,
        "has_ended": bool(sessions) and max(s.ends_at for s in sessions) <= timezone.now(),
        **forms,
    }
    return render(request, "registry/courses/course_detail.html", context, status=status)


@login_required
def course_detail(request, pk):
    return detail_page(request, course_for_user(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def course_session_edit(request, pk, session_pk=None):
    """Add a session to a course, or change one (with `session_pk`)."""
    course = course_for_user(request.user, pk)
    session = get_object_or_404(CourseSession, pk=session_pk, course=course) if session_pk else None
    require_manager(request.user, course)
    form = CourseSessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            course_session_save(course=course, session=session, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The session has been saved.") if session else _("The session has been added."))
            return redirect("course_detail", pk=course.pk)
    return _form_page(request, form, _("Edit session") if session else _("New session"), course)


@login_required
@require_http_methods(["GET", "POST"])
def course_assignment_new(request, pk):
    course = course_for_user(request.user, pk)
    require_manager(request.user, course)
    session = request.GET.get("session")
    initial = {"session": session} if session and session.isdigit() else None
    form = AssignmentForm(request.POST or None, course=course, initial=initial)
    if not form.fields["session"].queryset.exists():
        messages.info(request, _("Add a session first: an assignment is handed in before a session."))
        return redirect("course_detail", pk=course.pk)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_create(course=course, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assignment has been added."))
            return redirect("course_detail", pk=course.pk)
    return _form_page(request, form, _("New assignment"), course)


# --- enrolment ----------------------------------------------------------------------------------------


def enrol_forms(user, course, *, employees_form=None, self_form=None, self_too=True) -> dict:
    """The enrol buttons a mentor or employer gets on an open course."""
    if course.status != Course.Status.OPEN:
        return {}
    forms = {}
    if can_enrol_employees(user):
        forms["employees_form"] = employees_form or EnrolEmployeesForm(employees=employees_to_enrol(user, course))
    if self_too and can_enrol_self(user):
        forms["self_form"] = self_form or EnrolSelfForm(companies=mentor_companies(user))
    return forms


@login_required
@require_POST
def course_enrol(request, pk):
    """An employer enrols employees (confirmed at once); a work mentor asks to take part (requested)."""
    course = course_for_user(request.user, pk)
    user = request.user
    employer = request.POST.get("who") == "employees"
    if employer:
        require(can_enrol_employees(user), _("Only a company admin enrols employees."))
        form = EnrolEmployeesForm(request.POST, employees=employees_to_enrol(user, course))
        forms = {"employees_form": form}
    else:
        require(can_enrol_self(user), _("Only work mentors enrol in a mentor course, or their employer enrols them."))
        form = EnrolSelfForm(request.POST, companies=mentor_companies(user))
        forms = {"self_form": form}
    if form.is_valid():
        try:
            if employer:
                enrolled = enrolment_enrol_employees(
                    course=course, employees=list(form.cleaned_data["participants"]), by=user
                )
            else:
                enrolled = [enrolment_request(course=course, participant=user, company=form.cleaned_data["company"])]
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _enrolled_message(enrolled))
            return redirect("course_detail", pk=course.pk)
    return detail_page(request, course, status=400, **forms)


def _enrolled_message(enrolled: list[Enrolment]) -> str:
    if enrolled[0].status == Enrolment.Status.REQUESTED:
        return _("You have asked to take part. Once your employer confirms, you get the course information by e-mail.")
    names = ", ".join(str(enrolment.participant) for enrolment in enrolled)
    return ngettext(
        "%(names)s is enrolled and gets the course information by e-mail.",
        "%(names)s are enrolled and each get the course information by e-mail.",
        len(enrolled),
    ) % {"names": names}


@login_required
@require_POST
def course_enrolment_confirm(request, pk, enrolment_pk):
    course = course_for_user(request.user, pk)
    enrolment = enrolment_for_user(request.user, course, enrolment_pk)
    require(
        can_confirm_enrolment(request.user, enrolment),
        _("The employer confirms an enrolment (or the course's teacher)."),
    )
    try:
        enrolment_confirm(enrolment=enrolment, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return detail_page(request, course, status=400)
    messages.success(
        request,
        _("%(name)s's enrolment is confirmed; the course information is sent by e-mail.")
        % {"name": enrolment.participant},
    )
    return redirect("course_detail", pk=course.pk)


@login_required
@require_POST
def course_enrolment_withdraw(request, pk, enrolment_pk):
    course = course_for_user(request.user, pk)
    enrolment = enrolment_for_user(request.user, course, enrolment_pk)
    require(
        can_withdraw_enrolment(request.user, enrolment),
        _("Only the participant, their employer or the teacher withdraws an enrolment."),
    )
    try:
        enrolment_withdraw(enrolment=enrolment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return detail_page(request, course, status=400)
    messages.success(request, _("%(name)s no longer takes part in this course.") % {"name": enrolment.participant})
    return redirect("course_detail", pk=course.pk)
