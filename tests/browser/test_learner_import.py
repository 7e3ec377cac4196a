"""A coordinator imports the 20 learners of the sample export: upload, accept the guessed columns, read the dry
run, import with invitations, and find the learners on the learners page. axe-core checks each new page (the
form to add a learner is the edit form)."""

import re

from playwright.sync_api import expect

from accounts.invitations.models import Invitation
from placements.models import LearnerRecord
from tests.placements.factories_imports import DATA, school_programmes


def test_a_coordinator_imports_twenty_learners_and_invites_them(page, log_in, axe, world):
    school_programmes(world)
    log_in(world.coordinator)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("button", name="Placements").click()
    nav.get_by_role("link", name="Learners").click()
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text("Learners")
    axe(lang="en")

    main.get_by_role("link", name="Import from the student information system").click()
    expect(main.locator("h1")).to_have_text("Import learners or placements")
    axe(lang="en")
    main.get_by_label("Learners", exact=True).check()
    main.get_by_label("Export file").set_input_files(DATA / "learners_export.csv")
    main.get_by_role("button", name="Upload and choose columns").click()

    expect(main.locator("h1")).to_have_text("Choose the columns")
    expect(main.get_by_label("First name")).to_have_value("1")  # "Roepnaam", guessed
    axe(lang="en")
    main.get_by_role("button", name="Dry run").click()

    expect(main.locator("h1")).to_have_text("Dry run: learners_export.csv")
    expect(main.get_by_text("Every row can be imported.")).to_be_visible()
    expect(main.get_by_role("cell", name="100243 · Anaïs Hendriks")).to_be_visible()
    axe(lang="en")
    expect(main.get_by_label("Send each new learner an invitation e-mail")).to_be_checked()
    main.get_by_role("button", name="Import", exact=True).click()

    expect(page.locator(".alert-success").first).to_contain_text("20 new, 0 updated, 0 unchanged")
    axe(lang="en")
    main.get_by_role("link", name="See the learners").click()
    expect(main.get_by_text("20 learners")).to_be_visible()
    expect(main.get_by_role("cell", name="100234")).to_be_visible()
    assert LearnerRecord.objects.filter(school=world.school).count() == 20
    # The learner's own pages: edit and mark as left.
    main.get_by_role("link", name=re.compile("^Edit.*Çağla Öztürk$")).click()
    expect(main.get_by_label("Student number")).to_have_value("100234")
    axe(lang="en")
    page.go_back()
    main.get_by_role("link", name=re.compile("^Mark as left.*Çağla Öztürk$")).click()
    expect(main.locator("h1")).to_have_text("Çağla Öztürk left the school")
    axe(lang="en")
    assert Invitation.objects.filter(school=world.school, role="learner").count() == 20
