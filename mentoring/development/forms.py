from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.attachments import allowed_extensions_text, validate_attachment
from core.widgets import DateInput

from ..models import DevelopmentActivity
from .services import (
    EDITABLE_FIELDS,
    HOURS_RANGE_MESSAGE,
    HOURS_STEP,
    HOURS_STEP_MESSAGE,
    MAX_HOURS,
    MIN_HOURS,
    development_rule_errors,
)

FIRST_YEAR = 1900
LAST_YEAR = 9999


class DevelopmentActivityForm(forms.ModelForm):
    """Add or change one activity of the mentor's own log; the services check the same rules again."""

    class Meta:
        model = DevelopmentActivity
        fields = list(EDITABLE_FIELDS)
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "title": _("For example the name of the course, the fair or the book."),
            "hours": _("In steps of half an hour, from 0.5 to 200."),
            "notes": _("What you learned, or what you will do differently."),
        }
        # The model field's generic digit messages would puzzle someone who typed 1.25 or 1000.
        error_messages = {
            "hours": {
                "max_decimal_places": HOURS_STEP_MESSAGE,
                "max_digits": HOURS_RANGE_MESSAGE,
                "max_whole_digits": HOURS_RANGE_MESSAGE,
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(value, capfirst(label)) for value, label in self.fields["kind"].choices]
        if not self.instance.pk:
            self.fields["date"].initial = timezone.localdate()
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["hours"].widget.attrs.update(step=str(HOURS_STEP), min=str(MIN_HOURS), max=str(MAX_HOURS))
        self.fields["proof"] = forms.FileField(
            label=_("Proof"),
            required=False,
            initial=self.instance.proof or None,
            widget=forms.ClearableFileInput if self.instance.proof else forms.FileInput,
            help_text=_("Optional: a certificate of attendance, a report or a photo (%(types)s).")
            % {"types": allowed_extensions_text()},
        )

    def clean_proof(self):
        upload = self.cleaned_data.get("proof")
        if upload and upload is not False and hasattr(upload, "size"):
            validate_attachment(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        errors = development_rule_errors(day=cleaned.get("date"), hours=cleaned.get("hours"))
        for field, messages in errors.items():
            if field not in self.errors:
                for message in messages:
                    self.add_error(field, message)
        return cleaned


class YearForm(forms.Form):
    """The year a page or export is about; absent means the current year."""

    year = forms.IntegerField(required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def year_or_current(self) -> int:
        """The chosen year, or the current year (Europe/Amsterdam) when none or an invalid one was given."""
        if self.is_valid() and self.cleaned_data["year"]:
            return self.cleaned_data["year"]
        return timezone.localdate().year
