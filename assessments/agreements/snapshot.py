"""What an agreement records of its placement: a snapshot of plain values, so a later edit changes nothing signed.

Values are stored as text and numbers (dates in ISO form, the accreditation status as its key); the page and
the PDF turn them into words in the reader's language.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.models import Company
from placements.models import LearnerRecord, Placement

# A change of any of these after signing is a change of the agreement: it needs an addendum.
ADDENDUM_KEYS = ("start_date", "end_date", "company_name", "company_registration_number")


def _name(user) -> str:
    return user.get_full_name() or user.email


def placement_snapshot(placement: Placement) -> dict:
    """The agreed values as the placement holds them now."""
    learner, company, programme = placement.learner, placement.company, placement.programme
    record = LearnerRecord.objects.filter(user_id=learner.pk).first()
    born = record.date_of_birth if record else None
    return {
        "learner_name": _name(learner),
        "learner_email": learner.email,
        "learner_date_of_birth": born.isoformat() if born else "",
        "student_number": record.student_number if record else "",
        "school_name": placement.school.name,
        "school_city": placement.school.city,
        "company_name": company.name,
        "company_address": " ".join(filter(None, [company.address, company.postcode, company.city])),
        "company_country": company.country,
        "company_registration_number": company.registration_number,
        "company_recognition_number": company.recognition_number,
        "accreditation_status": company.accreditation_status,
        "accredited_on": company.accredited_on.isoformat() if company.accredited_on else "",
        "accreditation_valid_until": (
            company.accreditation_valid_until.isoformat() if company.accreditation_valid_until else ""
        ),
        "programme_name": programme.name,
        "programme_code": programme.code,
        "programme_level": programme.level,
        "start_date": placement.start_date.isoformat(),
        "end_date": placement.end_date.isoformat(),
        "hours_per_week": placement.hours_per_week,
        "total_hours": placement.hours_per_week * placement.total_weeks(),
        "mentor_name": _name(placement.mentor),
        "mentor_email": placement.mentor.email,
        "supervisor_name": _name(placement.supervisor),
        "supervisor_email": placement.supervisor.email,
    }


def changed_keys(old: dict, new: dict) -> list[str]:
    """The keys whose values differ, in the snapshot's order."""
    return [key for key in new if old.get(key) != new[key]]


def needs_addendum(signed: dict, now: dict) -> bool:
    return any(signed.get(key) != now.get(key) for key in ADDENDUM_KEYS)


def _date(value: str) -> str:
    return date_format(date.fromisoformat(value), "j F Y") if value else ""


def _accreditation(values: dict) -> str:
    status = values.get("accreditation_status", "")
    label = str(Company.Accreditation(status).label) if status in Company.Accreditation.values else status
    period = " – ".join(
        filter(None, [_date(values.get("accredited_on", "")), _date(values.get("accreditation_valid_until", ""))])
    )
    number = values.get("company_recognition_number", "")
    return ", ".join(filter(None, [label, number, period]))


# (key, label, how to show the value) in the order of the agreement; the labels are the reader's language.
FACTS = (
    ("learner_name", _("Learner"), str),
    ("learner_date_of_birth", _("Date of birth"), _date),
    ("student_number", _("Student number"), str),
    ("school_name", _("School"), str),
    ("company_name", _("Host company"), str),
    ("company_address", _("Address"), str),
    ("company_registration_number", _("Chamber of Commerce (KvK) number"), str),
    ("accreditation_status", _("Accreditation"), None),
    ("programme_name", _("Programme"), str),
    ("programme_code", _("Qualification (CREBO)"), str),
    ("programme_level", _("Level"), lambda v: str(v or "")),
    ("start_date", _("Start date"), _date),
    ("end_date", _("End date"), _date),
    ("hours_per_week", _("Hours per week"), str),
    ("total_hours", _("Placement hours in total"), str),
    ("mentor_name", _("Work mentor"), str),
    ("supervisor_name", _("School supervisor"), str),
)
_LABELS = {key: label for key, label, _show in FACTS}


def agreement_facts(values: dict) -> list[tuple[str, str]]:
    """(label, value) for each agreed value that is known, in the reader's language."""
    rows = []
    for key, label, show in FACTS:
        value = _accreditation(values) if show is None else show(values.get(key, ""))
        if value:
            rows.append((str(label), value))
    return rows


def change_labels(keys: list[str]) -> list[str]:
    """The names of the changed values an addendum lists."""
    return [str(_LABELS[key]) for key in keys if key in _LABELS]
