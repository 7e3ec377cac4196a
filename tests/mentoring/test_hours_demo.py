"""The demo hours are believable and a second run adds nothing."""

from django.utils import timezone

from home.demo.hours import seed
from mentoring.hours.services import hours_entry_validate
from mentoring.models import HoursEntry
from placements.models import Placement
from tests.factories import make_placement


def test_demo_seeds_weekday_hours_once(world):
    today = timezone.localdate()
    planned = make_placement(school=world.school, company=world.company, status=Placement.Status.PLANNED)
    seed([world.placement, planned], today)
    count = HoursEntry.objects.count()
    seed([world.placement, planned], today)
    assert HoursEntry.objects.count() == count
    entries = list(HoursEntry.objects.filter(placement=world.placement))
    assert 8 <= len(entries) <= 20
    assert not HoursEntry.objects.filter(placement=planned).exists()
    statuses = [e.status for e in entries]
    assert HoursEntry.Status.APPROVED in statuses
    assert HoursEntry.Status.SUBMITTED in statuses
    rejected = [e for e in entries if e.status == HoursEntry.Status.REJECTED]
    assert len(rejected) == 1
    assert rejected[0].rejection_reason
    for e in entries:
        assert e.date.weekday() < 5
        assert e.date < today
        if e.status != HoursEntry.Status.SUBMITTED:
            assert e.decided_by == world.mentor
        if e.status != HoursEntry.Status.REJECTED:
            hours_entry_validate(e, today=today)  # no overlap, within the period, sensible break
