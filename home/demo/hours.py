"""Demo placement hours: the last three weeks of weekday shifts of each active placement.

Older weeks are approved, the last week waits for the mentor, and one shift per placement was rejected.
Entries are keyed on (placement, date, start time), so running the seed twice adds nothing.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from mentoring.hours.selectors import overlapping_hours_entries
from mentoring.models import HoursEntry
from placements.models import Placement

from .text import Text as T

WEEKS = 3
SCHOOL_DAY = 2  # Wednesday: learners with a shorter week spend it at school.

# (start, end, break minutes) per weekday, Monday first: a believable mix of early and late shifts.
SHIFTS = [
    (time(8, 0), time(16, 30), 30),
    (time(7, 30), time(16, 0), 30),
    (time(8, 30), time(17, 0), 30),
    (time(8, 0), time(16, 30), 45),
    (time(8, 0), time(13, 0), 15),
]

TASKS = {
    "Food production": [
        T("Kneaded and shaped bread dough", "Brooddeeg gekneed en opgemaakt"),
        T("Baked the morning batch", "De ochtendlading gebakken"),
        T("Cleaned the ovens and benches", "De ovens en werkbanken schoongemaakt"),
    ],
    "Care and welfare": [
        T("Helped residents with morning care", "Bewoners geholpen bij de ochtendzorg"),
        T("Served lunch on the ward", "De lunch op de afdeling verzorgd"),
        T("Activities with residents", "Activiteiten met bewoners"),
    ],
    "Technical installation": [
        T("Pulled cables in a new build", "Kabels getrokken in een nieuwbouwwoning"),
        T("Fitted sockets and switches", "Wandcontactdozen en schakelaars gemonteerd"),
        T("Measured a distribution board", "Een groepenkast doorgemeten"),
    ],
    "Hospitality": [
        T("Breakfast service", "Ontbijtservice"),
        T("Set up the terrace", "Het terras klaargezet"),
        T("Helped at the reception desk", "Meegeholpen op de receptie"),
    ],
    "Automotive": [
        T("Serviced two cars with the mentor", "Twee onderhoudsbeurten met de werkmentor gedaan"),
        T("Changed tyres and checked brakes", "Banden gewisseld en remmen gecontroleerd"),
        T("Read out a fault with the tester", "Een storing uitgelezen met de tester"),
    ],
    "Logistics": [
        T("Picked orders with the hand scanner", "Orders verzameld met de handscanner"),
        T("Received and checked two deliveries", "Twee leveringen ontvangen en gecontroleerd"),
        T("Practised with the reach truck", "Geoefend met de reachtruck"),
    ],
}
DEFAULT_TASKS = [
    T("Worked along with the team", "Meegewerkt met het team"),
    T("Practised a new task with my mentor", "Een nieuwe taak geoefend met mijn werkmentor"),
    T("Tidied and prepared the work", "Opgeruimd en het werk voorbereid"),
]
REJECTION_REASON = T(
    "You were at school that afternoon; please record only the morning.",
    "Je was die middag op school; schrijf alleen de ochtend.",
)


def _entries_for(placement: Placement, today):
    """(date, start, end, break, description, status) for the weekdays of the last WEEKS weeks."""
    tasks = TASKS.get(placement.company.sector, DEFAULT_TASKS)
    first = today - timedelta(days=7 * WEEKS)
    last_day = min(today - timedelta(days=1), placement.end_date)
    waiting_from = today - timedelta(days=7)
    day, index, rejected = max(first, placement.start_date), 0, False
    while day <= last_day:
        weekday = day.weekday()
        if weekday < 5 and not (weekday == SCHOOL_DAY and placement.hours_per_week <= 32):
            start, end, break_minutes = SHIFTS[weekday]
            status = HoursEntry.Status.SUBMITTED if day >= waiting_from else HoursEntry.Status.APPROVED
            if status == HoursEntry.Status.APPROVED and weekday == 4 and not rejected:
                # The learner recorded a full day on their short Friday.
                status, end, rejected = HoursEntry.Status.REJECTED, time(16, 30), True
            yield day, start, end, break_minutes, str(tasks[index % len(tasks)]), status
            index += 1
        day += timedelta(days=1)


def seed(placements: list, today) -> None:
    for placement in placements:
        if placement.status != Placement.Status.ACTIVE:
            continue
        for day, start, end, break_minutes, description, status in _entries_for(placement, today):
            clash = overlapping_hours_entries(learner_id=placement.learner_id, day=day, start_time=start, end_time=end)
            if clash.exclude(placement=placement).exists():
                continue
            decided = status != HoursEntry.Status.SUBMITTED
            decided_at = datetime.combine(day + timedelta(days=1), time(17, 0)) if decided else None
            HoursEntry.objects.get_or_create(
                placement=placement,
                date=day,
                start_time=start,
                defaults={
                    "end_time": end,
                    "break_minutes": break_minutes,
                    "description": description,
                    "status": status,
                    "rejection_reason": str(REJECTION_REASON) if status == HoursEntry.Status.REJECTED else "",
                    "decided_by": placement.mentor if decided else None,
                    "decided_at": timezone.make_aware(decided_at) if decided_at else None,
                },
            )
