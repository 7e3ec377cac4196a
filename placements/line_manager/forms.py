from django import forms

from ..models import Placement


class LineManagerForm(forms.ModelForm):
    class Meta:
        model = Placement
        fields = ["mentor_is_line_manager"]
