"""The placement form's search-as-you-type fields: typing, picking with the keyboard, and the mentors that follow."""

from playwright.sync_api import expect


def test_choosing_a_company_narrows_the_mentors(page, log_in, world):
    log_in(world.coordinator)
    page.goto("/placements/new/")
    company = page.get_by_role("combobox", name="Host company")
    company.fill("autohaus")
    expect(page.get_by_role("option", name="Autohaus Becker (Münster)")).to_be_visible()
    company.press("ArrowDown")
    company.press("Enter")
    expect(company).to_have_value("Autohaus Becker (Münster)")
    mentor = page.locator("#id_mentor")
    expect(mentor.locator("option")).to_have_count(2)
    expect(mentor).to_contain_text(world.other_mentor.email)


def test_a_placement_is_added_by_typing_and_picking_with_the_keyboard(page, log_in, world):
    log_in(world.coordinator)
    page.goto("/placements/new/")
    for label, typed, option in [
        ("Learner", "other.learner", "other.learner@example.org"),
        ("Host company", "korenschoof", "Bakkerij De Korenschoof"),
        ("School supervisor", "ingrid", "supervisor@example.org"),
        ("Programme", "bakkerij", "Medewerker bakkerij"),
    ]:
        box = page.get_by_role("combobox", name=label)
        box.fill(typed)
        expect(page.get_by_role("option").filter(has_text=option)).to_have_count(1)
        box.press("ArrowDown")
        expect(box).to_have_attribute("aria-activedescendant", box.get_attribute("aria-controls") + "_0")
        box.press("Enter")
        expect(box).to_have_attribute("aria-expanded", "false")
    page.locator("#id_mentor").select_option(label=f"Marieke de Vries ({world.mentor.email})")
    page.get_by_label("Start date").fill("2031-02-01")
    page.get_by_label("End date").fill("2031-06-30")
    page.get_by_label("Hours per week").fill("32")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The placement has been added.")).to_be_visible()
