from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from ..models import EmployerReview


class EmployerReviewForm(forms.ModelForm):
    class Meta:
        model = EmployerReview
        fields = ["held_on", "went_well", "would_change", "would_host_again"]
        widgets = {
            "held_on": DateInput(),
            "went_well": forms.Textarea(attrs={"rows": 3}),
            "would_change": forms.Textarea(attrs={"rows": 3}),
            "would_host_again": forms.RadioSelect,
        }


class LetterForm(forms.Form):
    body = forms.CharField(
        label=_("Letter"),
        widget=forms.Textarea(attrs={"rows": 16}),
        max_length=20000,
        help_text=_("Drafted from the placement's record. Paragraphs are separated by an empty line."),
    )
