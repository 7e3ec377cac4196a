"""The top menu fits: no sideways scrolling, every item on one line, log out in sight, for every role.

Checked at 1280 and 1024 px wide in English and Dutch (Dutch labels are the longest), with a long name,
and below the breakpoint the menu folds behind the toggler, which opens it from the keyboard.
"""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.factories import grant, person

WIDE = [(1280, 800), (1024, 768)]
NARROW = (768, 900)
LOG_OUT = {"en": "Log out", "nl": "Uitloggen"}
# Longer than any name in the demo: the user button must cut the first name short, not push the bar out.
LONG_NAME = {"first_name": "Anne-Marie-Christine", "last_name": "van den Heuvel-Brouwer"}

ROLES = ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff", "several_roles"]


def someone(world, role):
    if role == "several_roles":
        user = person(Role.TEACHER, world.school, email="several@example.org")
        grant(user, Role.COORDINATOR, world.school)
        grant(user, Role.MENTOR, world.company)
    else:
        user = getattr(world, role)
    user.first_name, user.last_name = LONG_NAME["first_name"], LONG_NAME["last_name"]
    user.save(update_fields=["first_name", "last_name"])
    return user


# Every top-level control of the bar: links, dropdown buttons and the log-out button.
TOP_LEVEL = "#main-nav > .navbar-nav > .nav-item > .nav-link, #main-nav > .navbar-nav > .nav-item > form > .nav-link"

MEASURE = """(selector) => [...document.querySelectorAll(selector)].map((el) => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return {
        text: el.textContent.trim(), top: r.top, left: r.left, right: r.right,
        textHeight: r.height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom),
        lineHeight: parseFloat(s.lineHeight),
    };
})"""


def no_sideways_scroll(page):
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width[0]} px of content in a {width[1]} px window"


def assert_within_window(page, locator, what):
    box = locator.bounding_box()
    width = page.evaluate("() => window.innerWidth")
    assert box is not None, f"{what} is not rendered"
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{what} sticks out of the {width} px window: {box}"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("role", ROLES)
def test_the_menu_fits_on_one_line(page, log_in, set_language, world, role, lang):
    log_in(someone(world, role))
    set_language(lang)
    page.set_viewport_size({"width": WIDE[0][0], "height": WIDE[0][1]})
    with page.expect_response(lambda response: "/notifications/badge/" in response.url):
        page.goto("/")  # the unread badge in the bar arrives just after the page
    expect(page.locator("html")).to_have_attribute("lang", lang)
    nav = page.locator("#main-nav")
    log_out = nav.get_by_role("button", name=LOG_OUT[lang])

    for width, height in WIDE:
        page.set_viewport_size({"width": width, "height": height})
        expect(page.locator(".navbar-toggler")).to_be_hidden()
        no_sideways_scroll(page)
        items = page.evaluate(MEASURE, TOP_LEVEL)
        assert len(items) >= 4, items  # dashboard, placements, notifications, the user, log out at least
        for item in items:
            assert item["textHeight"] < 1.6 * item["lineHeight"], f"{item['text']!r} wraps at {width} px: {item}"
            assert item["top"] == pytest.approx(items[0]["top"], abs=2), f"the bar wraps at {width} px: {items}"
            assert item["left"] >= 0 and item["right"] <= width, f"{item['text']!r} is off-screen at {width} px"
        expect(log_out).to_be_visible()
        assert_within_window(page, log_out, f"{LOG_OUT[lang]!r} at {width} px")

        if width != min(w for w, _ in WIDE):
            continue
        # At the narrowest width each dropdown opens inside the window, the user's own pages included.
        toggles = nav.locator(".dropdown-toggle")
        for index in range(toggles.count()):
            toggle = toggles.nth(index)
            toggle.click()
            menu = toggle.locator("xpath=following-sibling::ul[contains(@class, 'dropdown-menu')]")
            expect(menu).to_be_visible()
            for link in menu.get_by_role("link").all():
                assert_within_window(page, link, f"{link.inner_text()!r} under {toggle.inner_text()!r} at {width} px")
            no_sideways_scroll(page)
            page.keyboard.press("Escape")
            expect(menu).to_be_hidden()

    # Below the breakpoint the menu folds away behind the toggler, which the keyboard opens.
    page.set_viewport_size({"width": NARROW[0], "height": NARROW[1]})
    toggler = page.locator(".navbar-toggler")
    expect(toggler).to_be_visible()
    expect(nav).to_be_hidden()
    no_sideways_scroll(page)
    toggler.focus()
    page.keyboard.press("Enter")
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(nav).to_have_class(re.compile(r"\bshow\b"))  # opened, and done sliding open
    expect(log_out).to_be_visible()
    assert_within_window(page, log_out, f"{LOG_OUT[lang]!r} in the opened menu")
    no_sideways_scroll(page)


def test_the_dropdowns_work_from_the_keyboard_and_pass_axe(page, axe, log_in, world):
    log_in(world.coordinator)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main navigation")
    placements = nav.get_by_role("button", name="Placements")
    placements.focus()
    page.keyboard.press("Enter")
    expect(placements).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(nav.get_by_role("link", name="Placements")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(nav.get_by_role("link", name="Placement health")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(nav.get_by_role("link", name="Openings")).to_be_focused()
    axe(lang="en")
    page.keyboard.press("Escape")
    expect(placements).to_be_focused()
    expect(placements).to_have_attribute("aria-expanded", "false")
    # Tab on to the next group and follow a link in it with Enter.
    page.keyboard.press("Tab")
    training = nav.get_by_role("button", name="Training")
    expect(training).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    expect(nav.get_by_role("link", name="Mentor courses")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/courses/$"))
    expect(nav.get_by_role("button", name="Training")).to_have_class(re.compile(r"\bactive\b"))
    # The user menu, which also opens with the keyboard.
    user_menu = nav.get_by_role("button", name=world.coordinator.get_short_name())
    user_menu.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    expect(nav.get_by_role("link", name="My account")).to_be_focused()
    axe(lang="en")
