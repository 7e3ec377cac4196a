from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from ..models import CoachingPlan, LearningGoal, Milestone
from ..models.choices import CoachingForm


class PlanForm(forms.ModelForm):
    coaching_forms = forms.MultipleChoiceField(
        label=_("Forms of coaching"),
        choices=CoachingForm.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CoachingPlan
        fields = ["coaching_frequency", "session_interval_weeks", "coaching_forms", "learning_style", "energisers"]
        widgets = {"learning_style": forms.Textarea(attrs={"rows": 3}), "energisers": forms.Textarea(attrs={"rows": 3})}


class GoalCompetencies:
    """Which competencies a learning goal may be linked to.

    The frameworks are the assessments app's business, and assessments builds on mentoring, not the other way
    round (docs/architecture.md): assessments provides the choices when it loads (AssessmentsConfig.ready).
    Without a provider the goal form has no competencies field.
    """

    def __init__(self):
        self._choices = None

    def provide(self, choices) -> None:
        self._choices = choices

    def __call__(self, placement, goal):
        return None if self._choices is None else self._choices(placement, goal=goal)


goal_competencies = GoalCompetencies()


class CompetencyChoiceField(forms.ModelMultipleChoiceField):
    """Competencies by code and title; with the framework's name when they come from more than one framework."""

    several_frameworks = False

    def label_from_instance(self, obj):
        label = f"{obj.code} {obj.title}".strip()
        return f"{label} ({obj.area.version.framework.title})" if self.several_frameworks else label


class GoalForm(forms.ModelForm):
    class Meta:
        model = LearningGoal
        fields = ["title", "success_measure", "target_date", "rationale", "competencies"]
        field_classes = {"competencies": CompetencyChoiceField}
        labels = {"competencies": _("Competencies")}
        widgets = {
            "competencies": forms.CheckboxSelectMultiple,
            "target_date": DateInput(),
            "success_measure": forms.Textarea(attrs={"rows": 2}),
            "rationale": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "title": _("Specific: what exactly, in one sentence."),
            "success_measure": _("Measurable: how you both will know it is reached."),
            "target_date": _("Time-bound: by when."),
            "rationale": _("Relevant: why this matters for the learner and the work."),
            "competencies": _("Which competencies of the assessment framework this goal works on."),
        }

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement
        competencies = goal_competencies(placement, self.instance if self.instance.pk else None)
        if competencies is None or not competencies.exists():
            del self.fields["competencies"]
            return
        field = self.fields["competencies"]
        field.queryset = competencies
        field.several_frameworks = competencies.order_by().values("area__version").distinct().count() > 1

    def clean_target_date(self):
        target = self.cleaned_data["target_date"]
        last_day = self.placement.end_date
        if target > last_day:
            raise forms.ValidationError(
                _("The target date must fall within the placement, which ends on %(date)s.")
                % {"date": last_day.strftime("%d-%m-%Y")}
            )
        return target


class GoalTrackingForm(forms.ModelForm):
    class Meta:
        model = LearningGoal
        fields = ["status", "progress", "next_review"]
        widgets = {"next_review": DateInput(), "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5})}


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_date"]
        widgets = {"due_date": DateInput()}


class PlanDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the plan")), ("changes", _("Ask for changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you ask for changes."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "changes" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say which changes you would like to see."))
        return cleaned
