"""The accreditation form, and the confirmation of a merge."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Company
from core.widgets import DateInput

# Statuses that a coordinator must explain: the company, the learners and the next coordinator ask why.
NEEDS_REASON = (Company.Accreditation.SUSPENDED, Company.Accreditation.NOT_ACCREDITED)
# Typed with spaces, dots or dashes as it is written on the letter; kept as digits only.
RECOGNITION_SEPARATORS = re.compile(r"[\s.\-]+")
RECOGNITION_NUMBER = re.compile(r"^\d{4,12}$")


class AccreditationForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = [
            "accreditation_status",
            "accreditation_reason",
            "recognition_number",
            "accredited_on",
            "accreditation_valid_until",
        ]
        labels = {
            "accreditation_status": _("Status"),
            "accreditation_reason": _("Reason"),
            "accredited_on": _("Valid from"),
            "accreditation_valid_until": _("Valid until"),
        }
        help_texts = {
            "accreditation_reason": _("Required when the accreditation is suspended or refused."),
            "accredited_on": _("Required for an accredited company."),
            "accreditation_valid_until": _("Empty when the recognition has no end date."),
        }
        widgets = {
            "accreditation_reason": forms.Textarea(attrs={"rows": 3}),
            "accredited_on": DateInput(),
            "accreditation_valid_until": DateInput(),
        }

    def clean_accreditation_reason(self):
        return (self.cleaned_data.get("accreditation_reason") or "").strip()

    def clean_recognition_number(self):
        number = RECOGNITION_SEPARATORS.sub("", self.cleaned_data.get("recognition_number") or "")
        if number and not RECOGNITION_NUMBER.match(number):
            raise forms.ValidationError(_("A recognition number has 4 to 12 digits."), code="invalid")
        return number

    def clean(self):
        data = super().clean()
        status = data.get("accreditation_status")
        if status in NEEDS_REASON and not data.get("accreditation_reason") and "accreditation_reason" in data:
            self.add_error(
                "accreditation_reason", _("Say why the accreditation is suspended or refused: the reason is shown.")
            )
        if status == Company.Accreditation.ACCREDITED and "accredited_on" in data and not data.get("accredited_on"):
            self.add_error("accredited_on", _("An accredited company needs the date its accreditation starts."))
        start, end = data.get("accredited_on"), data.get("accreditation_valid_until")
        if start and end and end < start:
            message = _("The accreditation cannot end before it starts (valid until ≥ valid from).")
            self.add_error("accreditation_valid_until", message)
        return data


class MergeForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked that these are the same company, and that the other record may be removed."),
        error_messages={"required": _("Tick the box to confirm the merge.")},
    )
