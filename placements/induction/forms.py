from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.django_strings import EMPTY_CHOICE

from ..models import InductionItem, InductionTemplate, InductionTemplateItem, Section


class TemplateForm(forms.ModelForm):
    """Name a template; a new one can start from the standard items, and from a company the person manages."""

    company = forms.ModelChoiceField(label=_("Company"), queryset=None)
    with_standard_items = forms.BooleanField(
        label=_("Start from the standard items"),
        required=False,
        initial=True,
        help_text=_("Suggested items for all seven sections, to adapt to your company. Leave unticked to start empty."),
    )

    class Meta:
        model = InductionTemplate
        fields = ["name"]
        help_texts = {"name": _("For example: induction for kitchen staff.")}

    field_order = ["company", "name", "with_standard_items"]

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = capfirst(self.fields["name"].label)
        if self.instance.pk:
            del self.fields["company"]
            del self.fields["with_standard_items"]
            return
        self.fields["company"].queryset = companies
        # Most company admins run one company: then there is nothing to choose.
        if len(companies) == 1:
            self.fields["company"].initial = companies[0]
            self.fields["company"].widget = forms.HiddenInput()


class ItemForm(forms.ModelForm):
    """One item of a template or of a checklist: the same fields, with the sections in their fixed order."""

    class Meta:
        fields = ["section", "title", "description", "responsible", "due_day"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [EMPTY_CHOICE] + [(value, capfirst(label)) for value, label in Section.choices]
        self.fields["due_day"].widget.attrs["min"] = 1
        for name in self.fields:
            self.fields[name].label = capfirst(self.fields[name].label)

    def clean_due_day(self):
        due_day = self.cleaned_data["due_day"]
        if due_day is not None and due_day < 1:
            raise forms.ValidationError(_("Day 1 is the first day of the placement."))
        return due_day


class TemplateItemForm(ItemForm):
    class Meta(ItemForm.Meta):
        model = InductionTemplateItem


class ChecklistItemForm(ItemForm):
    class Meta(ItemForm.Meta):
        model = InductionItem


class ChecklistCreateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Start from"),
        queryset=None,
        required=False,
        empty_label=_("an empty checklist"),
    )

    def __init__(self, *args, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        self.fields["template"].initial = next((t for t in templates if t.is_default), None)
