"""The named signals of placement health: what each reads from the database, when it trips, what it says.

Every signal contributes named SQL expressions (`facts`) that compute.py puts into ONE query over all the
placements being refreshed (correlated subqueries on indexed foreign keys), and a `check` that turns one row of
those facts and the school's thresholds into the signal's details, or None when it does not trip. The check is
plain arithmetic on values already read: no signal ever queries per placement.

Levels: a signal trips at ATTENTION or AT_RISK; a placement's level is the highest of its signals (compute.py).
At risk: an escalated incident, an expired or revoked mentor certificate, no coaching session for twice the
school's weeks, logged hours behind by twice the school's percentage. Every other signal: needs attention.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from django.db.models import Count, Exists, ExpressionWrapper, F, IntegerField, Max, Min, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractHour, ExtractMinute
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessments.models import AssessmentRecord, Signature
from meetings.models import Meeting, Minutes
from mentoring.models import CoachingSession, HoursEntry, Incident, LearningGoal, MentoringAgreement
from registry.models import Certificate

from ..models import HealthLevel

ATTENTION, AT_RISK = HealthLevel.ATTENTION.value, HealthLevel.AT_RISK.value


@dataclass(frozen=True)
class Context:
    """What every check compares with: the moment of the computation."""

    today: date
    now: datetime


@dataclass(frozen=True)
class Signal:
    code: str  # also the boolean column of PlacementHealth
    label: Promise  # short, for filters, counts and the export's column
    facts: Callable[[Context], dict]  # name -> expression on Placement (OuterRef("pk") is the placement)
    check: Callable[[dict, dict, Context], dict | None]  # (row, thresholds, context) -> details or None
    reason: Callable[[dict], str]  # details -> one sentence in the reader's language
    link: Callable[[object, dict], str]  # (placement, details) -> where to act on it


def _aggregate(queryset, expression):
    """One value per placement from a related table, as a correlated subquery (NULL when there are no rows)."""
    return Subquery(queryset.order_by().values("placement").annotate(value=expression).values("value")[:1])


def _count(queryset):
    return Coalesce(_aggregate(queryset, Count("pk")), 0)


def _of():
    return {"placement": OuterRef("pk")}


def _days(later: date, earlier: date) -> int:
    return (later - earlier).days


def _on(day) -> str:
    return date_format(date.fromisoformat(day), "DATE_FORMAT") if day else ""


# --- No coaching session logged for N weeks -------------------------------------------------------------------


def _session_facts(ctx):
    return {"f_last_session": _aggregate(CoachingSession.objects.filter(**_of()), Max("date"))}


def _session_check(row, limits, ctx):
    since = row["f_last_session"] or row["start_date"]
    days = _days(ctx.today, since)
    weeks = limits["session_weeks"]
    if days < weeks * 7:
        return None
    level = AT_RISK if days >= 2 * weeks * 7 else ATTENTION
    last = row["f_last_session"]
    return {"level": level, "weeks": days // 7, "last": last.isoformat() if last else None}


def _session_reason(details):
    weeks = details["weeks"]
    if details["last"]:
        return ngettext(
            "No coaching session logged for %(weeks)s week (last on %(date)s).",
            "No coaching session logged for %(weeks)s weeks (last on %(date)s).",
            weeks,
        ) % {"weeks": weeks, "date": _on(details["last"])}
    return ngettext(
        "No coaching session logged since the start, %(weeks)s week ago.",
        "No coaching session logged since the start, %(weeks)s weeks ago.",
        weeks,
    ) % {"weeks": weeks}


# --- Hours behind the plan ---------------------------------------------------------------------------------------


def worked_minutes() -> ExpressionWrapper:
    """An hours entry's worked minutes in SQL (as mentoring/hours/selectors.py counts them: EXTRACT works the same
    on SQLite and PostgreSQL, time subtraction does not)."""
    return ExpressionWrapper(
        ExtractHour("end_time") * 60
        + ExtractMinute("end_time")
        - ExtractHour("start_time") * 60
        - ExtractMinute("start_time")
        - F("break_minutes"),
        output_field=IntegerField(),
    )


def _hours_facts(ctx):
    logged = HoursEntry.objects.filter(**_of(), date__lte=ctx.today).exclude(status=HoursEntry.Status.REJECTED)
    return {"f_logged_minutes": Coalesce(_aggregate(logged, Sum(worked_minutes())), 0)}


def expected_minutes(row, today: date) -> int:
    """Hours the plan expects to date: the weekly hours for each week since the start, up to the end date."""
    elapsed = max(0, min(_days(today, row["start_date"]), _days(row["end_date"], row["start_date"])))
    return row["hours_per_week"] * 60 * elapsed // 7


def _hours_check(row, limits, ctx):
    expected = expected_minutes(row, ctx.today)
    logged = row["f_logged_minutes"]
    tolerance = limits["hours_tolerance_percent"]
    # Not in the first week: a learner cannot be behind before a week's hours could have been logged.
    if expected < row["hours_per_week"] * 60 or logged * 100 >= expected * (100 - tolerance):
        return None
    level = AT_RISK if logged * 100 < expected * (100 - 2 * tolerance) else ATTENTION
    return {"level": level, "logged": logged // 60, "expected": expected // 60}


def _hours_reason(details):
    return _("%(logged)s of the %(expected)s hours expected to date are logged.") % details


# --- No tripartite meeting for N weeks ----------------------------------------------------------------------------


def _meeting_facts(ctx):
    meetings = Meeting.objects.filter(**_of()).exclude(status=Meeting.Status.CANCELLED)
    return {
        "f_last_meeting": _aggregate(meetings.filter(starts_at__lte=ctx.now), Max("starts_at")),
        "f_meeting_planned": Exists(meetings.filter(starts_at__gt=ctx.now)),
    }


def _meeting_check(row, limits, ctx):
    if row["f_meeting_planned"]:
        return None
    last = row["f_last_meeting"]
    since = max(last.date(), row["start_date"]) if last else row["start_date"]
    days = _days(ctx.today, since)
    if days < limits["meeting_weeks"] * 7:
        return None
    return {"level": ATTENTION, "weeks": days // 7, "last": last.date().isoformat() if last else None}


def _meeting_reason(details):
    weeks = details["weeks"]
    if details["last"]:
        return ngettext(
            "No tripartite meeting for %(weeks)s week (last on %(date)s) and none planned.",
            "No tripartite meeting for %(weeks)s weeks (last on %(date)s) and none planned.",
            weeks,
        ) % {"weeks": weeks, "date": _on(details["last"])}
    return ngettext(
        "No tripartite meeting since the start, %(weeks)s week ago, and none planned.",
        "No tripartite meeting since the start, %(weeks)s weeks ago, and none planned.",
        weeks,
    ) % {"weeks": weeks}


# --- Minutes not confirmed ----------------------------------------------------------------------------------------


def _minutes_facts(ctx):
    confirmed = Minutes.objects.filter(meeting=OuterRef("pk"), status=Minutes.Status.CONFIRMED)
    open_meetings = (
        Meeting.objects.filter(**_of(), starts_at__lte=ctx.now)
        .exclude(status=Meeting.Status.CANCELLED)
        .exclude(Exists(confirmed))
    )
    return {"f_open_minutes_since": _aggregate(open_meetings, Min("starts_at"))}


def _minutes_check(row, limits, ctx):
    held = row["f_open_minutes_since"]
    if held is None or (ctx.now - held).days < limits["minutes_days"]:
        return None
    return {"level": ATTENTION, "held": held.date().isoformat()}


def _minutes_reason(details):
    return _("The minutes of the meeting of %(date)s are not confirmed by everyone.") % {"date": _on(details["held"])}


# --- Goals overdue or rated off track -----------------------------------------------------------------------------


def _goal_facts(ctx):
    goals = LearningGoal.objects.filter(plan__placement=OuterRef("pk")).order_by().values("plan__placement")
    overdue = goals.filter(target_date__lt=ctx.today).exclude(status=LearningGoal.Status.ACHIEVED)
    off_track = goals.filter(status=LearningGoal.Status.OFF_TRACK)
    return {
        "f_goals_overdue": Coalesce(Subquery(overdue.annotate(value=Count("pk")).values("value")[:1]), 0),
        "f_goals_off_track": Coalesce(Subquery(off_track.annotate(value=Count("pk")).values("value")[:1]), 0),
    }


def _goal_check(row, limits, ctx):
    overdue, off_track = row["f_goals_overdue"], row["f_goals_off_track"]
    if not (overdue or off_track):
        return None
    return {"level": ATTENTION, "overdue": overdue, "off_track": off_track}


def _goal_reason(details):
    parts = []
    if details["overdue"]:
        parts.append(
            ngettext("%(count)s goal is past its target date.", "%(count)s goals are past their target date.",
                     details["overdue"]) % {"count": details["overdue"]}
        )  # fmt: skip
    if details["off_track"]:
        parts.append(
            ngettext("%(count)s goal is rated off track.", "%(count)s goals are rated off track.",
                     details["off_track"]) % {"count": details["off_track"]}
        )  # fmt: skip
    return " ".join(parts)


# --- Assessment signatures overdue --------------------------------------------------------------------------------


def _signature_facts(ctx):
    pending = Signature.objects.filter(
        record__placement=OuterRef("pk"), record__status=AssessmentRecord.Status.AWAITING, signed_at__isnull=True
    )
    oldest = pending.order_by().values("record__placement").annotate(value=Min("requested_at")).values("value")[:1]
    return {"f_oldest_signature": Subquery(oldest)}


def _signature_check(row, limits, ctx):
    requested = row["f_oldest_signature"]
    if requested is None:
        return None
    days = (ctx.now - requested).days
    if days < limits["signature_days"]:
        return None
    return {"level": ATTENTION, "days": days}


def _signature_reason(details):
    return (
        ngettext(
            "An assessment has been waiting for signatures for %(days)s day.",
            "An assessment has been waiting for signatures for %(days)s days.",
            details["days"],
        )
        % details
    )


# --- An open or escalated incident --------------------------------------------------------------------------------


def _incident_facts(ctx):
    open_incidents = Incident.objects.filter(**_of(), status=Incident.Status.OPEN)
    return {
        "f_open_incidents": _count(open_incidents),
        "f_escalated_incidents": _count(open_incidents.filter(escalated_at__isnull=False)),
    }


def _incident_check(row, limits, ctx):
    count, escalated = row["f_open_incidents"], row["f_escalated_incidents"]
    if not count:
        return None
    return {"level": AT_RISK if escalated else ATTENTION, "open": count, "escalated": escalated}


def _incident_reason(details):
    if details["escalated"]:
        return ngettext(
            "%(count)s escalated incident is open.", "%(count)s escalated incidents are open.", details["escalated"]
        ) % {"count": details["escalated"]}
    return ngettext("%(count)s incident is open.", "%(count)s incidents are open.", details["open"]) % {
        "count": details["open"]
    }


# --- The mentor's certificate missing or expired ------------------------------------------------------------------


def _certificate_facts(ctx):
    held = Certificate.objects.filter(holder=OuterRef("mentor_id"))
    valid_until = held.filter(revoked_at__isnull=True).order_by().values("holder")
    return {
        "f_certificate_until": Subquery(valid_until.annotate(value=Max("valid_until")).values("value")[:1]),
        "f_certificate_any": Exists(held),
    }


def _certificate_check(row, limits, ctx):
    until = row["f_certificate_until"]
    if until is not None and until >= ctx.today:
        return None
    if not row["f_certificate_any"]:
        return {"level": ATTENTION, "missing": True, "until": None}
    return {"level": AT_RISK, "missing": False, "until": until.isoformat() if until else None}


def _certificate_reason(details):
    if details["missing"]:
        return _("The work mentor has no mentor certificate.")
    if details["until"]:
        return _("The work mentor's certificate expired on %(date)s.") % {"date": _on(details["until"])}
    return _("The work mentor's certificate was revoked.")


def _certificate_link(placement, details):
    return f"{reverse('register')}?{urlencode({'q': placement.mentor.get_full_name()})}"


# --- The mentoring agreement not accepted -------------------------------------------------------------------------


def _agreement_facts(ctx):
    accepted = MentoringAgreement.objects.filter(
        **_of(), mentor_accepted_at__isnull=False, learner_accepted_at__isnull=False
    )
    return {"f_agreement_accepted": Exists(accepted)}


def _agreement_check(row, limits, ctx):
    if row["f_agreement_accepted"] or _days(ctx.today, row["start_date"]) < limits["agreement_days"]:
        return None
    return {"level": ATTENTION}


def _agreement_reason(details):
    return _("The mentoring agreement is not accepted by both the work mentor and the learner.")


def _page(name):
    return lambda placement, details: reverse(name, args=[placement.pk])


SIGNALS: list[Signal] = [
    Signal("no_session", _("No coaching session"), _session_facts, _session_check, _session_reason,
           _page("mentoring_sessions")),
    Signal("hours_behind", _("Hours behind"), _hours_facts, _hours_check, _hours_reason, _page("mentoring_hours")),
    Signal("no_meeting", _("No tripartite meeting"), _meeting_facts, _meeting_check, _meeting_reason,
           _page("meeting_new")),
    Signal("minutes_open", _("Minutes not confirmed"), _minutes_facts, _minutes_check, _minutes_reason,
           _page("meeting_list")),
    Signal("goals_off_track", _("Goals overdue or off track"), _goal_facts, _goal_check, _goal_reason,
           _page("mentoring_plan")),
    Signal("signatures_overdue", _("Signatures overdue"), _signature_facts, _signature_check, _signature_reason,
           _page("assessment_list")),
    Signal("incident", _("Open incident"), _incident_facts, _incident_check, _incident_reason,
           _page("mentoring_incidents")),
    Signal("certificate", _("Mentor certificate"), _certificate_facts, _certificate_check, _certificate_reason,
           _certificate_link),
    Signal("agreement", _("Agreement not accepted"), _agreement_facts, _agreement_check, _agreement_reason,
           _page("mentoring_agreement")),
]  # fmt: skip
SIGNAL_CODES = [signal.code for signal in SIGNALS]
BY_CODE = {signal.code: signal for signal in SIGNALS}
