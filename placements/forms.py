from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.lookups import COMPANIES, PEOPLE
from accounts.models import Role
from accounts.selectors import people_with_role
from core.choice_keys import whole_number
from core.combobox import use_combobox
from core.widgets import DateInput

from .models import Placement
from .scopes import PROGRAMMES, PlacementFormScope
from .services import EDITABLE_FIELDS, placement_validate


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name()} ({obj.email})"


class PlacementForm(forms.ModelForm):
    """Create or edit a placement; the choices only offer people and schools the user may use."""

    class Meta:
        model = Placement
        fields = list(EDITABLE_FIELDS)
        field_classes = {"learner": PersonChoiceField, "mentor": PersonChoiceField, "supervisor": PersonChoiceField}
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        help_texts = {
            "mentor": _("The company employee who coaches the learner on the job."),
            "supervisor": _("The teacher who follows this placement for the school."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = PlacementFormScope(user)
        schools = scope.schools()
        self.fields["school"].queryset = schools
        if schools.count() == 1 and not self.instance.pk:
            self.fields["school"].initial = schools.first()
        # Companies, learners, teachers and programmes number thousands nationally: searched, not listed.
        self.fields["learner"].queryset = scope.learners()
        use_combobox(self.fields["learner"], lookup=PEOPLE, source="placement_lookup_learners")
        self.fields["supervisor"].queryset = scope.supervisors()
        use_combobox(self.fields["supervisor"], lookup=PEOPLE, source="placement_lookup_supervisors")
        self.fields["company"].queryset = scope.companies()
        # Choosing a company narrows the mentor list to its work mentors (htmx; the server checks it anyway).
        use_combobox(
            self.fields["company"],
            lookup=COMPANIES,
            source="placement_lookup_companies",
            value_attrs={
                "hx-get": reverse("placement_mentor_options"),
                "hx-target": "#id_mentor",
                "hx-trigger": "change",
            },
        )
        self._offer_mentors_of_the_company()
        self.fields["programme"].queryset = scope.programmes()
        use_combobox(self.fields["programme"], lookup=PROGRAMMES, source="placement_lookup_programmes")

    def _offer_mentors_of_the_company(self):
        """Any work mentor is accepted (placement_validate says when they work elsewhere), but only the chosen
        company's are offered: listing every work mentor in the country made the select thousands long."""
        field = self.fields["mentor"]
        field.queryset = people_with_role(Role.MENTOR)
        company = self["company"].data if self.is_bound else self.instance.company_id
        company_id = whole_number(str(company or ""))
        shown = people_with_role(Role.MENTOR, companies=[company_id]) if company_id else field.queryset.none()
        label = _("Choose the work mentor") if company_id else _("Choose the host company first")
        field.widget.choices = PersonChoiceField(queryset=shown, empty_label=label).choices

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        candidate = Placement(pk=self.instance.pk, status=self.instance.status)
        for field in EDITABLE_FIELDS:
            setattr(candidate, field, cleaned.get(field))
        try:
            placement_validate(candidate)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned


class PlacementStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), widget=forms.Select(attrs={"data-ended-early-toggle": ""}))
    ended_on = forms.DateField(label=_("Ended on"), required=False, widget=DateInput())
    end_reason = forms.CharField(
        label=_("Reason for ending early"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the placement ends early."),
    )

    def __init__(self, *args, allowed_statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(status.value, capfirst(status.label)) for status in allowed_statuses]
        self.fields["ended_on"].initial = timezone.localdate()
