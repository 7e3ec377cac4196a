"""Two-factor authentication in a real browser: a coordinator whose school requires it sets it up at log-in, keeps
the recovery codes, and next time enters a code from the app before reaching the dashboard."""

import base64

from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.test_login import PASSWORD


def log_in_with_password(page, email):
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()


def settled(page):
    """The menu's notification badge loads through htmx: let it settle before axe reads the colours."""
    page.wait_for_function("() => !document.querySelector('.htmx-settling, .htmx-swapping, .htmx-request')")


def test_a_coordinator_sets_up_two_factor_then_logs_in_with_a_code(page, world, live_server, axe):
    world.school.require_two_factor_for_staff = True
    world.school.save()
    log_in_with_password(page, world.coordinator.email)
    expect(page.locator("h1")).to_have_text("Set up two-factor authentication")
    settled(page)
    axe(lang="en")
    key = base64.b32decode(page.locator("main code").inner_text().replace(" ", ""))
    page.get_by_label("Code from the app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Confirm").click()

    expect(page.locator("h1")).to_have_text("Your recovery codes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    settled(page)
    axe(lang="en")
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(f"{live_server.url}/")

    page.get_by_role("navigation", name="Main navigation").get_by_role("button", name="Log out").click()
    log_in_with_password(page, world.coordinator.email)
    expect(page.locator("h1")).to_have_text("Enter your code")
    settled(page)
    axe(lang="en")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("main")).to_contain_text("That code is not right.")
    page.wait_for_timeout(1100)  # the device waits a second after a wrong code
    page.get_by_label("Code").fill(f"{totp(key, drift=1):06d}")  # the next period's: this one confirmed the set-up
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("h1")).to_contain_text("Good to see you")
