from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.choice_keys import whole_number
from core.widgets import DateInput

from ..models import AssessmentMoment, FrameworkVersion, Indicator, Method
from .selectors import framework_versions_for_plan, indicators_of_version


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(framework)s, version %(number)s") % {"framework": obj.framework.title, "number": obj.number}


class IndicatorChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})

    def label_from_instance(self, obj):
        return obj.label


def indicator_groups(bound_field, indicators) -> list:
    """[(area, [(competency, [checkbox, ...]), ...]), ...] in framework order, to show a fieldset per competency.

    `indicators` is the field's queryset with competency and area loaded.
    """
    by_pk = {str(indicator.pk): indicator for indicator in indicators}
    areas: dict[int, tuple] = {}
    competencies: dict[int, tuple] = {}
    for box in bound_field:
        indicator = by_pk.get(str(box.data["value"]))
        if indicator is None:
            continue
        competency = indicator.competency
        if competency.pk not in competencies:
            area = areas.setdefault(competency.area_id, (competency.area, []))
            competencies[competency.pk] = (competency, [])
            area[1].append(competencies[competency.pk])
        competencies[competency.pk][1].append(box)
    return list(areas.values())


class AssessmentPlanForm(forms.Form):
    """The framework version and the indicators chosen from it; the indicator list follows the chosen version."""

    framework_version = VersionChoiceField(
        label=_("Competency framework"), queryset=FrameworkVersion.objects.none(), empty_label=None
    )
    indicators = IndicatorChoiceField(
        label=_("Indicators to assess"),
        queryset=Indicator.objects.none(),
        error_messages={"required": _("Choose at least one indicator to assess.")},
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example which work tasks will show these indicators."),
    )

    def __init__(self, data=None, *, placement, plan, chosen=None, version_fixed=False, initial=None):
        super().__init__(data, initial=initial)
        versions = framework_versions_for_plan(placement, plan)
        self.fields["framework_version"].queryset = versions
        self.version = self._version(versions, plan, chosen)
        self.fields["indicators"].queryset = indicators_of_version(self.version)
        if not self.is_bound and self.version is not None:
            self.initial["framework_version"] = self.version.pk
            if plan is not None and plan.framework_version_id == self.version.pk:
                self.initial["indicators"] = list(plan.indicators.values_list("pk", flat=True))
            else:
                self.initial["indicators"] = list(self.fields["indicators"].queryset.values_list("pk", flat=True))
            self.initial.setdefault("notes", plan.notes if plan is not None else "")
        field = self.fields["framework_version"]
        if version_fixed:
            field.help_text = _(
                "This placement has assessment records, so the framework version stays as it is. "
                "You can still change which of its indicators are assessed."
            )
        # With htmx the indicator list follows the chosen version at once; without it, a button reloads it.
        field.widget.attrs.update(
            {
                "hx-get": reverse("assessment_plan_edit", args=[placement.pk]),
                "hx-trigger": "change",
                "hx-target": "#indicator-choice",
                "hx-select": "#indicator-choice",
                "hx-swap": "outerHTML",
            }
        )

    def _version(self, versions, plan, chosen):
        key = self.data.get("framework_version") if self.is_bound else chosen
        if key:
            found = versions.filter(pk=key).first() if whole_number(str(key)) is not None else None
            if found is not None or self.is_bound:
                return found
        if plan is not None:
            return plan.framework_version
        return versions.first()

    def indicator_groups(self):
        return indicator_groups(self["indicators"], self.fields["indicators"].queryset)


class MomentForm(forms.ModelForm):
    methods = forms.MultipleChoiceField(
        label=_("Methods"),
        choices=Method.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one assessment method.")},
    )

    class Meta:
        model = AssessmentMoment
        fields = ["kind", "label", "due_date", "methods", "assessors"]
        widgets = {"due_date": DateInput()}
        help_texts = {"label": _("For example “Final assessment, period 4”. Needed when the moment is “other”.")}

    def __init__(self, *args, placement, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        start, end = self.placement.start_date, self.placement.end_date
        if not start <= due <= end:
            raise forms.ValidationError(
                _("The date must fall within the placement, from %(start)s to %(end)s.")
                % {"start": start.strftime("%d-%m-%Y"), "end": end.strftime("%d-%m-%Y")}
            )
        return due

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == AssessmentMoment.Kind.OTHER and not cleaned.get("label", "").strip():
            self.add_error("label", _("Give this moment a name."))
        return cleaned
