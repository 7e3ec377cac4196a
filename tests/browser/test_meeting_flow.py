"""The demo supervisor plans a tripartite meeting; the demo mentor sees it on the dashboard and accepts it."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting, Participant
from placements.models import Placement
from tests.browser.pages import log_in


def test_supervisor_plans_and_mentor_accepts(page, live_server, axe):
    call_command("demo", stdout=StringIO())
    placement = Placement.objects.get(learner__email="learner@demo.werkmentor.nl", status="active")
    day = timezone.localdate() + timedelta(days=12)

    log_in(page, "supervisor@demo.werkmentor.nl")
    page.goto(f"/placements/{placement.pk}/meetings/new/")
    axe()
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_time").fill("14:30")
    page.locator("#id_location").fill("Canteen of Bakkerij De Korenschoof")
    page.get_by_role("button", name="Plan and send the invitations").click()
    meeting = Meeting.objects.filter(placement=placement).order_by("-created_at").first()
    expect(page.locator("main")).to_contain_text("Canteen of Bakkerij De Korenschoof")
    assert timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M") == f"{day.isoformat()} 14:30"
    page.get_by_role("button", name="Log out").click()

    log_in(page, "mentor@demo.werkmentor.nl")
    invitations = page.locator("#meetings-heading").locator("xpath=..")
    expect(invitations).to_contain_text("Invitations waiting for your answer")
    invitations.get_by_role("link", name=day.strftime("%A %-d %B") + ", 14:30").first.click()
    page.get_by_label("I will come").check()
    page.get_by_role("button", name="Send my answer").click()
    axe()
    mine = Participant.objects.get(meeting=meeting, user__email="mentor@demo.werkmentor.nl")
    assert mine.response == Participant.Response.ACCEPTED
