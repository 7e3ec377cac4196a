"""Choosing the host company narrows the work-mentor list in the placement form."""

from playwright.sync_api import expect


def test_choosing_a_company_narrows_the_mentors(page, log_in, world):
    log_in(world.coordinator)
    page.goto("/placements/new/")
    page.locator("#id_company").select_option(label=world.other_company.name)
    mentor = page.locator("#id_mentor")
    expect(mentor.locator("option")).to_have_count(2)
    expect(mentor).to_contain_text(world.other_mentor.email)
