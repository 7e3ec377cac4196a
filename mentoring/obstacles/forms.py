from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.django_strings import EMPTY_CHOICE
from core.widgets import DateInput

from ..models import Incident, Obstacle
from .services import incident_date_validate


def _capitalised(choices):
    return [(value, capfirst(label)) for value, label in choices]


class ObstacleForm(forms.ModelForm):
    """Add an obstacle (always open at first) or edit one, including its status."""

    class Meta:
        model = Obstacle
        fields = ["side", "description", "how_to_overcome", "support_needed", "status"]
        widgets = {
            "side": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "how_to_overcome": forms.Textarea(attrs={"rows": 3}),
            "support_needed": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "description": _("What stands in the way? Describe it as concretely as you can."),
            "how_to_overcome": _("What will you do about it, and who does what?"),
            "support_needed": _("Help you need from the company, the school or someone else."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["side"].choices = _capitalised(Obstacle.Side.choices)
        self.fields["status"].choices = _capitalised(Obstacle.Status.choices)
        if not self.instance.pk:
            del self.fields["status"]


class IncidentForm(forms.ModelForm):
    class Meta:
        model = Incident
        fields = ["category", "occurred_on", "description", "actions_taken"]
        widgets = {
            "category": forms.Select(attrs={"data-guidance-select": ""}),
            "occurred_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "actions_taken": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "description": _("Stick to the facts: who, what, when and where."),
        }

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement
        self.fields["category"].choices = [EMPTY_CHOICE, *_capitalised(Incident.Category.choices)]
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
