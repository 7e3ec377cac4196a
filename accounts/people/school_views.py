"""Schools, for staff only: the list, a new school, its details; the first coordinator is invited from the
school's people page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import require

from ..models import Role, School
from ..selectors import roles_of
from .forms import SchoolForm
from .services import school_save

PAGE_SIZE = 50


def _staff_only(user) -> None:
    require(roles_of(user).is_staff, _("Only the application's staff create and edit schools."))


@login_required
def school_list(request):
    _staff_only(request.user)
    page = Paginator(School.objects.order_by("name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/people/school_list.html", {"page": page, "query": ""})


@login_required
@require_http_methods(["GET", "POST"])
def school_new(request):
    _staff_only(request.user)
    return _school_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def school_edit(request, pk):
    _staff_only(request.user)
    return _school_form(request, get_object_or_404(School, pk=pk))


def _school_form(request, school):
    form = SchoolForm(request.POST or None, instance=school)
    if request.method == "POST" and form.is_valid():
        saved = school_save(form)
        if school is None:
            messages.success(request, _("The school has been created. Invite its first coordinator."))
            add = reverse("people_add", kwargs={"kind": "school", "pk": saved.pk})
            return redirect(f"{add}?role={Role.COORDINATOR.value}")
        messages.success(request, _("The details of %(name)s have been saved.") % {"name": saved.name})
        return redirect("people_schools")
    context = {"form": form, "school": school}
    return render(request, "accounts/people/school_form.html", context, status=400 if form.errors else 200)
