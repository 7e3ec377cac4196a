from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import PlannedSession


class PreparationForm(forms.ModelForm):
    class Meta:
        model = PlannedSession
        fields = ["prep_questions", "prep_went_well"]
        widgets = {
            "prep_questions": forms.Textarea(attrs={"rows": 4}),
            "prep_went_well": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "prep_questions": _("What would you like to talk about or ask your mentor?"),
            "prep_went_well": _("What went well since the last session? What are you proud of?"),
        }
