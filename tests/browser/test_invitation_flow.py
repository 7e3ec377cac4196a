"""A company admin invites a work mentor; the mentor opens the link in the e-mail, chooses a password and lands
on the dashboard. axe-core checks the new pages on the way."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role, User
from tests.helpers import wait_for_mail

# The invitation e-mails are checked where they are sent: in this process, also when REDIS_URL is set (CI).
pytestmark = pytest.mark.usefixtures("tasks_in_process")

PASSWORD = "deeg-kneden-en-bakken-2026"


def test_company_admin_invites_a_mentor_who_activates_the_account(page, context, live_server, log_in, axe, world):
    log_in(world.company_admin)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("button", name="Placements").click()
    nav.get_by_role("link", name="People").click()
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text(f"People of {world.company.name}")
    axe(lang="en")

    main.get_by_role("link", name="Add a person").click()
    main.get_by_label("E-mail address").fill("Sanne.Bakker@example.org")
    main.get_by_label("First name").fill("Sanne")
    main.get_by_label("Last name").fill("Bakker")
    main.get_by_label("Role").select_option(label="work mentor")
    main.get_by_label("Language of the e-mail").select_option("en")
    axe(lang="en")
    main.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("The invitation has been sent to sanne.bakker@example.org")

    main.get_by_role("link", name="Pending invitations").click()
    expect(main.get_by_role("cell", name="sanne.bakker@example.org", exact=True)).to_be_visible()
    axe(lang="en")

    (message,) = wait_for_mail(1)
    link = re.search(r"https?://\S+(/accounts/invitation/\S+/)", message.body).group(1)
    context.clear_cookies()  # the mentor, on their own computer
    page.goto(link)
    expect(main.locator("h1")).to_have_text("Activate your account")
    axe(lang="en")
    main.locator("#id_password1").fill(PASSWORD)
    main.locator("#id_password2").fill(PASSWORD)
    main.get_by_role("button", name="Activate my account").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator(".alert-success")).to_contain_text("Welcome to Werkmentor. You are now work mentor.")
    mentor = User.objects.get(email="sanne.bakker@example.org")
    assert mentor.memberships.filter(role=Role.MENTOR, company=world.company).exists()
