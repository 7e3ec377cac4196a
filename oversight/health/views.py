"""A school's health thresholds, edited by its coordinators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import require

from .forms import HealthSettingsForm
from .selectors import health_settings_for, overview_schools
from .services import health_settings_update


def _school(request):
    schools = list(overview_schools(request.user).order_by("name"))
    require(bool(schools), _("Only a school's coordinators change its placement health settings."))
    wanted = request.GET.get("school")
    if not wanted:
        return schools[0], schools
    school = next((school for school in schools if str(school.pk) == wanted), None)
    if school is None:
        raise Http404("No such school.")
    return school, schools


@login_required
@require_http_methods(["GET", "POST"])
def health_settings(request):
    school, schools = _school(request)
    form = HealthSettingsForm(request.POST or None, instance=health_settings_for(school))
    if request.method == "POST" and form.is_valid():
        health_settings_update(school=school, data=form.cleaned_data)
        messages.success(
            request, _("The placement health settings of %(school)s have been saved.") % {"school": school}
        )
        return redirect(f"{reverse('oversight_settings')}?school={school.pk}")
    return render(
        request,
        "oversight/settings.html",
        {"form": form, "school": school, "schools": schools},
        status=400 if form.is_bound and form.errors else 200,
    )
