"""Keyboard use: the skip link and a focus ring that can be seen (axe cannot check either)."""

from playwright.sync_api import expect

FOCUS_DARK = "rgb(15, 53, 80)"  # --wm-brand-dark, on the light page
FOCUS_AMBER = "rgb(240, 179, 35)"  # on the dark navigation bar


def outline(locator):
    return locator.evaluate(
        "(el) => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
    )


def test_skip_link_is_first_and_moves_focus_to_main(page, log_in, world):
    log_in(world.mentor)  # whose dashboard has links to placements
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    box = skip_link.bounding_box()
    assert box["width"] > 20 and box["height"] > 10, f"the focused skip link is not visibly rendered: {box}"
    assert outline(skip_link) == ["solid", "3px", FOCUS_AMBER]
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab continues inside the main content, not back in the navigation.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.activeElement.closest('main#main') !== null && document.activeElement.tagName === 'A'"
    )


def test_focus_ring_on_form_controls_and_buttons(page, log_in, world):
    log_in(world.coordinator)
    page.goto("/placements/")
    page.get_by_label("Search").focus()
    page.keyboard.press("Tab")
    status = page.locator("#id_status")
    expect(status).to_be_focused()
    assert outline(status) == ["solid", "3px", FOCUS_DARK]
    filter_button = page.locator("main form[role=search] button[type=submit]")
    filter_button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(filter_button).to_be_focused()
    assert outline(filter_button) == ["solid", "3px", FOCUS_DARK]


def test_navigation_links_get_the_amber_ring(page, log_in, world):
    log_in(world.coordinator)
    page.goto("/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # brand
    brand = page.locator(".navbar-brand")
    expect(brand).to_be_focused()
    assert outline(brand) == ["solid", "3px", FOCUS_AMBER]
