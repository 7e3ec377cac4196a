"""Adding and editing a learner, and marking one as left."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from ..models import LearnerRecord, Programme


class LearnerForm(forms.Form):
    """A learner's name, e-mail address and record; the school is chosen only by someone at several schools."""

    school = forms.ModelChoiceField(label=_("School"), queryset=None, empty_label=None)
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100, help_text=_("With the prefix: “de Vries”."))
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    student_number = forms.CharField(label=_("Student number"), max_length=40)
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, required=False)
    cohort = forms.CharField(label=_("Cohort"), max_length=20, required=False, help_text=_("For example 2025-2026."))
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DateInput())
    guardian_name = forms.CharField(label=_("Parent or guardian"), max_length=200, required=False)
    guardian_email = forms.EmailField(label=_("E-mail of parent or guardian"), max_length=254, required=False)
    guardian_phone = forms.CharField(label=_("Phone of parent or guardian"), max_length=40, required=False)

    def __init__(self, *args, schools, record: LearnerRecord | None = None, **kwargs):
        if record is not None:
            kwargs.setdefault("initial", initial_for(record))
        super().__init__(*args, **kwargs)
        self.record = record
        if record is not None:
            schools = schools.filter(pk=record.school_id)
        self.fields["school"].queryset = schools
        self.only_school = schools.first() if len(schools) == 1 else None
        if self.only_school is not None:  # nothing to choose
            del self.fields["school"]
        programmes = Programme.objects.filter(school__in=schools).select_related("school")
        self.fields["programme"].queryset = programmes
        if self.only_school is None:
            self.fields["programme"].label_from_instance = lambda p: f"{p} · {p.school}"

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and not (timezone.localdate().year - 100 <= born.year and born <= timezone.localdate()):
            raise forms.ValidationError(_("Give the learner's real date of birth."))
        return born

    def clean(self):
        cleaned = super().clean()
        cleaned["school"] = cleaned.get("school") or self.only_school
        programme = cleaned.get("programme")
        if programme and cleaned["school"] and programme.school_id != cleaned["school"].pk:
            self.add_error("programme", _("Choose a programme of the learner's school."))
        return cleaned


class LearnerAddForm(LearnerForm):
    send_invitation = forms.BooleanField(
        label=_("Send an invitation e-mail"),
        required=False,
        initial=True,
        help_text=_("The learner gets a link to set a password. Without it, they sign in with the school's account."),
    )


def initial_for(record: LearnerRecord) -> dict:
    user = record.user
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "student_number": record.student_number,
        "programme": record.programme_id,
        "cohort": record.cohort,
        "date_of_birth": record.date_of_birth,
        "guardian_name": record.guardian_name,
        "guardian_email": record.guardian_email,
        "guardian_phone": record.guardian_phone,
    }


class LeftForm(forms.Form):
    left_on = forms.DateField(label=_("Left school on"), widget=DateInput())
