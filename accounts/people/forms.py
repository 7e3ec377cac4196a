"""Forms of the people pages: searching, inviting someone, their roles, a company's and a school's details."""

import re

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..invitations.models import LANGUAGE_CHOICES
from ..models import Company, School
from .models import CompanyLocation
from .selectors import Org

STATUS_CHOICES = [("", _("Everyone")), ("active", _("Active")), ("left", _("Left"))]


def _role_choices(roles) -> list[tuple[str, str]]:
    return [(role.value, role.label) for role in roles]


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    role = forms.ChoiceField(label=_("Role"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, org: Org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("All roles")), *_role_choices(org.all_roles)]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    role = forms.ChoiceField(label=_("Role"))
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=LANGUAGE_CHOICES,
        help_text=_("The invitation and the account use this language; the person can change it later."),
    )

    def __init__(self, *args, org: Org, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the organisation's own roles (a company admin cannot make anyone a coordinator), or fewer.
        self.fields["role"].choices = _role_choices(org.managed_roles if roles is None else roles)
        self.fields["language"].initial = (get_language() or "en")[:2]


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(label=_("Roles"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, org: Org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = _role_choices(org.managed_roles)
        self.fields["roles"].error_messages["required"] = _(
            "Choose at least one role. Someone who leaves is deactivated instead."
        )


KVK_NUMBER = re.compile(r"^\d{8}$")


class CompanyForm(forms.ModelForm):
    """A company's profile. The accreditation is edited in the register, not here."""

    class Meta:
        model = Company
        fields = ["name", "sector", "address", "postcode", "city", "country", "registration_number", "email", "phone"]
        fields += ["website"]
        labels = {"registration_number": _("KvK number (Chamber of Commerce)")}
        help_texts = {
            "registration_number": _("Eight digits for a company in the Netherlands; abroad, the local number.")
        }

    def clean_registration_number(self):
        # Spaces and dots are how people copy the number from a letter; the register stores the digits.
        return re.sub(r"[\s.]", "", self.cleaned_data.get("registration_number", ""))

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("registration_number", "")
        if cleaned.get("country") == "NL" and number and not KVK_NUMBER.match(number):
            self.add_error("registration_number", _("A Dutch KvK number has exactly eight digits, e.g. 12345678."))
        return cleaned


class SchoolForm(forms.ModelForm):
    class Meta:
        model = School
        fields = ["name", "short_name", "address", "postcode", "city", "country", "email", "phone", "website"]


class CompanyLocationForm(forms.ModelForm):
    class Meta:
        model = CompanyLocation
        fields = ["name", "address", "postcode", "city", "country", "contact_name", "email", "phone"]

    def __init__(self, *args, company: Company, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.company = company

    def clean_name(self):
        # The company is not a field of the form, so the model's "one name per company" is checked here.
        name = self.cleaned_data["name"]
        if self.instance.company.locations.exclude(pk=self.instance.pk).filter(name=name).exists():
            raise forms.ValidationError(_("The company has a location with this name already."))
        return name


class CompanyNewForm(CompanyForm):
    """A new host company, as a coordinator or staff adds it; its first admin is invited next."""

    class Meta(CompanyForm.Meta):
        fields = ["name", "registration_number", "address", "postcode", "city", "country", "sector", "email", "phone"]

    def __init__(self, *args, schools=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicate = None  # the company registered with the same number, for the page to link to
        # A coordinator of several schools says which school adds the company (that school's coordinators edit it).
        if len(schools) > 1:
            self.fields["school"] = forms.ModelChoiceField(label=_("Added for school"), queryset=schools)

    def clean(self):
        cleaned = super().clean()
        number, country = cleaned.get("registration_number", ""), cleaned.get("country")
        if number and country and "registration_number" not in self.errors:
            self.duplicate = Company.objects.filter(country=country, registration_number=number).first()
            if self.duplicate is not None:
                self.add_error(
                    "registration_number",
                    _("%(name)s (%(city)s) is registered with this KvK number already.")
                    % {"name": self.duplicate.name, "city": self.duplicate.city},
                )
        return cleaned
