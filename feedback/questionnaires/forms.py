from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Question


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["kind", "topic", "text_en", "text_nl", "choices_en", "choices_nl", "required", "position"]
        widgets = {"choices_en": forms.Textarea(attrs={"rows": 3}), "choices_nl": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if not (data.get("text_en") or "").strip() and not (data.get("text_nl") or "").strip():
            raise forms.ValidationError(_("Write the question in English, in Dutch or in both."))
        if data.get("kind") == Question.Kind.CHOICE:
            lines = [
                line
                for text in (data.get("choices_en") or "", data.get("choices_nl") or "")
                for line in text.splitlines()
                if line.strip()
            ]
            if len(lines) < 2:
                self.add_error("choices_en", _("A choice question needs at least two choices."))
        return data


class CopyForm(forms.Form):
    school = forms.ModelChoiceField(queryset=None, label=_("School"), empty_label=None)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
