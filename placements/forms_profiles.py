"""The candidate profile form: the search and employee profile a learner makes, alone or with their school."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import School
from core.widgets import DateInput

from .forms_openings import KeywordsField, ProgrammeChoiceField
from .models import CandidateProfile, Programme
from .services_profiles import PROFILE_FIELDS


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
