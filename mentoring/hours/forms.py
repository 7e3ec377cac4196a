from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput, TimeInput
from placements.models import Placement

from ..models import HoursEntry
from .services import EDITABLE_FIELDS, hours_entry_validate, hours_period_end


class HoursEntryForm(forms.ModelForm):
    """Record or correct one day's hours; the service's rules show up as messages on the fields."""

    class Meta:
        model = HoursEntry
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "description": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
        }
        help_texts = {"description": _("In a few words, for your work mentor.")}

    def __init__(self, *args, placement: Placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement
        self.fields["break_minutes"].widget.attrs.update(min=0, step=5)
        last_day = min(hours_period_end(placement), timezone.localdate())
        self.fields["date"].widget.attrs.update(min=placement.start_date.isoformat(), max=last_day.isoformat())

    def clean(self):
        cleaned = super().clean()
        # Minutes are the unit of the totals; seconds a browser might send would only confuse overlap checks.
        for field in ("start_time", "end_time"):
            if cleaned.get(field):
                cleaned[field] = cleaned[field].replace(second=0, microsecond=0)
        if self.errors:
            return cleaned
        candidate = HoursEntry(pk=self.instance.pk, placement=self.placement)
        for field in EDITABLE_FIELDS:
            setattr(candidate, field, cleaned.get(field))
        try:
            hours_entry_validate(candidate)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned


class HoursDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    reason = forms.CharField(
        label=_("Reason for rejecting"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the hours are rejected, so the learner can correct them."))
        return cleaned


class HoursApproveAllForm(forms.Form):
    up_to = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


def _month_choices(placement: Placement) -> list[tuple[str, str]]:
    """The months of the placement up to now, newest first, as ("2025-03", "March 2025")."""
    last = min(hours_period_end(placement), timezone.localdate())
    month = date(last.year, last.month, 1)
    first = date(placement.start_date.year, placement.start_date.month, 1)
    choices = []
    while month >= first:
        choices.append((month.strftime("%Y-%m"), date_format(month, "YEAR_MONTH_FORMAT")))
        month = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
    return choices


class HoursFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    month = forms.ChoiceField(label=_("Month"), required=False)

    def __init__(self, *args, placement: Placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses"))] + [
            (value, capfirst(label)) for value, label in HoursEntry.Status.choices
        ]
        self.fields["month"].choices = [("", _("All months")), *_month_choices(placement)]

    def clean_month(self) -> date | None:
        value = self.cleaned_data["month"]
        if not value:
            return None
        year, month = value.split("-")
        return date(int(year), int(month), 1)
