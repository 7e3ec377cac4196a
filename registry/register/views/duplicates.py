"""Possible duplicates in the register of host companies, merging two of them after a confirmation, or marking
them as different companies (and undoing that)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.views import require

from ..companies.access import can_manage_companies, can_manage_company, company_in_register, managed_companies
from ..companies.duplicates import MAX_PAIRS, duplicates_among
from ..companies.forms import MergeForm
from ..companies.merge import fields_to_copy, merge_companies, merge_preview
from ..companies.not_duplicates import mark_not_duplicate, marked_keys, marked_pairs, unmark_not_duplicate
from .company_records import NOT_YOURS


@login_required
@require_GET
def company_duplicates(request):
    require(can_manage_companies(request.user), _("The possible duplicates are for coordinators and staff."))
    companies = managed_companies(request.user)
    marked = marked_pairs(companies)
    pairs, total = duplicates_among(companies, not_duplicates=marked_keys(marked))
    return render(
        request,
        "registry/register/company_duplicates.html",
        {"pairs": pairs, "total": total, "limit": MAX_PAIRS, "marked": marked},
    )


def _pair(request, pk, other_pk):
    company = company_in_register(request.user, pk)
    other = company_in_register(request.user, other_pk)
    require(can_manage_company(request.user, company) and can_manage_company(request.user, other), NOT_YOURS)
    return company, other


@login_required
@require_POST
def company_not_duplicate(request, pk, other_pk):
    """Mark the two as different companies: no longer offered as a possible duplicate."""
    company, other = _pair(request, pk, other_pk)
    try:
        mark_not_duplicate(company=company, other=other, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("company_duplicates")
    messages.success(
        request,
        _("%(first)s and %(second)s are marked as different companies.")
        % {"first": company.name, "second": other.name},
    )
    return redirect("company_duplicates")


@login_required
@require_POST
def company_not_duplicate_undo(request, pk, other_pk):
    """Undo the mark: the two are offered as a possible duplicate again."""
    company, other = _pair(request, pk, other_pk)
    if unmark_not_duplicate(company=company, other=other, by=request.user):
        messages.success(
            request,
            _("%(first)s and %(second)s may be duplicates again.") % {"first": company.name, "second": other.name},
        )
    return redirect("company_duplicates")


@login_required
@require_http_methods(["GET", "POST"])
def company_merge(request, pk, other_pk):
    """Merge company `other_pk` into company `pk` (the one kept)."""
    kept = company_in_register(request.user, pk)
    removed = company_in_register(request.user, other_pk)
    require(can_manage_company(request.user, kept) and can_manage_company(request.user, removed), NOT_YOURS)
    context = {"kept": kept, "removed": removed}
    if kept.pk == removed.pk:
        context["refusal"] = _("A company cannot be merged with itself. Choose two different companies.")
        return render(request, "registry/register/company_merge.html", context, status=400)
    form = MergeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            merge_companies(kept_id=kept.pk, removed_id=removed.pk, by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(removed)s has been merged into %(kept)s.") % {"removed": removed.name, "kept": kept.name},
            )
            return redirect("company_register_detail", pk=kept.pk)
    context.update(
        form=form,
        moves=merge_preview(kept, removed),
        copied=[field.verbose_name for field in fields_to_copy(kept, removed)],
    )
    return render(
        request, "registry/register/company_merge.html", context, status=400 if request.method == "POST" else 200
    )
