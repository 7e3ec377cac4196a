from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import MentoringAgreement
from .defaults import MENTOR_HELPS_WITH


class AgreementForm(forms.ModelForm):
    mentor_helps_with = forms.MultipleChoiceField(
        label=_("The mentor helps the learner with"),
        choices=MENTOR_HELPS_WITH,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = MentoringAgreement
        fields = ["mentor_will", "mentor_will_not", "learner_will", "learner_will_not", "mentor_helps_with"]
        widgets = {field: forms.Textarea(attrs={"rows": 3}) for field in fields[:4]}
