"""A coordinator filters the placement health overview to "at risk", follows a reason to plan the missing
tripartite meeting; the overview and its charts pass axe-core in English and Dutch."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting
from oversight.health.compute import refresh_all
from tests.factories import CompanyFactory
from tests.oversight.factories_health import BREAKS, healthy_placement


def test_coordinator_finds_a_placement_at_risk_and_plans_its_meeting(page, axe, log_in, set_language, world):
    healthy_placement(world, placement=world.placement)
    at_risk = healthy_placement(world, company=CompanyFactory(name="Garage Smit"))
    BREAKS["incident escalated"][1](at_risk)  # at risk
    BREAKS["no_meeting"][1](at_risk)  # and no tripartite meeting (the school now expects one every 4 weeks)
    refresh_all()
    log_in(world.coordinator)

    page.goto("/")
    page.locator("#dashboard-health").get_by_role("link", name="Placement health").click()
    expect(page.get_by_role("heading", name="Placement health")).to_be_visible()
    axe(lang="en")
    page.get_by_label("Health", exact=True).select_option(label="at risk")
    page.get_by_role("button", name="Filter").click()
    table = page.locator("#health-table")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text("Garage Smit")
    expect(table).to_contain_text("1 escalated incident is open.")

    table.locator("a[data-signal=no_meeting]").click()
    expect(page).to_have_url(re.compile(rf"/placements/{at_risk.pk}/meetings/new/$"))
    day = timezone.localdate() + timedelta(days=9)
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_time").fill("10:00")
    page.locator("#id_location").fill("Werkplaats Garage Smit")
    page.get_by_role("button", name="Plan and send the invitations").click()
    expect(page.locator("main")).to_contain_text("Werkplaats Garage Smit")
    assert Meeting.objects.filter(placement=at_risk).count() == 1

    set_language("nl")
    page.goto("/oversight/placements/?status=2")
    expect(page.get_by_role("heading", name="Stagegezondheid")).to_be_visible()
    axe(lang="nl")
    page.goto("/oversight/placements/charts/")
    axe(lang="nl")
