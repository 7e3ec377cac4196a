"""A school's programmes: the list (with learners and open placements per programme), adding and editing one.

Programmes are never deleted here: learner records and placements refer to them; one no longer offered is
switched off (inactive) and stays on the records that name it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import require

from ..learners.selectors import can_see_learners, managed_schools
from .forms import ProgrammeForm
from .selectors import can_manage_programmes_of, programme_for_user, programmes_for


def _only_coordinators() -> str:
    return _("Only the school's coordinators add and change programmes.")


@login_required
@require_GET
def programme_list(request):
    require(can_see_learners(request.user), _("Only a school's supervisors and coordinators see its programmes."))
    programmes = programmes_for(request.user).order_by("school__name", "-is_active", "name")
    return render(
        request,
        "placements/programmes/programme_list.html",
        {"programmes": programmes, "can_manage": can_manage_programmes_of(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_new(request):
    require(can_manage_programmes_of(request.user), _only_coordinators())
    form = ProgrammeForm(request.POST or None, schools=managed_schools(request.user))
    return _save(request, form, _("The programme %(name)s has been added."))


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, pk):
    programme = programme_for_user(request.user, pk)
    require(can_manage_programmes_of(request.user, programme.school_id), _only_coordinators())
    form = ProgrammeForm(request.POST or None, instance=programme, schools=managed_schools(request.user))
    return _save(request, form, _("The programme %(name)s has been saved."))


def _save(request, form, done):
    if request.method == "POST" and form.is_valid():
        programme = form.save()
        messages.success(request, done % {"name": programme.name})
        return redirect("programme_list")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "programme": form.instance if form.instance.pk else None}
    return render(request, "placements/programmes/programme_form.html", context, status=status)
