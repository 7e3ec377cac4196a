"""A school's security settings: whether its coordinators must use two-factor authentication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..models import Role
from ..selectors import roles_of
from . import state
from .forms import SchoolSecurityForm
from .selectors import has_two_factor, security_schools
from .services import school_security_update


def _chosen_school(request):
    schools = list(security_schools(request.user))
    if not schools:
        raise PermissionDenied(_("Only a school's coordinators and staff change its security settings."))
    wanted = request.GET.get("school")
    if wanted:
        school = next((school for school in schools if str(school.pk) == wanted), None)
        if school is None:
            raise Http404("No such school.")
        return school, schools
    return schools[0], schools


@login_required
@require_http_methods(["GET", "POST"])
def school_security(request):
    school, schools = _chosen_school(request)
    form = SchoolSecurityForm(request.POST if request.method == "POST" else None, instance=school)
    if request.method == "POST" and form.is_valid():
        school = school_security_update(
            school=school, require_two_factor_for_staff=form.cleaned_data["require_two_factor_for_staff"]
        )
        messages.success(request, _("The security settings of %(school)s have been saved.") % {"school": school})
        # Others are asked at their next log-in; a coordinator who just required it sets it up now.
        is_coordinator = school.pk in roles_of(request.user).schools_as(Role.COORDINATOR)
        if school.require_two_factor_for_staff and is_coordinator and not has_two_factor(request.user):
            state.set_pending(request, state.SETUP)
            return redirect("two_factor_setup")
        return redirect(f"{request.path}?school={school.pk}")
    context = {"form": form, "school": school, "schools": schools}
    status = 400 if form.is_bound else 200
    return render(request, "accounts/two_factor/school_security.html", context, status=status)
