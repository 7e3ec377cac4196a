"""The demo work mentor logs a coaching session with an agreement and finds it on the timeline and dashboard."""

from io import StringIO

from django.core.management import call_command
from playwright.sync_api import expect

from placements.models import Placement


def test_demo_mentor_logs_a_session_with_an_agreement(page, live_server, axe):
    call_command("demo", stdout=StringIO())
    placement = Placement.objects.get(learner__email="learner@demo.werkmentor.nl", status="active")

    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill("mentor@demo.werkmentor.nl")
    page.get_by_label("Password").fill("demo")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_contain_text("Good to see you, Marieke")

    page.goto(f"/placements/{placement.pk}/sessions/")
    page.get_by_role("link", name="Log a session").click()
    axe()
    page.get_by_label("Duration (minutes)").fill("45")
    page.get_by_label("Work hygienically according to the HACCP rules").check()
    page.get_by_label("What was done").fill("Cleaned the proofing cabinet together and went through the checklist.")
    page.get_by_label("Went well").fill("Followed the checklist without reminders.")
    page.locator("#id_items-0-description").fill("Bring the signed hygiene checklist on Monday")
    page.locator("#id_items-0-owner").select_option(label="Daan Jansen (learner@demo.werkmentor.nl)")
    page.locator("#id_items-0-due_date").fill("2099-01-05")
    page.get_by_label("Private note").fill("Ask the school about the extra hygiene module.")
    page.get_by_role("button", name="Save session").click()

    expect(page.locator(".alert-success")).to_contain_text("The session has been logged.")
    timeline = page.locator("main")
    expect(timeline).to_contain_text("Cleaned the proofing cabinet together")
    expect(timeline).to_contain_text("Bring the signed hygiene checklist on Monday")
    expect(timeline).to_contain_text("Ask the school about the extra hygiene module.")
    axe()

    page.get_by_role("link", name="Dashboard").click()
    expect(page.locator("#todo-heading")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Bring the signed hygiene checklist on Monday")
