"""The company's induction templates: list, read, make, rename, delete, set the default, and their items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Company
from core.views import require

from ..models import InductionTemplateItem
from . import services
from .forms import TemplateForm, TemplateItemForm
from .selectors import (
    can_create_templates,
    can_manage_templates_of,
    companies_for_new_template,
    companies_managing_templates,
    companies_reading_templates,
    grouped_by_section,
    template_for_user,
    template_items,
    templates_visible_to,
)

NOT_A_TEMPLATE_MANAGER = gettext_lazy("Only the company's admins manage its induction templates.")


def _managed_template(user, pk):
    template = template_for_user(user, pk)
    require(can_manage_templates_of(user, template.company_id), NOT_A_TEMPLATE_MANAGER)
    return template


@login_required
@require_GET
def template_list(request):
    readable = companies_reading_templates(request.user)
    if readable is not None and not readable:
        raise Http404("No induction templates for this person.")
    managed = companies_managing_templates(request.user)
    templates = list(templates_visible_to(request.user))
    # Staff see the companies that have templates; company people see each of their companies, empty or not.
    if readable is None:
        companies = sorted({template.company for template in templates}, key=lambda company: company.name)
    else:
        companies = list(Company.objects.filter(pk__in=readable).order_by("name"))
    by_company = {company.pk: [] for company in companies}
    for template in templates:
        by_company[template.company_id].append(template)
    return render(
        request,
        "placements/induction/template_list.html",
        {
            "companies": [
                {
                    "company": company,
                    "templates": by_company[company.pk],
                    "can_manage": managed is None or company.pk in managed,
                }
                for company in companies
            ],
            "can_create": can_create_templates(request.user),
        },
    )


@login_required
@require_GET
def template_detail(request, pk):
    template = template_for_user(request.user, pk)
    return render(
        request,
        "placements/induction/template_detail.html",
        {
            "template": template,
            "groups": grouped_by_section(list(template_items(template))),
            "can_manage": can_manage_templates_of(request.user, template.company_id),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_new(request):
    require(can_create_templates(request.user), _("Only company admins create induction templates."))
    form = TemplateForm(request.POST or None, companies=companies_for_new_template(request.user))
    if request.method == "POST" and form.is_valid():
        template = services.template_create(
            company=form.cleaned_data["company"],
            name=form.cleaned_data["name"],
            with_standard_items=form.cleaned_data["with_standard_items"],
        )
        messages.success(request, _("The induction template has been created."))
        return redirect("induction_template_detail", pk=template.pk)
    return render(
        request,
        "placements/induction/template_form.html",
        {"form": form, "template": None, "cancel_url": reverse("induction_templates")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request, pk):
    template = _managed_template(request.user, pk)
    form = TemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        services.template_rename(template=template, name=form.cleaned_data["name"])
        messages.success(request, _("The induction template has been saved."))
        return redirect("induction_template_detail", pk=template.pk)
    return render(
        request,
        "placements/induction/template_form.html",
        {
            "form": form,
            "template": template,
            "cancel_url": reverse("induction_template_detail", args=[template.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_delete(request, pk):
    template = _managed_template(request.user, pk)
    if request.method == "POST":
        services.template_delete(template=template)
        messages.success(request, _("The induction template has been deleted."))
        return redirect("induction_templates")
    return render(request, "placements/induction/template_delete.html", {"template": template})


@login_required
@require_POST
def template_default(request, pk):
    template = _managed_template(request.user, pk)
    is_default = request.POST.get("is_default") != "0"
    services.template_set_default(template=template, is_default=is_default)
    if is_default:
        messages.success(request, _("New placements now start from this template."))
    else:
        messages.success(request, _("This template is no longer the default."))
    return redirect("induction_templates")


def _template_item_page(request, template, form, item=None):
    return render(
        request,
        "placements/induction/template_item_form.html",
        {
            "template": template,
            "item": item,
            "form": form,
            "cancel_url": reverse("induction_template_detail", args=[template.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_item_new(request, pk):
    template = _managed_template(request.user, pk)
    form = TemplateItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.template_item_add(template=template, data=form.cleaned_data)
        messages.success(request, _("The item has been added."))
        return redirect("induction_template_detail", pk=template.pk)
    return _template_item_page(request, template, form)


@login_required
@require_http_methods(["GET", "POST"])
def template_item_edit(request, pk, item_pk):
    template = _managed_template(request.user, pk)
    item = get_object_or_404(InductionTemplateItem, pk=item_pk, template=template)
    form = TemplateItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        services.template_item_update(item=item, data=form.cleaned_data)
        messages.success(request, _("The item has been saved."))
        return redirect("induction_template_detail", pk=template.pk)
    return _template_item_page(request, template, form, item)


@login_required
@require_POST
def template_item_delete(request, pk, item_pk):
    template = _managed_template(request.user, pk)
    item = get_object_or_404(InductionTemplateItem, pk=item_pk, template=template)
    services.template_item_delete(item=item)
    messages.success(request, _("The item has been removed from the template."))
    return redirect("induction_template_detail", pk=template.pk)
