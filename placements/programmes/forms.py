"""Adding or changing a programme: the name is unique within its school (a form error, not a database error)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Programme


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["school", "name", "code", "level", "required_hours", "is_active"]

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].empty_label = None
        if self.instance.pk:
            # A programme stays at its school: its learners and placements belong there.
            del self.fields["school"]
        elif schools.count() == 1:
            self.fields["school"].initial = schools.first()
            self.fields["school"].widget = forms.HiddenInput()
        self.fields["required_hours"].max_value = 10_000
        self.fields["required_hours"].validators.append(_max_hours)
        self.fields["code"].validators.append(_crebo_digits)

    def clean(self):
        data = super().clean()
        school = data.get("school") or (self.instance.school if self.instance.pk else None)
        name = (data.get("name") or "").strip()
        if school and name:
            same = Programme.objects.filter(school=school, name__iexact=name).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("name", _("The school already has a programme with this name."))
        return data


def _max_hours(value):
    if value is not None and value > 10_000:
        raise forms.ValidationError(_("At most 10,000 hours."))


def _crebo_digits(value):
    if value and not value.strip().isdigit():
        raise forms.ValidationError(_("A qualification (CREBO) code holds digits only, for example 25180."))
