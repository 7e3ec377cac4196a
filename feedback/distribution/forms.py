from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import School

from ..models import DistributionRule, FeedbackSettings, Question, QuestionnaireVersion

AGREEMENT = [
    (1, _("strongly disagree")),
    (2, _("disagree")),
    (3, _("neither agree nor disagree")),
    (4, _("agree")),
    (5, _("strongly agree")),
]


WRONG_MOMENT = _(
    "A course questionnaire is sent after a course, a placement questionnaire during or after a placement."
)


class SurveyForm(forms.Form):
    """One field per question of the version: a scale, a score, a choice or a text."""

    def __init__(self, *args, version: QuestionnaireVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(version.questions.order_by("position", "pk"))
        for question in self.questions:
            self.fields[f"q{question.pk}"] = self._field(question)

    @staticmethod
    def _field(question: Question):
        common = {"label": question.text, "required": question.required}
        if question.kind == Question.Kind.TEXT:
            return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, **common)
        if question.kind == Question.Kind.AGREEMENT:
            choices = AGREEMENT
        elif question.kind == Question.Kind.SCORE:
            choices = [(value, str(value)) for value in range(11)]
        else:
            choices = list(enumerate(question.choices))
        return forms.TypedChoiceField(choices=choices, coerce=int, widget=forms.RadioSelect, empty_value=None, **common)

    def answers(self) -> dict[int, object]:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}") for question in self.questions}


class RuleForm(forms.ModelForm):
    class Meta:
        model = DistributionRule
        fields = ["school", "questionnaire", "moment", "days", "is_active"]

    def __init__(self, *args, schools, questionnaires, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["school"].empty_label = None
        self.fields["questionnaire"].queryset = questionnaires
        self.fields["questionnaire"].label_from_instance = lambda q: f"{q.title} ({q.school or _('Werkmentor')})"

    def clean(self):
        data = super().clean()
        questionnaire, school, moment = data.get("questionnaire"), data.get("school"), data.get("moment")
        if questionnaire and school and questionnaire.school_id not in (None, school.pk):
            self.add_error(
                "questionnaire", _("Choose a questionnaire of this school or one that comes with Werkmentor.")
            )
        if questionnaire and moment:
            about_course = moment == DistributionRule.Moment.AFTER_COURSE
            if about_course != (questionnaire.purpose in ("course_after", "course_effect")):
                self.add_error("moment", WRONG_MOMENT)
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = FeedbackSettings
        fields = ["min_group_size", "reminder_after_days"]


class SchoolChoiceForm(forms.Form):
    school = forms.ModelChoiceField(queryset=School.objects.none(), label=_("School"), empty_label=None)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
