"""axe-core checks of the main pages, per role and per language.

Any violation with impact "serious" or "critical" fails the test; the failure lists the rule ids,
what to fix and the CSS selectors of the offending elements.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import switch_language

ROLES = ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff"]


def test_login_page_in_english(page, axe, live_server):
    page.goto("/accounts/login/")
    expect(page.get_by_label("E-mail address")).to_be_visible()
    axe(lang="en")


def test_login_page_in_dutch_via_language_switcher(page, axe, live_server):
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch_language(page, "nl")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert page.url.endswith("/accounts/login/")
    axe(lang="nl")


def test_login_page_with_error(page, axe, world):
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(world.learner.email)
    page.locator("#id_password").fill("not the password")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .alert-danger")).to_be_visible()
    axe(lang="en")


@pytest.mark.parametrize("role", ROLES)
def test_dashboard(page, axe, log_in, world, role):
    user = log_in(getattr(world, role))
    page.goto("/")
    expect(page.locator("h1")).to_contain_text("Good to see you")
    assert user.get_short_name() in page.locator("h1").inner_text()
    axe(lang="en")


def test_dashboard_in_dutch(page, axe, log_in, set_language, world):
    log_in(world.coordinator)
    set_language("nl")
    page.goto("/")
    axe(lang="nl")


def test_dashboard_on_a_phone(page, axe, log_in, world):
    log_in(world.supervisor)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    toggler = page.locator(".navbar-toggler")
    expect(toggler).to_be_visible()
    axe(lang="en")
    toggler.click()
    expect(page.locator("#main-nav")).to_be_visible()
    axe(lang="en")


def test_dashboard_without_a_role(page, axe, log_in, world):
    log_in(world.nobody)
    page.goto("/")
    expect(page.locator("main .empty-state")).to_be_visible()
    axe(lang="en")


@pytest.mark.parametrize("role", ["coordinator", "mentor"])
def test_placement_list(page, axe, log_in, world, role):
    log_in(getattr(world, role))
    page.goto("/placements/")
    expect(page.locator("main table")).to_contain_text(world.learner.get_full_name())
    axe(lang="en")


def test_placement_list_without_matches(page, axe, log_in, world):
    log_in(world.coordinator)
    page.goto("/placements/?q=nothing-matches-this")
    expect(page.locator("main .empty-state")).to_be_visible()
    axe(lang="en")


@pytest.mark.parametrize("role", ["coordinator", "learner"])
def test_placement_detail(page, axe, log_in, world, role):
    log_in(getattr(world, role))
    page.goto(f"/placements/{world.placement.pk}/")
    expect(page.locator("h1")).to_contain_text(world.learner.get_full_name())
    axe(lang="en")


def test_placement_detail_ending_early(page, axe, log_in, world):
    log_in(world.coordinator)
    page.goto(f"/placements/{world.placement.pk}/")
    page.locator("#id_status-status").select_option("ended_early")
    expect(page.locator("#id_status-end_reason")).to_be_visible()
    axe(lang="en")


def test_placement_new_form(page, axe, log_in, world):
    log_in(world.coordinator)
    page.goto("/placements/new/")
    expect(page.locator("h1")).to_have_text("Add a placement")
    axe(lang="en")


def test_placement_new_form_with_errors(page, axe, log_in, world):
    log_in(world.coordinator)
    page.goto("/placements/new/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .invalid-feedback").first).to_be_visible()
    axe(lang="en")


def test_placement_edit_form(page, axe, log_in, world):
    log_in(world.supervisor)
    page.goto(f"/placements/{world.placement.pk}/edit/")
    expect(page.locator("h1")).to_have_text("Edit placement")
    axe(lang="en")
