from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.selectors import people_with_role
from core.widgets import DateInput

from ..forms import PersonChoiceField
from ..models import SCORE_MAX, SCORE_MIN, Candidate, Opening, Programme, ScoreSheet, SelectionCriterion
from .selectors import SCORE_LABELS
from .services import Appointment, Entry

SCORE_CHOICES = [
    (value, format_lazy("{} · {}", value, SCORE_LABELS[value])) for value in range(SCORE_MIN, SCORE_MAX + 1)
]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = SelectionCriterion
        fields = ["title", "questions"]
        widgets = {"questions": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "title": _("What you look for, for example: works carefully with food hygiene."),
            "questions": _("The questions you ask every candidate about this criterion, one per line."),
        }


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_full_name()} ({obj.email})"


class InterviewersForm(forms.Form):
    interviewers = PeopleChoiceField(
        label=_("Interviewers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Work mentors and company admins of the company who interview and score every candidate."),
    )

    def __init__(self, *args, opening: Opening, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].queryset = choices
        self.initial.setdefault("interviewers", list(opening.interviewers.values_list("pk", flat=True)))


class AnonymisedForm(forms.Form):
    anonymised_scoring = forms.BooleanField(
        label=_("Anonymised scoring"),
        required=False,
        help_text=_(
            "Interviewers see an alias instead of the name, and no e-mail, school or network, until they have "
            "submitted their own score sheet for the candidate."
        ),
    )


class ScoreSheetForm(forms.Form):
    """One score on the fixed scale and the evidence for it, per criterion of the opening."""

    def __init__(self, *args, criteria, sheet: ScoreSheet | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria: list[SelectionCriterion] = list(criteria)
        saved = {score.criterion_id: score for score in sheet.scores.all()} if sheet is not None else {}
        for criterion in self.criteria:
            score = saved.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=score.score if score else None,
            )
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label=_("Evidence"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("What the candidate said or did that supports the score."),
                initial=score.evidence if score else "",
            )

    def rows(self):
        return [(c, self[f"score_{c.pk}"], self[f"evidence_{c.pk}"]) for c in self.criteria]

    def entries(self) -> dict[int, Entry]:
        return {
            c.pk: Entry(self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"evidence_{c.pk}", ""))
            for c in self.criteria
        }


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Candidate.Status.RESERVE, _("Keep in reserve")),
            (Candidate.Status.REJECTED, _("Do not select")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you do not select the candidate. They read it in their e-mail: word it kindly."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Candidate.Status.REJECTED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for not selecting the candidate; they will read it."))
        return cleaned


class AppointForm(forms.Form):
    """The placement that appointing creates: the people around the learner, programme and period."""

    mentor = PersonChoiceField(label=_("Work mentor"), queryset=None)
    supervisor = PersonChoiceField(
        label=_("School supervisor"), queryset=None, help_text=_("A teacher of the learner's school.")
    )
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None)
    start_date = forms.DateField(label=_("Start date"), widget=DateInput())
    end_date = forms.DateField(label=_("End date"), widget=DateInput())
    hours_per_week = forms.IntegerField(label=_("Hours per week"), min_value=1, max_value=60)

    def __init__(self, *args, candidate: Candidate, school_id: int | None, programme: Programme | None, **kwargs):
        super().__init__(*args, **kwargs)
        opening = candidate.opening
        schools = [school_id] if school_id else []
        self.fields["mentor"].queryset = people_with_role(Role.MENTOR, companies=[opening.company_id])
        supervisors = people_with_role(Role.TEACHER, schools=schools)
        self.fields["supervisor"].queryset = supervisors
        self.fields["programme"].queryset = Programme.objects.filter(school_id__in=schools, is_active=True)
        self.initial.setdefault("start_date", opening.start_date)
        self.initial.setdefault("end_date", opening.end_date)
        self.initial.setdefault("hours_per_week", opening.hours_per_week)
        if programme is not None and programme.school_id == school_id:
            self.initial.setdefault("programme", programme.pk)
        if candidate.proposed_by_id and supervisors.filter(pk=candidate.proposed_by_id).exists():
            self.initial.setdefault("supervisor", candidate.proposed_by_id)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", ValidationError(_("The end date must be after the start date.")))
        return cleaned

    def appointment(self) -> Appointment:
        return Appointment(**{name: self.cleaned_data[name] for name in self.fields})
