from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.attachments import MAX_BYTES, allowed_extensions_text, validate_attachment
from mentoring.models import CoachingSession

from ..models import Competency, Indicator
from ..plans.forms import IndicatorChoiceField, indicator_groups


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        activities = obj.activities if len(obj.activities) <= 60 else f"{obj.activities[:60]}…"
        return f"{obj.date:%d-%m-%Y} · {obj.get_form_display()} · {activities}"


class EvidenceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was done, and what it shows."),
    )
    file = forms.FileField(label=_("File"), required=False, widget=forms.FileInput)
    sessions = SessionChoiceField(
        label=_("Coaching sessions"),
        queryset=CoachingSession.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Logged sessions in which this was seen or discussed."),
    )
    indicators = IndicatorChoiceField(
        label=_("Indicators this evidence supports"),
        queryset=Indicator.objects.none(),
        error_messages={"required": _("Tag the evidence with at least one indicator of the plan.")},
    )

    def __init__(self, *args, sessions, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = sessions
        self.fields["indicators"].queryset = indicators
        self.fields["file"].help_text = gettext("Optional, at most %(size)s: %(types)s.") % {
            "size": filesizeformat(MAX_BYTES),
            "types": allowed_extensions_text(),
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload:
            validate_attachment(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text", "").strip() or cleaned.get("file") or cleaned.get("sessions") or self.errors):
            raise forms.ValidationError(_("Add a description, a file or a coaching session: something that shows it."))
        return cleaned

    def indicator_groups(self):
        return indicator_groups(self["indicators"], self.fields["indicators"].queryset)


class CodedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class EvidenceFilterForm(forms.Form):
    competency = CodedChoiceField(label=_("Competency"), queryset=Competency.objects.none(), required=False)
    indicator = CodedChoiceField(label=_("Indicator"), queryset=Indicator.objects.none(), required=False)

    def __init__(self, *args, competencies, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = competencies
        self.fields["indicator"].queryset = indicators

    def chosen(self) -> dict:
        """The valid filters, by name; an unknown value is shown as an error and not applied."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data[name] for name in ("competency", "indicator") if self.cleaned_data.get(name)}
