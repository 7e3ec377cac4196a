"""Forms for openings, applications and the candidate profile.

Keyword lists are normalised here, before any service sees them.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.countries import COUNTRIES
from accounts.lookups import PEOPLE
from accounts.models import Company, School, User
from core.combobox import use_combobox
from core.combobox_multiple import use_combobox_multiple
from core.widgets import DateInput

from ..models import CandidateProfile, Opening, Programme
from ..scopes import PROGRAMMES
from .matching import normalise_keywords
from .services import OPENING_FIELDS, PROFILE_FIELDS

MAX_KEYWORDS = 30
MAX_KEYWORD_LENGTH = 60
_SEPARATORS = re.compile(r"[,;\n]")


class KeywordsField(forms.CharField):
    """Comma-separated keywords in, a normalised list (trimmed, lower-case, no repeats) out."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Separate keywords with commas."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        text = super().to_python(value)
        return normalise_keywords(_SEPARATORS.split(text)) if text else []

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(value) > MAX_KEYWORDS:
            raise ValidationError(
                _("Give at most %(max)s keywords; this list has %(count)s.")
                % {"max": MAX_KEYWORDS, "count": len(value)}
            )
        too_long = [keyword for keyword in value if len(keyword) > MAX_KEYWORD_LENGTH]
        if too_long:
            raise ValidationError(
                _("Keep each keyword under %(max)s characters; separate keywords with commas: “%(keyword)s”.")
                % {"max": MAX_KEYWORD_LENGTH, "keyword": too_long[0][:40]}
            )

    def has_changed(self, initial, data):
        return normalise_keywords(initial or []) != self.to_python(data)


class ProgrammeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} · {obj.school.short_name or obj.school.name}"


class OpeningForm(forms.ModelForm):
    """The work profile of an opening. The company is chosen only when someone manages several."""

    company = forms.ModelChoiceField(label=_("Company"), queryset=Company.objects.none())
    required_skills = KeywordsField(
        label=_("Required competencies"),
        help_text=_("Keywords, separated by commas, for example: customer contact, hygiene, teamwork."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES, initial="NL")

    class Meta:
        model = Opening
        fields = ["company", *OPENING_FIELDS[:3], "programmes", *OPENING_FIELDS[3:]]
        widgets = {
            "tasks": forms.Textarea(attrs={"rows": 5}),
            "culture_notes": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }
        labels = {"city": _("City")}
        help_texts = {
            "programmes": _(
                "Learners of these programmes fit the opening. Type part of a name to add one; untick one to drop it."
            )
        }

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk or len(companies) == 1:
            del self.fields["company"]
            self.company = self.instance.company if self.instance.pk else companies[0]
        else:
            self.fields["company"].queryset = Company.objects.filter(pk__in=[company.pk for company in companies])
        # Every school's active programmes, and those the opening already names: searched, not listed.
        chosen = self.instance.programmes.all() if self.instance.pk else Programme.objects.none()
        field = self.fields["programmes"]
        field.queryset = Programme.objects.filter(Q(is_active=True) | Q(pk__in=chosen))
        use_combobox_multiple(field, lookup=PROGRAMMES, source="opening_lookup_programmes")

    def clean_tasks(self):
        tasks = [line.strip(" -•\t") for line in self.cleaned_data["tasks"].splitlines()]
        tasks = [task for task in tasks if task]
        if not tasks:
            raise ValidationError(_("Describe at least one task, one per line."))
        return "\n".join(tasks)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", _("The end date must be after the start date."))
        if "company" in self.fields and cleaned.get("company"):
            self.company = cleaned["company"]
        return cleaned


class ApplyForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("Why this opening, and what you bring to it."),
        error_messages={"required": _("Write a few sentences about why you want this placement.")},
    )


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name()} ({obj.email})"


class ProposeForm(forms.Form):
    learner = PersonChoice(label=_("Learner"), queryset=User.objects.none())
    note = forms.CharField(
        label=_("Why this learner fits (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, learners, **kwargs):
        super().__init__(*args, **kwargs)
        # Searched by name rather than listed: staff propose from every school's learners.
        self.fields["learner"].queryset = learners
        use_combobox(self.fields["learner"], lookup=PEOPLE, source="opening_lookup_learners")


class CandidateProfileForm(forms.ModelForm):
    """The school is asked only when the learner is enrolled at several; programmes are those of their schools."""

    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.none(), empty_label=None)
    programme = ProgrammeChoiceField(label=_("Programme"), queryset=Programme.objects.none(), required=False)
    qualities = KeywordsField(
        label=_("Qualities"), help_text=_("Keywords, separated by commas, for example: precise, friendly, baking.")
    )
    preferred_sectors = KeywordsField(
        label=_("Preferred sectors"), help_text=_("Keywords, separated by commas, for example: hospitality, care.")
    )
    preferred_locations = KeywordsField(
        label=_("Preferred locations"), help_text=_("City names, separated by commas, for example: Leiden, Delft.")
    )

    class Meta:
        model = CandidateProfile
        fields = ["school", *PROFILE_FIELDS]
        widgets = {
            "energisers": forms.Textarea(attrs={"rows": 3}),
            "points_of_attention": forms.Textarea(attrs={"rows": 3}),
            "preferences": forms.Textarea(attrs={"rows": 3}),
            "network": forms.Textarea(attrs={"rows": 3}),
            "available_from": DateInput(),
            "available_until": DateInput(),
        }
        help_texts = {
            "energisers": _("What makes the learner come alive at work: tasks, people, surroundings."),
            "points_of_attention": _("What the learner and the host company should keep in mind."),
            "preferences": _("Kind of work, team, working hours or anything else that matters."),
            "network": _("People who can help: family, former employers, clubs, contacts at companies."),
        }

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        schools = list(schools)
        self.fields["school"].queryset = School.objects.filter(pk__in=[school.pk for school in schools])
        if len(schools) == 1:
            del self.fields["school"]
            self.school = schools[0]
        elif self.instance.pk:
            self.fields["school"].initial = self.instance.school_id
        # An inactive programme stays on offer for a profile that already names it.
        offered = (
            Q(is_active=True) | Q(pk=self.instance.programme_id) if self.instance.programme_id else Q(is_active=True)
        )
        self.fields["programme"].queryset = (
            Programme.objects.filter(offered, school__in=[school.pk for school in schools])
            .select_related("school")
            .order_by("name")
        )

    def clean(self):
        cleaned = super().clean()
        if "school" in self.fields:
            self.school = cleaned.get("school")
        programme = cleaned.get("programme")
        if programme is not None and self.school is not None and programme.school_id != self.school.pk:
            self.add_error("programme", _("Choose a programme of the chosen school."))
        start, until = cleaned.get("available_from"), cleaned.get("available_until")
        if start and until and until <= start:
            self.add_error("available_until", _("“Available until” must be after “available from”."))
        return cleaned
