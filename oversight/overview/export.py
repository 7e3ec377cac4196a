"""The overview as a spreadsheet: the rows shown (the same filters and order), one line per placement."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..health.selectors import WITH_PEOPLE, reasons
from ..models import HealthLevel


def export_header() -> list[str]:
    return [
        _("Learner"), _("Student number"), _("Cohort"), _("Programme"), _("Host company"), _("Work mentor"),
        _("School supervisor"), _("Start date"), _("End date"), _("Health"), _("Signals"), _("Hours logged"),
        _("Hours expected"), _("Last coaching session"), _("Last tripartite meeting"),
    ]  # fmt: skip


def export_rows(rows):
    levels = dict(HealthLevel.choices)
    records = rows.select_related(*WITH_PEOPLE, "placement__learner__learner_record")
    for health in records.iterator(chunk_size=2000):
        placement = health.placement
        record = getattr(placement.learner, "learner_record", None)
        yield [
            placement.learner.get_full_name(),
            record.student_number if record else "",
            record.cohort if record else "",
            placement.programme.name,
            placement.company.name,
            placement.mentor.get_full_name(),
            placement.supervisor.get_full_name(),
            placement.start_date,
            placement.end_date,
            str(levels[health.level]),
            " ".join(reason.text for reason in reasons(health)),
            health.logged_minutes // 60,
            health.expected_minutes // 60,
            health.last_session,
            timezone.localdate(health.last_meeting) if health.last_meeting else None,
        ]
