"""Logging in through the real form, in a real browser (django-axes included)."""

from playwright.sync_api import expect

from tests.browser.pages import switch_language

PASSWORD = "correct horse battery"  # what tests.factories.UserFactory sets


def test_login_reaches_the_dashboard(page, world, live_server):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(world.mentor.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_have_text("Good to see you, Marieke")
    expect(page.get_by_role("navigation", name="Main navigation")).to_contain_text("Log out")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_login_returns_to_the_page_asked_for(page, world, live_server):
    page.goto("/placements/")
    # Anonymous visitors are sent to the login form, which brings them back afterwards.
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/placements/")
    page.locator("#id_username").fill(world.coordinator.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/placements/")
    expect(page.locator("h1")).to_have_text("Work placements")


def test_wrong_password_shows_the_error_on_the_form(page, world, live_server):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(world.mentor.email)
    page.get_by_label("Password").fill("not the right password")
    page.get_by_role("button", name="Log in").click()
    error = page.locator("main form .alert-danger")
    expect(error).to_contain_text("That e-mail address and password do not match")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    # The e-mail address stays filled in; the password does not.
    expect(page.locator("#id_username")).to_have_value(world.mentor.email)
    expect(page.locator("#id_password")).to_have_value("")


def test_login_in_dutch(page, world, live_server):
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch_language(page, "nl")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("#language-select")).to_have_value("nl")
    # Field ids stay the same whatever the language; the labels may be translated.
    page.locator("#id_username").fill(world.learner.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("#language-select")).to_have_value("nl")
    expect(page.locator("h1")).to_contain_text("Daan")
