from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..models import Area, Competency, Framework, Indicator, RatingLevel
from .selectors import framework_schools_for
from .services import TITLE_FIELDS

TITLE_HELP = _("Give the title in English, in Dutch, or both; the page shows the visitor's language when it can.")


class BilingualTitleForm(forms.ModelForm):
    """A form with title_en and title_nl, of which at least one is needed."""

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(field) for field in TITLE_FIELDS):
            raise ValidationError(_("Give a title in English, in Dutch, or both."))
        return cleaned

    def validate_constraints(self):
        """The service checks the constraints (unique codes and values) and words the message for people."""


class FrameworkForm(BilingualTitleForm):
    """A new framework of one of the user's schools, or the details of one that was never published."""

    class Meta:
        model = Framework
        fields = ["title_en", "title_nl", "code", "description", "purpose", "school"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "purpose": forms.RadioSelect}
        help_texts = {
            "title_en": TITLE_HELP,
            "code": _("A short name without spaces, unique within your school, for example “retail-level-2”."),
            "description": _("What the framework is for and where it comes from (qualification file, course)."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = [(v, capfirst(label)) for v, label in Framework.Purpose.choices]
        if self.instance.pk:
            del self.fields["school"]  # plans and clones hang on the school: it stays
            return
        schools = list(framework_schools_for(user))
        self.fields["school"].queryset = framework_schools_for(user)
        self.fields["school"].required = True
        self.fields["school"].help_text = ""
        if len(schools) == 1:
            self.fields["school"].initial = schools[0].pk
            self.fields["school"].widget = forms.HiddenInput()


class CloneForm(BilingualTitleForm):
    """The copy's name and code, and the school that gets it."""

    class Meta:
        model = Framework
        fields = ["title_en", "title_nl", "code", "school"]
        help_texts = {
            "title_en": TITLE_HELP,
            "code": _("A short name without spaces, unique within your school."),
        }

    def __init__(self, *args, user, source, **kwargs):
        initial = {
            "title_en": source.framework.title_en,
            "title_nl": source.framework.title_nl,
            "code": source.framework.code,
            **(kwargs.pop("initial", None) or {}),
        }
        super().__init__(*args, initial=initial, **kwargs)
        schools = list(framework_schools_for(user))
        self.fields["school"].queryset = framework_schools_for(user)
        self.fields["school"].required = True
        self.fields["school"].help_text = ""
        if len(schools) == 1:
            self.fields["school"].initial = schools[0].pk
            self.fields["school"].widget = forms.HiddenInput()


class PublishForm(forms.Form):
    change_note = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Optional; shown in the version history."),
    )


class AreaForm(BilingualTitleForm):
    class Meta:
        model = Area
        fields = ["code", *TITLE_FIELDS]
        help_texts = {"code": _("Optional, for example “B1-K1” or “1”."), "title_en": TITLE_HELP}


class CompetencyForm(BilingualTitleForm):
    class Meta:
        model = Competency
        fields = ["code", *TITLE_FIELDS, "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": _("Optional, for example “B1-K1-W2” or “1.2”."), "title_en": TITLE_HELP}


class IndicatorForm(BilingualTitleForm):
    class Meta:
        model = Indicator
        fields = ["code", *TITLE_FIELDS]
        labels = {"title_en": _("observable behaviour (English)"), "title_nl": _("observable behaviour (Dutch)")}
        help_texts = {
            "code": _("Optional, for example “1.2.3”."),
            "title_en": _("What the assessor can see the person do, for example “Greets customers by name”."),
        }


class RatingLevelForm(BilingualTitleForm):
    class Meta:
        model = RatingLevel
        fields = ["value", *TITLE_FIELDS, "is_passing"]
        help_texts = {
            "value": _("Its place on the scale: a higher value is a better rating."),
            "title_en": _("In plain words, for example “good”."),
            "is_passing": _("Tick this when a rating at this level means the standard is met."),
        }


ITEM_FORMS = {"level": RatingLevelForm, "area": AreaForm, "competency": CompetencyForm, "indicator": IndicatorForm}
