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
