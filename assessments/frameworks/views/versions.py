"""Competency frameworks: the list, a framework with its versions, and making, copying, publishing and deleting them.

The content of a draft version (levels, areas, competencies, indicators) is edited in items.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.choice_keys import whole_number
from core.views import add_service_errors, require

from ...models import FrameworkVersion
from ..forms import CloneForm, FrameworkForm, PublishForm
from ..selectors import (
    can_create_framework,
    can_edit_framework,
    default_version,
    framework_for_user,
    frameworks_for_list,
    version_content,
    version_for_user,
    versions_of,
)
from ..services import framework_clone as framework_clone_service
from ..services import (
    framework_create,
    framework_details_editable_validate,
    framework_update,
    version_delete,
    version_editable_validate,
    version_new,
    version_publish,
    version_retire,
)


def require_editor(user, framework) -> None:
    require(
        not framework.is_shipped,
        _("The frameworks that come with Werkmentor cannot be changed. Copy one to your school to adapt it."),
    )
    require(
        can_edit_framework(user, framework),
        _("Only the teachers and coordinators of the framework's school can change it."),
    )


def detail_url(version: FrameworkVersion, anchor: str = "") -> str:
    url = f"{reverse('framework_detail', args=[version.framework_id])}?version={version.number}"
    return f"{url}#{anchor}" if anchor else url


@login_required
def framework_list(request):
    frameworks = frameworks_for_list(request.user)
    return render(
        request,
        "assessments/frameworks/framework_list.html",
        {
            "school_frameworks": [f for f in frameworks if not f.is_shipped],
            "shipped_frameworks": [f for f in frameworks if f.is_shipped],
            "can_create": can_create_framework(request.user),
        },
    )


def detail_page(request, framework, *, number=None, status=200):
    """The framework page at one version; also re-rendered (status 400) when a change to it was refused."""
    user = request.user
    versions = versions_of(user, framework)
    if number is None:
        version = default_version(versions)
    else:
        version = next((v for v in versions if str(v.number) == str(number)), None)
        if version is None:
            raise Http404("No such version.")
    levels, areas = version_content(version) if version else ([], [])
    can_edit = can_edit_framework(user, framework)
    draft = next((v for v in versions if v.status == FrameworkVersion.Status.DRAFT), None)
    published = next((v for v in versions if v.status == FrameworkVersion.Status.PUBLISHED), None)
    context = {
        "framework": framework,
        "version": version,
        "versions": versions,
        "levels": levels,
        "areas": areas,
        "draft": draft,
        "published": published,
        "can_edit": can_edit,
        "editing": can_edit and version is not None and version.is_editable,
        "can_edit_details": can_edit and all(v.status == FrameworkVersion.Status.DRAFT for v in versions),
        "can_new_version": can_edit and draft is None and bool(versions),
        "can_clone": version is not None and can_create_framework(user),
        "publish_form": PublishForm(),
    }
    return render(request, "assessments/frameworks/framework_detail.html", context, status=status)


def refused(request, version: FrameworkVersion, error: ValidationError):
    messages.error(request, " ".join(error.messages))
    return detail_page(request, version.framework, number=version.number, status=400)


@login_required
def framework_detail(request, pk):
    framework = framework_for_user(request.user, pk)
    number = request.GET.get("version") or None
    if number is not None and whole_number(number) is None:
        raise Http404("No such version.")
    return detail_page(request, framework, number=number)


def form_page(request, form, section, *, framework=None, version=None, cancel_url, status=200, intro=None):
    return render(
        request,
        "assessments/frameworks/form_page.html",
        {
            "form": form,
            "section": section,
            "framework": framework,
            "version": version,
            "cancel_url": cancel_url,
            "intro": intro,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def framework_new(request):
    require(can_create_framework(request.user), _("Only teachers and coordinators of a school add frameworks."))
    form = FrameworkForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            framework = framework_create(user=request.user, school=data["school"], data=data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 400
        else:
            messages.success(
                request, _("The framework has been added as a draft. Add its areas, competencies and indicators.")
            )
            return redirect(detail_url(framework.versions.get()))
    return form_page(
        request,
        form,
        _("New competency framework"),
        cancel_url=reverse("framework_list"),
        status=status,
        intro=_("It starts as a draft with the rating scale unsatisfactory, satisfactory, good; you can change it."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def framework_edit(request, pk):
    framework = framework_for_user(request.user, pk)
    require_editor(request.user, framework)
    try:
        framework_details_editable_validate(framework=framework)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return detail_page(request, framework, status=400)
    form = FrameworkForm(request.POST or None, instance=framework, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            framework_update(framework=framework, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 400
        else:
            messages.success(request, _("The framework has been saved."))
            return redirect("framework_detail", pk=framework.pk)
    return form_page(
        request,
        form,
        _("Edit framework details"),
        framework=framework,
        cancel_url=reverse("framework_detail", args=[framework.pk]),
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def framework_clone(request, version_pk):
    source = version_for_user(request.user, version_pk)
    require(can_create_framework(request.user), _("Only teachers and coordinators of a school copy frameworks."))
    form = CloneForm(request.POST or None, user=request.user, source=source)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            framework = framework_clone_service(version=source, user=request.user, school=data["school"], data=data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 400
        else:
            messages.success(request, _("The copy has been made as a draft of your school. Adapt it and publish it."))
            return redirect(detail_url(framework.versions.get()))
    return form_page(
        request,
        form,
        _("Copy framework"),
        framework=source.framework,
        version=source,
        cancel_url=detail_url(source),
        status=status,
        intro=_(
            "The copy gets everything of version %(number)s: rating scale, areas, competencies and indicators. "
            "Changing the copy leaves the original as it is."
        )
        % {"number": source.number},
    )


@login_required
@require_POST
def framework_version_new(request, pk):
    framework = framework_for_user(request.user, pk)
    require_editor(request.user, framework)
    try:
        version = version_new(framework=framework)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return detail_page(request, framework, status=400)
    messages.success(
        request,
        _("Version %(number)s has been made as a draft, a copy of the version before it. Change it and publish it.")
        % {"number": version.number},
    )
    return redirect(detail_url(version))


@login_required
@require_POST
def framework_publish(request, version_pk):
    version = version_for_user(request.user, version_pk)
    require_editor(request.user, version.framework)
    form = PublishForm(request.POST)
    form.is_valid()  # the change note is optional free text: the form only cleans it
    try:
        version_publish(version=version, change_note=form.cleaned_data.get("change_note", ""))
    except ValidationError as exc:
        return refused(request, version, exc)
    messages.success(
        request,
        _("Version %(number)s has been published. New assessment plans use it; existing ones keep their version.")
        % {"number": version.number},
    )
    return redirect(detail_url(version))


@login_required
@require_POST
def framework_retire(request, version_pk):
    version = version_for_user(request.user, version_pk)
    require_editor(request.user, version.framework)
    try:
        version_retire(version=version)
    except ValidationError as exc:
        return refused(request, version, exc)
    messages.success(
        request,
        _("Version %(number)s has been retired. Plans and assessments that use it keep it.")
        % {"number": version.number},
    )
    return redirect(detail_url(version))


@login_required
@require_http_methods(["GET", "POST"])
def framework_version_delete(request, version_pk):
    version = version_for_user(request.user, version_pk)
    framework = version.framework
    require_editor(request.user, framework)
    try:
        version_editable_validate(version=version)
    except ValidationError as exc:
        return refused(request, version, exc)
    if request.method == "POST":
        try:
            framework_gone = version_delete(version=version)
        except ValidationError as exc:
            return refused(request, version, exc)
        if framework_gone:
            messages.success(request, _("The draft framework has been deleted."))
            return redirect("framework_list")
        messages.success(request, _("The draft version has been deleted."))
        return redirect("framework_detail", pk=framework.pk)
    return render(
        request,
        "assessments/frameworks/confirm_delete.html",
        {
            "framework": framework,
            "version": version,
            "section": _("Delete draft"),
            "question": _("Delete draft version %(number)s with everything in it?") % {"number": version.number},
            "cancel_url": detail_url(version),
        },
    )
