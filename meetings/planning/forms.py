"""Forms for planning, answering, moving and cancelling tripartite meetings. Services save."""

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput, TimeInput

from ..models import Meeting, Participant

ANSWERS = [
    (Participant.Response.ACCEPTED, _("I will come")),
    (Participant.Response.DECLINED, _("I cannot come")),
    (Participant.Response.PROPOSED, _("I propose another time")),
]
# "Name <e-mail>" or "Name, e-mail" (the e-mail last, so a name may contain a comma).
_OTHER_LINE = re.compile(r"^(?P<name>.+?)\s*(?:<(?P<bracketed>[^<>]+)>|[,;]\s*(?P<plain>\S+))$")


def local_datetime(day, moment) -> datetime:
    """The aware datetime of a date and time on the clock in Europe/Amsterdam; a time the clocks skip is refused."""
    zone = ZoneInfo(settings.TIME_ZONE)
    naive = datetime.combine(day, moment)
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(_("This time does not exist on that day: the clocks are put forward. Choose another."))
    return aware


class _WhenMixin:
    """A date field and a time field that together give `starts_at`, in the future."""

    date_field, time_field, target = "date", "time", "starts_at"

    def clean_when(self, cleaned: dict, *, required: bool = True):
        day, moment = cleaned.get(self.date_field), cleaned.get(self.time_field)
        if day is None or moment is None:
            if required and not self.has_error(self.date_field) and not self.has_error(self.time_field):
                self.add_error(self.date_field, _("Choose a date and time."))
            return None
        try:
            when = local_datetime(day, moment)
        except ValidationError as exc:
            self.add_error(self.time_field, exc)
            return None
        if when <= timezone.now():
            self.add_error(self.date_field, _("The time has to be in the future."))
            return None
        cleaned[self.target] = when
        return when


def _date_field(label):
    return forms.DateField(label=label, widget=DateInput())


def _time_field(label):
    return forms.TimeField(label=label, widget=TimeInput())


class MeetingForm(_WhenMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Meeting.Kind.choices,
        initial=Meeting.Kind.TRIPARTITE,
        required=False,
        help_text=_("A workplace visit is the school supervisor's visit at the company; its minutes are the report."),
    )
    date = _date_field(_("Date"))
    time = _time_field(_("Time"))
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=10, max_value=480, initial=45)
    location = forms.CharField(
        label=_("Place"), max_length=200, required=False, help_text=_("For example the meeting room at the company.")
    )
    online_link = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", help_text=_("Give a place, a link or both.")
    )
    others = forms.CharField(
        label=_("Other participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The learner, the work mentor and the school supervisor are always invited. "
            "Add others one per line as: name, e-mail address."
        ),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Filled in from the coaching plan: the open learning goals and action items. Edit as you like."),
    )

    def clean_kind(self) -> str:
        return self.cleaned_data["kind"] or Meeting.Kind.TRIPARTITE

    def clean_others(self) -> list[tuple[str, str]]:
        people, errors = [], []
        for number, line in enumerate(self.cleaned_data["others"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            match = _OTHER_LINE.match(line)
            email = (match and (match["bracketed"] or match["plain"]) or "").strip()
            try:
                validate_email(email)
            except ValidationError:
                errors.append(_("Line %(number)s: write a name, a comma and an e-mail address.") % {"number": number})
                continue
            people.append((match["name"].strip().strip(",;").strip(), email.lower()))
        if errors:
            raise ValidationError(errors)
        return people

    def clean(self):
        cleaned = super().clean()
        self.clean_when(cleaned)
        has_place = cleaned.get("location", "").strip() or cleaned.get("online_link", "").strip()
        if not has_place and not self.has_error("online_link"):
            self.add_error("location", _("Give a place, an online link, or both."))
        return cleaned


class RespondForm(_WhenMixin, forms.Form):
    date_field, time_field, target = "proposed_date", "proposed_time", "proposed_starts_at"

    response = forms.ChoiceField(label=_("Your answer"), choices=ANSWERS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason or note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you cannot come."),
    )
    proposed_date = forms.DateField(
        label=_("Proposed date"),
        required=False,
        widget=DateInput(),
        help_text=_("Only when you propose another time."),
    )
    proposed_time = forms.TimeField(label=_("Proposed time"), required=False, widget=TimeInput())

    def clean(self):
        cleaned = super().clean()
        response = cleaned.get("response")
        if response == Participant.Response.DECLINED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Please say why you cannot come."))
        if response == Participant.Response.PROPOSED:
            self.clean_when(cleaned)
        else:
            cleaned["proposed_starts_at"] = None
        return cleaned


class RescheduleForm(_WhenMixin, forms.Form):
    date = _date_field(_("New date"))
    time = _time_field(_("New time"))
    reason = forms.CharField(label=_("Reason for the change"), widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        self.clean_when(cleaned)
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 3}))
