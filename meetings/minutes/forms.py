from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.widgets import DateTimeLocalInput
from mentoring.models import ActionItem, LearningGoal
from mentoring.sessions.forms import ActionItemForm

from ..models import Meeting, Minutes
from .services import Agreement


class MinutesForm(forms.Form):
    """The summary, one progress note per open learning goal, and when the next meeting is."""

    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was discussed: how the placement is going, what went well, what needs attention."),
    )
    next_meeting_at = forms.DateTimeField(
        label=_("Next meeting"),
        required=False,
        widget=DateTimeLocalInput(),
        help_text=_("Optional. Plan the meeting itself on the meetings page."),
    )

    def __init__(self, *args, meeting: Meeting, goals, minutes: Minutes | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.goals: list[LearningGoal] = list(goals)
        notes = {}
        if minutes is not None and minutes.pk:
            notes = {row.goal_id: row.note for row in minutes.goal_progress.all()}
            self.initial.setdefault("summary", minutes.summary)
            self.initial.setdefault("next_meeting_at", minutes.next_meeting_at)
        for goal in self.goals:
            self.fields[self.goal_field(goal)] = forms.CharField(
                label=goal.title,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=notes.get(goal.pk, ""),
            )

    @staticmethod
    def goal_field(goal: LearningGoal) -> str:
        return f"goal_{goal.pk}"

    def goal_fields(self):
        return [self[self.goal_field(goal)] for goal in self.goals]

    def clean_next_meeting_at(self):
        value = self.cleaned_data["next_meeting_at"]
        if value is not None and value <= self.meeting.starts_at:
            raise ValidationError(_("The next meeting must be after this one."))
        return value

    def progress(self) -> dict[LearningGoal, str]:
        return {goal: self.cleaned_data.get(self.goal_field(goal), "") for goal in self.goals}


class AgreementForm(ActionItemForm):
    """An agreement of the minutes: as in a coaching session, and an existing one can be changed or removed."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("id") is not None and not self.instance.pk:
            # Django would quietly treat an id from outside the formset's queryset as a new row.
            raise ValidationError(_("That agreement belongs to another meeting."))
        if self.instance.pk and not cleaned.get("DELETE") and not cleaned.get("description"):
            self.add_error("description", _("Describe the agreement, or tick “Remove”."))
        return cleaned

    def in_use(self, cleaned) -> bool:
        return not cleaned.get("DELETE") and super().in_use(cleaned)

    def agreement(self) -> Agreement | None:
        """What the service should do with this row, or None for an empty new row."""
        data = self.cleaned_data
        existing = self.instance if self.instance.pk else None
        if existing is None and (data.get("DELETE") or not data.get("description")):
            return None
        return Agreement(
            item=existing,
            description=data.get("description", ""),
            owner=data.get("owner"),
            due_date=data.get("due_date"),
            delete=bool(data.get("DELETE")),
        )


AgreementFormSet = forms.modelformset_factory(
    ActionItem, form=AgreementForm, extra=2, max_num=20, validate_max=True, can_delete=True
)


def agreements_formset(data, *, people, queryset) -> forms.BaseModelFormSet:
    formset = AgreementFormSet(data, queryset=queryset, prefix="agreements", form_kwargs={"people": people})
    for form in formset.forms:
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")
    return formset
