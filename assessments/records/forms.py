from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput

from ..models import AssessmentMoment, RatingLevel
from .selectors import Sheet
from .services import Score

DEFAULT_TITLES = {
    AssessmentMoment.Kind.MID_TERM: _("Mid-term assessment"),
    AssessmentMoment.Kind.FINAL: _("Final assessment"),
}


def default_title(moment: AssessmentMoment) -> str:
    return str(DEFAULT_TITLES.get(moment.kind) or moment.label or _("Assessment"))


class RecordStartForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    assessed_on = forms.DateField(label=_("Date of assessment"), widget=DateInput())

    def __init__(self, *args, moment: AssessmentMoment, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("title", default_title(moment))
        self.initial.setdefault("assessed_on", timezone.localdate())


class AmendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the amendment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What is wrong in the signed version? Everyone who signs the new version reads this."),
    )


def _text(label, rows=2):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}))


class RecordForm(forms.Form):
    """The whole record on one page: a level and remarks per indicator and per competency, and the overall part.

    Levels are offered as the record's own framework version's scale only, so a level of another version
    (a tampered request) is an invalid choice, and nothing is saved.
    """

    title = forms.CharField(label=_("Title"), max_length=200)
    assessed_on = forms.DateField(label=_("Date of assessment"), widget=DateInput())
    overall_remarks = _text(_("Overall judgement"), rows=4)
    strengths = _text(_("Strengths"), rows=4)
    development_points = _text(_("Points for development"), rows=4)

    def __init__(self, *args, record, sheet: Sheet, levels: list[RatingLevel], **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        self.levels = {str(level.pk): level for level in levels}
        choices = [("", _("not rated")), *((pk, level.title) for pk, level in self.levels.items())]
        self.initial.update(
            title=record.title,
            assessed_on=record.assessed_on,
            overall_remarks=record.overall_remarks,
            strengths=record.strengths,
            development_points=record.development_points,
        )
        self._add_level("overall_level", _("Overall level"), choices, record.overall_level_id)
        for section in sheet.sections:
            competency, judgement = section.competency, section.judgement
            self._add_level(
                f"competency_{competency.pk}_level",
                _("Judgement on %(competency)s") % {"competency": competency.title},
                choices,
                judgement.level_id if judgement else None,
            )
            self._add_remarks(f"competency_{competency.pk}_remarks", judgement.remarks if judgement else "")
            for row in section.rows:
                indicator, rating = row.indicator, row.rating
                self._add_level(
                    f"indicator_{indicator.pk}_level", indicator.title, choices, rating.level_id if rating else None
                )
                self._add_remarks(f"indicator_{indicator.pk}_remarks", rating.remarks if rating else "")

    def _add_level(self, name, label, choices, initial):
        self.fields[name] = forms.ChoiceField(
            label=label,
            choices=choices,
            required=False,
            initial=str(initial) if initial else "",
            widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        )

    def _add_remarks(self, name, initial):
        self.fields[name] = forms.CharField(
            label=_("Remarks"),
            required=False,
            initial=initial,
            widget=forms.Textarea(attrs={"rows": 1, "class": "form-control mt-2", "placeholder": _("Remarks")}),
        )

    def sections(self):
        """The sheet's sections with their bound fields, for the template."""
        for section in self.sheet.sections:
            pk = section.competency.pk
            yield {
                "competency": section.competency,
                "level": self[f"competency_{pk}_level"],
                "remarks": self[f"competency_{pk}_remarks"],
                "rows": [
                    {
                        "indicator": row.indicator,
                        "evidence": row.evidence,
                        "level": self[f"indicator_{row.indicator.pk}_level"],
                        "remarks": self[f"indicator_{row.indicator.pk}_remarks"],
                    }
                    for row in section.rows
                ],
            }

    def _score(self, prefix: str) -> Score:
        level = self.cleaned_data.get(f"{prefix}_level")
        return Score(
            level=self.levels.get(level) if level else None, remarks=self.cleaned_data.get(f"{prefix}_remarks", "")
        )

    def ratings(self) -> dict[int, Score]:
        return {row.indicator.pk: self._score(f"indicator_{row.indicator.pk}") for row in self.sheet.rows}

    def judgements(self) -> dict[int, Score]:
        return {
            section.competency.pk: self._score(f"competency_{section.competency.pk}") for section in self.sheet.sections
        }

    def overall(self) -> Score:
        return Score(level=self._score("overall").level, remarks=self.cleaned_data["overall_remarks"])
