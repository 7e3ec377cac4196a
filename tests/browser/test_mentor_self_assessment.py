"""A work mentor scores themselves on the coach profile twice and reads the comparison: then → now per item."""

from playwright.sync_api import expect

from accounts.models import Role
from tests.assessments.growth_helpers import ensure_coach_profile
from tests.factories import CompanyFactory, person


def _score_everything(page, value: str, big_five: str) -> None:
    """Tick `value` for every competency and team role and `big_five` for each personality trait."""
    for item in page.locator("fieldset.score-item").all():
        choice = big_five if item.locator("input[value='10']").count() else value
        item.locator(f"input[value='{choice}']").check()


def test_mentor_does_a_self_assessment_and_compares(page, log_in, axe):
    ensure_coach_profile()
    mentor = log_in(person(Role.MENTOR, CompanyFactory(name="Bakkerij Test"), first_name="Marieke"))
    assert mentor.pk

    page.goto("/growth/")
    page.get_by_role("link", name="Do a self-assessment").first.click()
    expect(page.locator("h1")).to_have_text("Self-assessment")
    axe()
    _score_everything(page, "2", "5")
    page.get_by_role("button", name="Save self-assessment").click()
    expect(page.locator(".alert-success")).to_contain_text("Your self-assessment has been saved.")
    expect(page.locator("main")).to_contain_text("One self-assessment so far")

    page.get_by_role("link", name="Self-assessments", exact=True).click()
    page.get_by_role("link", name="Do a self-assessment").click()
    # The previous scores are filled in; the mentor changes two.
    sensitivity = page.get_by_role("group", name="B1 Sensitivity")
    expect(sensitivity.get_by_label("2", exact=True)).to_be_checked()
    sensitivity.get_by_label("4", exact=True).check()
    page.get_by_role("group", name="Openness").get_by_label("9", exact=True).check()
    page.get_by_label("Reflection").fill("Listening has become easier.")
    page.get_by_role("button", name="Save self-assessment").click()

    expect(page.locator("h1")).to_have_text("Compare self-assessments")
    row = page.locator("tr", has_text="B1 Sensitivity")
    expect(row.locator("td")).to_have_text(["2", "4", "+2"])
    expect(page.locator("tr", has_text="Openness").locator("td")).to_have_text(["5", "9", "+4"])
    expect(page.locator("main")).to_contain_text("Stability is below the profile's minimum of 6.")
    expect(page.locator("main")).to_contain_text("Listening has become easier.")
    axe()
