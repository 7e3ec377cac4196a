"""Forms of the mentor's growth; the services check the same rules again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from ..models import DevelopmentGoal, FeedbackRequest
from .profile import GROUP_TITLES, Profile
from .services import MAX_FEEDBACK_ITEMS


def _item_choices(profile: Profile, groups=None) -> list:
    """Choices grouped under the profile's headings (an <optgroup> per group)."""
    choices = []
    for group, title in GROUP_TITLES.items():
        if groups and group not in groups:
            continue
        items = profile.group(group)
        if items:
            choices.append((title, [(item.key, item.label) for item in items]))
    return choices


class PlanForm(forms.Form):
    ambition = forms.CharField(
        label=_("Where I want to grow"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In a few sentences: the kind of work mentor you want to be, and what you want to learn next."),
    )


class GoalForm(forms.ModelForm):
    class Meta:
        model = DevelopmentGoal
        fields = ["profile_item", "goal", "actions", "due_on", "status"]
        widgets = {"due_on": DateInput(), "actions": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"goal": _("What you want to be able to do, as concretely as you can.")}

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile_item"] = forms.ChoiceField(label=_("Competency"), choices=_item_choices(profile))
        if not self.instance.pk:
            del self.fields["status"]


def _score_field(item, *, required: bool) -> forms.TypedChoiceField:
    choices = [(value, str(value)) for value in range(1, item.scale + 1)]
    if not required:
        choices = [("", _("cannot say")), *choices]
    return forms.TypedChoiceField(
        label=item.label,
        help_text=item.description,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect(attrs={"class": "score"}),
    )


class SelfAssessmentForm(forms.Form):
    """A score for every item of the profile: 1-5 for competencies and team roles, 1-10 for the Big Five."""

    reflection = forms.CharField(
        label=_("Reflection"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What stands out, and what you want to work on."),
    )

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        for item in profile.items:
            self.fields[f"score_{item.key}"] = _score_field(item, required=True)
        self.order_fields([*(f"score_{item.key}" for item in profile.items), "reflection"])

    def scores(self) -> dict:
        return {item.key: self.cleaned_data.get(f"score_{item.key}") for item in self.profile.items}

    def groups(self):
        """(heading, [bound fields]) per group, for the page's fieldsets."""
        result = []
        for group, title in GROUP_TITLES.items():
            fields = [self[f"score_{item.key}"] for item in self.profile.group(group)]
            if fields:
                result.append((title, group, fields))
        return result


class FeedbackRequestForm(forms.ModelForm):
    items = forms.MultipleChoiceField(
        label=_("Competencies to ask about"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = FeedbackRequest
        fields = ["name", "email", "relation", "items", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"message": _("Optional: a personal note or a specific question, sent in the e-mail.")}

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(item.key, item.label) for item in profile.competencies]
        self.fields["items"].help_text = _("Choose up to %(max)s, for example those of your development goals.") % {
            "max": MAX_FEEDBACK_ITEMS
        }

    def clean_items(self):
        items = self.cleaned_data["items"]
        if len(items) > MAX_FEEDBACK_ITEMS:
            raise forms.ValidationError(_("Choose between 1 and %(max)s competencies.") % {"max": MAX_FEEDBACK_ITEMS})
        return items


class FeedbackAnswerForm(forms.Form):
    """The short form behind the signed link: a score per asked competency (or "cannot say") and a comment."""

    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What goes well, and what could this work mentor do better?"),
    )

    def __init__(self, *args, profile: Profile, request: FeedbackRequest, **kwargs):
        super().__init__(*args, **kwargs)
        items = profile.by_key()
        self.keys = [key for key in request.items if key in items]
        for key in self.keys:
            self.fields[f"score_{key}"] = _score_field(items[key], required=False)
        self.order_fields([*(f"score_{key}" for key in self.keys), "comment"])

    def scores(self) -> dict:
        return {key: self.cleaned_data.get(f"score_{key}") for key in self.keys}
