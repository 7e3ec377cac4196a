from django import forms

from ..models import HealthSettings


class HealthSettingsForm(forms.ModelForm):
    class Meta:
        model = HealthSettings
        fields = list(HealthSettings.THRESHOLDS)
