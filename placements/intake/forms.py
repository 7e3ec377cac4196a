"""Forms of the intake, the workplace analysis and a candidate's preparation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from ..models import CandidatePreparation, Intake, WorkplaceAnalysis
from ..recruitment.forms import KeywordsField
from .services import INTAKE_FIELDS

MAX_TASKS = 40
MAX_TASK_LENGTH = 200


class IntakeForm(forms.ModelForm):
    possibilities = KeywordsField(
        label=_("Possibilities"),
        help_text=_(
            "What the learner can and likes to do, separated by commas, for example: baking, customer contact."
        ),
    )
    limitations = KeywordsField(
        label=_("Limitations"),
        help_text=_("What to avoid or adapt, separated by commas, for example: heavy lifting, night shifts."),
    )
    preferred_sectors = KeywordsField(
        label=_("Preferred sectors"), help_text=_("Keywords, separated by commas, for example: hospitality, care.")
    )

    class Meta:
        model = Intake
        fields = list(INTAKE_FIELDS)
        widgets = {
            "held_on": DateInput(),
            "wishes": forms.Textarea(attrs={"rows": 3}),
            "support_needs": forms.Textarea(attrs={"rows": 3}),
            "labour_market": forms.Textarea(attrs={"rows": 3}),
            "network": forms.Textarea(attrs={"rows": 2}),
            "learning_style": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "support_needs": _("One need per line: each becomes a draft goal of the coaching plan."),
            "network": _("Family, former employers or others the learner wants to involve."),
            "learning_style": _("How the learner learns best, and under which conditions."),
        }


class WorkplaceForm(forms.ModelForm):
    culture_notes = forms.CharField(
        label=_("Company culture"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Norms, values and unwritten rules a newcomer should know."),
    )

    class Meta:
        model = WorkplaceAnalysis
        fields = ["mission", "culture_notes", "way_of_working", "workplace_tasks", "carving_notes"]
        widgets = {
            "mission": forms.Textarea(attrs={"rows": 3}),
            "way_of_working": forms.Textarea(attrs={"rows": 3}),
            "workplace_tasks": forms.Textarea(attrs={"rows": 6}),
            "carving_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_workplace_tasks(self):
        lines = [line.strip() for line in self.cleaned_data["workplace_tasks"].splitlines() if line.strip()]
        if len(lines) > MAX_TASKS:
            raise forms.ValidationError(
                _("Give at most %(max)s tasks; this list has %(count)s.") % {"max": MAX_TASKS, "count": len(lines)}
            )
        if any(len(line) > MAX_TASK_LENGTH for line in lines):
            raise forms.ValidationError(
                _("Keep each task under %(max)s characters, one task per line.") % {"max": MAX_TASK_LENGTH}
            )
        return "\n".join(lines)


class CarvingForm(forms.ModelForm):
    """Which of the workplace's tasks fit this candidate; the choices are the tasks as they are now."""

    fitting_tasks = forms.MultipleChoiceField(
        label=_("Tasks that fit"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = CandidatePreparation
        fields = ["fitting_tasks", "carving_notes"]
        widgets = {"carving_notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"carving_notes": _("Adaptations, tasks to split off or combine, room to grow.")}

    def __init__(self, *args, tasks: list[str], **kwargs):
        super().__init__(*args, prefix="carving", **kwargs)
        self.fields["fitting_tasks"].choices = [(task, task) for task in tasks]


class InterviewForm(forms.ModelForm):
    class Meta:
        model = CandidatePreparation
        fields = ["interview_notes"]
        widgets = {"interview_notes": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "interview_notes": _(
                "Prepared with the learner: how they present themselves, questions to expect and to ask. "
                "The company does not see these notes."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="interview", **kwargs)
