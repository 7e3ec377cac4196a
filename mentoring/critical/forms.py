from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.django_strings import EMPTY_CHOICE
from core.widgets import DateInput

from ..models import CriticalSituation
from ..obstacles.services import incident_date_validate


class CriticalSituationForm(forms.ModelForm):
    class Meta:
        model = CriticalSituation
        fields = ["category", "occurred_on", "description"]
        widgets = {
            "category": forms.Select(attrs={"data-guidance-select": ""}),
            "occurred_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"description": _("What happened, and what makes it difficult for you as a coach?")}

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement
        self.fields["category"].choices = [EMPTY_CHOICE, *CriticalSituation.Category.choices]
        self.fields["occurred_on"].widget.attrs.update(
            min=placement.start_date.isoformat(), max=timezone.localdate().isoformat()
        )
        self.fields["occurred_on"].initial = timezone.localdate()

    def clean_occurred_on(self):
        occurred_on = self.cleaned_data["occurred_on"]
        try:
            incident_date_validate(placement=self.placement, occurred_on=occurred_on)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["occurred_on"]) from None
        return occurred_on


class SupportRequestForm(forms.Form):
    question = forms.CharField(
        label=_("What support would you like from the school?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
