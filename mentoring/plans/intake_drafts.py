"""The first goals of a coaching plan, drafted from the learner's intake (seed 004, coaching on the job c).

The draft is only a starting point on a page: the mentor reviews each goal, writes how success is measured,
keeps or drops it, and only then are the kept goals added (never replacing a goal already in the plan).
The intake reaches the company's work mentor only when the learner agreed to share it.
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from core.views import require
from core.widgets import DateInput
from placements.recruitment.intake_reads import intake_of
from placements.selectors import is_mentor_of

from ..selectors import coaching_placement_for_user
from .services import GOAL_FIELDS, goal_save, plan_for_placement

MAX_DRAFTS = 5
FIRST_REVIEW = timedelta(weeks=8)  # the first goals are meant to be reviewed within the induction period


class GoalDraftForm(forms.Form):
    keep = forms.BooleanField(label=gettext_lazy("Add this goal"), required=False, initial=True)
    title = forms.CharField(label=gettext_lazy("What"), max_length=200, required=False)
    success_measure = forms.CharField(
        label=gettext_lazy("How success is measured"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Measurable: how you both will know it is reached."),
    )
    target_date = forms.DateField(label=gettext_lazy("Target date"), required=False, widget=DateInput())
    rationale = forms.CharField(
        label=gettext_lazy("Why it matters"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("keep"):
            return cleaned
        for name in ("title", "success_measure", "target_date"):
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, self.fields[name].error_messages["required"])
        target = cleaned.get("target_date")
        if target and target > self.placement.end_date:
            self.add_error(
                "target_date",
                _("The target date must fall within the placement, which ends on %(date)s.")
                % {"date": self.placement.end_date.strftime("%d-%m-%Y")},
            )
        return cleaned


GoalDraftFormSet = forms.formset_factory(GoalDraftForm, extra=0, max_num=MAX_DRAFTS, absolute_max=MAX_DRAFTS)


def goal_drafts(intake, placement) -> list[dict]:
    """One draft goal per support need of the intake (or, without any, from the learner's wishes)."""
    needs = [line.strip(" -•\t") for line in intake.support_needs.splitlines() if line.strip(" -•\t")]
    start = max(placement.start_date, timezone.localdate())
    target = min(start + FIRST_REVIEW, placement.end_date)
    drafts = [
        {
            "keep": True,
            "title": need[:200],
            "success_measure": "",
            "target_date": target,
            "rationale": _("From the intake: support need “%(need)s”.") % {"need": need},
        }
        for need in needs[:MAX_DRAFTS]
    ]
    wish = next((line.strip() for line in intake.wishes.splitlines() if line.strip()), "")
    if not drafts and wish:
        drafts.append(
            {
                "keep": True,
                "title": wish[:200],
                "success_measure": "",
                "target_date": target,
                "rationale": _("From the intake: what the learner wants."),
            }
        )
    return drafts


@login_required
@require_http_methods(["GET", "POST"])
def goals_from_intake(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(
        is_mentor_of(request.user, placement), _("Only the work mentor of this placement drafts the coaching plan.")
    )
    intake = intake_of(placement.learner)
    shared = intake is not None and intake.share_with_employer
    drafts = goal_drafts(intake, placement) if shared else []
    formset = GoalDraftFormSet(
        request.POST or None, initial=drafts, form_kwargs={"placement": placement}, prefix="goals"
    )
    if request.method == "POST" and shared and formset.is_valid():
        plan = plan_for_placement(placement)
        kept = [form.cleaned_data for form in formset if form.cleaned_data.get("keep")]
        for data in kept:
            goal_save(plan=plan, data={name: data[name] for name in GOAL_FIELDS}, by=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s goal from the intake has been added.",
                "%(count)s goals from the intake have been added.",
                len(kept),
            )
            % {"count": len(kept)},
        )
        return redirect("mentoring_plan", pk=placement.pk)
    return render(
        request,
        "mentoring/plans/goals_from_intake.html",
        {"placement": placement, "formset": formset, "intake": intake, "shared": shared},
        status=400 if request.method == "POST" else 200,
    )
