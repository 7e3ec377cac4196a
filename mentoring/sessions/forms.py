from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.selectors import people_with_role
from core.attachments import MAX_FILES, allowed_extensions_text, validate_attachment
from core.widgets import DateInput, DateTimeLocalInput
from placements.forms import PersonChoiceField

from ..models import ActionItem, CoachingSession, LearningGoal, PlannedSession


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class SessionForm(forms.ModelForm):
    """Built for speed: sensible defaults, everything on one screen, only what was done is required."""

    goals = GoalChoiceField(
        label=_("Goals addressed"),
        queryset=LearningGoal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    completed_items = forms.ModelMultipleChoiceField(
        label=_("Open agreements that are now done"),
        queryset=ActionItem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    private_note = forms.CharField(
        label=_("Private note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only you will ever see this note."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
    )
    planned = forms.ModelChoiceField(
        label=_("Planned session"),
        queryset=PlannedSession.objects.none(),
        required=False,
        help_text=_("The planned session of the schedule this session fulfils."),
    )

    class Meta:
        model = CoachingSession
        fields = [
            "date",
            "duration_minutes",
            "form",
            "coached_by",
            "goals",
            "activities",
            "went_well",
            "to_improve",
            "next_session_on",
        ]
        field_classes = {"coached_by": PersonChoiceField}
        widgets = {
            "date": DateInput(),
            "next_session_on": DateTimeLocalInput(),
            "activities": forms.Textarea(attrs={"rows": 3}),
            "went_well": forms.Textarea(attrs={"rows": 2}),
            "to_improve": forms.Textarea(attrs={"rows": 2}),
            "duration_minutes": forms.NumberInput(attrs={"step": 5, "min": 5, "max": 600}),
        }

    def __init__(self, *args, placement, goals, open_items, planned_sessions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement
        if planned_sessions is None:
            del self.fields["planned"]
        else:
            self.fields["planned"].queryset = planned_sessions
            self.fields["planned"].label_from_instance = lambda planned: date_format(planned.planned_on, "l j F Y")
        self.fields["goals"].queryset = goals
        self.fields["completed_items"].queryset = open_items
        self.fields["completed_items"].label_from_instance = lambda item: f"{item.description} ({item.owner})"
        self.fields["coached_by"].queryset = people_with_role(Role.MENTOR, companies=[placement.company_id])
        # Interpolated here, in the reader's language; at class level it would be English, fixed at import.
        self.fields["attachments"].help_text = _("Up to %(count)s files of at most 10 MB: %(types)s.") % {
            "count": MAX_FILES,
            "types": allowed_extensions_text(),
        }
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("duration_minutes", 30)
            self.initial.setdefault("coached_by", placement.mentor_id)
        self.uploads_checked = []

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise ValidationError(_("A session cannot be logged for a day that has not come yet."))
        if date < self.placement.start_date:
            raise ValidationError(
                _("The placement started on %(date)s; the session cannot be earlier.")
                % {"date": self.placement.start_date.strftime("%d-%m-%Y")}
            )
        return date

    def clean_next_session_on(self):
        planned = self.cleaned_data["next_session_on"]
        if planned is not None and planned < timezone.now():
            raise ValidationError(_("Plan the next session at a time that is still to come."))
        return planned

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Attach at most %(count)s files to one session.") % {"count": MAX_FILES})
        errors, checked = [], []
        for upload in files:
            try:
                checked.append((upload, validate_attachment(upload)))
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        self.uploads_checked = checked
        return files


class ActionItemForm(forms.ModelForm):
    """An agreement with an owner and a due date; a row left empty is not used (sessions and minutes alike)."""

    class Meta:
        model = ActionItem
        fields = ["description", "owner", "due_date"]
        field_classes = {"owner": PersonChoiceField}
        widgets = {"due_date": DateInput()}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
        for name in ("description", "owner", "due_date"):
            self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        if self.in_use(cleaned):
            for field in ("owner", "due_date"):
                if not cleaned.get(field):
                    self.add_error(field, _("An agreement needs an owner and a due date."))
        return cleaned

    def in_use(self, cleaned) -> bool:
        return bool(cleaned.get("description"))

    @property
    def item_data(self):
        if not self.cleaned_data.get("description"):
            return None
        return {key: self.cleaned_data[key] for key in ("description", "owner", "due_date")}


ActionItemFormSet = forms.modelformset_factory(ActionItem, form=ActionItemForm, extra=3, max_num=10, validate_max=True)


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("My reflection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What did you learn, what will you do differently next time?"),
    )


class TimelineFilterForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=LearningGoal.objects.none(), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args, goals, goals_total=0, goals_shown=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals
        self.fields["goal"].label_from_instance = lambda goal: goal.title
        if goals_total > goals_shown:
            self.fields["goal"].help_text = _(
                "The first %(shown)s of %(total)s goals of the coaching plan; "
                "each goal on the plan page links to its sessions."
            ) % {"shown": goals_shown, "total": goals_total}

    def filter(self, sessions):
        if not self.is_valid():
            return sessions
        if self.cleaned_data["goal"]:
            sessions = sessions.filter(goals=self.cleaned_data["goal"])
        if self.cleaned_data["date_from"]:
            sessions = sessions.filter(date__gte=self.cleaned_data["date_from"])
        if self.cleaned_data["date_to"]:
            sessions = sessions.filter(date__lte=self.cleaned_data["date_to"])
        return sessions
