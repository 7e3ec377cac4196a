"""Pages without log-in: a school's course catalogue, and the employer's contact enrolling through a link."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from core.http import signed_link_no_store

from ...courses.selectors import places_taken
from ..forms import EmployeesForm
from ..selectors import LinkRefused, catalogue_courses, catalogue_school, enrolled_through, invitation_for_link
from ..services import employees_enrol


@require_http_methods(["GET", "HEAD"])
def course_catalogue(request, key):
    """The school's open courses, for employers to find (shared on social media, per the seed's advice)."""
    school = catalogue_school(key)
    courses = list(catalogue_courses(school))
    for course in courses:
        course.places_left = max(course.max_participants - course.taken, 0)
    share_link = request.build_absolute_uri(request.path)
    response = render(
        request, "registry/employers/catalogue.html", {"school": school, "courses": courses, "share_link": share_link}
    )
    response["Cache-Control"] = "no-store"  # places left change with every enrolment
    return response


@require_http_methods(["GET", "POST"])
def course_employer_enrol(request, token):
    """The contact names employees (names and e-mail addresses); they are enrolled and get their accounts."""
    try:
        invitation = invitation_for_link(token)
    except LinkRefused as refused:
        response = render(
            request, "registry/employers/link_refused.html", {"message": refused.message}, status=refused.status
        )
        return signed_link_no_store(response)
    form = EmployeesForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                enrolled, already = employees_enrol(invitation=invitation, people=form.cleaned_data["employees"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                _report(request, enrolled, already)
                return redirect("course_employer_enrol", token=token)
    course = invitation.course
    context = {
        "invitation": invitation,
        "course": course,
        "sessions": course.sessions.all(),
        "places_left": max(course.max_participants - places_taken(course), 0),
        "enrolled": enrolled_through(invitation),
        "form": form,
    }
    return signed_link_no_store(render(request, "registry/employers/enrol.html", context, status=status))


def _report(request, enrolled, already) -> None:
    if enrolled:
        names = ", ".join(str(e.participant) for e in enrolled)
        messages.success(
            request,
            ngettext(
                "%(names)s is enrolled and gets the course information by e-mail.",
                "%(names)s are enrolled and each get the course information by e-mail.",
                len(enrolled),
            )
            % {"names": names},
        )
    if already:
        names = ", ".join(str(person) for person in already)
        messages.info(
            request,
            ngettext(
                "%(names)s was enrolled already; nothing changed.",
                "%(names)s were enrolled already; nothing changed.",
                len(already),
            )
            % {"names": names},
        )
