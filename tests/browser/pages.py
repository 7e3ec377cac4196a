"""Small page helpers shared by the browser tests."""

from playwright.sync_api import Page, expect


def switch_language(page: Page, code: str) -> None:
    """Pick a language in the footer switcher and submit it, as a visitor would."""
    switcher = page.locator("footer form.language-switcher")
    switcher.locator("select[name=language]").select_option(code)
    with page.expect_response(lambda response: "/i18n/setlang/" in response.url):
        switcher.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", code)


DEMO_PASSWORD = "demo"  # every person of the demo data


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the log-in form, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
