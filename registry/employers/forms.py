"""Input of the employer pages: the teacher's invitation, the contact's list of employees, a nomination."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from accounts.models import Company

from ..models import Course

MAX_EMPLOYEES = 50
# "Sanne Bakker, sanne@bakkerij.nl", "Sanne Bakker <sanne@bakkerij.nl>" or "Sanne Bakker; sanne@...": the address
# is the last word, the name what comes before it.
_LINE = re.compile(r"^(?P<name>.*?)[\s,;<]*(?P<email>[^\s,;<>]+@[^\s,;<>]+)>?\s*$")


class EmployerInvitationForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Employer"), queryset=Company.objects.none())
    contact_name = forms.CharField(label=_("Contact's name"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact's e-mail address"))
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES, initial="nl")
    message = forms.CharField(
        label=_("Personal message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added to the e-mail, for example why this course suits their people."),
    )

    def __init__(self, *args, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        companies = Company.objects.order_by("name", "pk")
        if course.closed_for_id:  # a closed group: only its own company
            companies = companies.filter(pk=course.closed_for_id)
            self.fields["company"].initial = course.closed_for_id
        self.fields["company"].queryset = companies


class EmployeesForm(forms.Form):
    employees = forms.CharField(
        label=_("Employees"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text=_("One person per line: name and e-mail address, for example “Sanne Bakker, sanne@bakkerij.nl”."),
    )

    def clean_employees(self) -> list[dict]:
        people, errors = [], []
        for number, line in enumerate(self.cleaned_data["employees"].splitlines(), start=1):
            if not line.strip():
                continue
            match = _LINE.match(line.strip())
            name = match and match["name"].strip(" ,;<\t")
            try:
                if not match or not name:
                    raise ValidationError("")
                validate_email(match["email"])
                if len(match["email"]) > 254:
                    raise ValidationError("")
            except ValidationError:
                errors.append(
                    _("Line %(number)s: give a name and an e-mail address (“%(line)s”).")
                    % {"number": number, "line": line.strip()[:80]}
                )
                continue
            first, _sep, last = name.partition(" ")
            people.append({"first_name": first[:100], "last_name": last.strip()[:100], "email": match["email"]})
        if errors:
            raise ValidationError(errors)
        if not people:
            raise ValidationError(_("Name at least one employee."))
        if len(people) > MAX_EMPLOYEES:
            raise ValidationError(_("At most %(max)s people at a time.") % {"max": MAX_EMPLOYEES})
        return people


class NominationForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
