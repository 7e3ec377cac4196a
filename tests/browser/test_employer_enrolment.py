"""A teacher invites an employer's contact to a mentor course; the contact opens the link in the e-mail without
an account and enrols an employee by name and e-mail address, who gets the course information and an activation
link. axe-core checks the new pages on the way."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role, User
from registry.models import Enrolment
from tests.helpers import wait_for_mail
from tests.registry.factories_courses import add_session, make_course

# The e-mails are checked where they are sent: in this process, also when REDIS_URL is set (CI).
pytestmark = pytest.mark.usefixtures("tasks_in_process")


def test_employer_contact_enrols_an_employee_through_the_teachers_invitation(page, context, log_in, axe, world):
    course = make_course(world, title="Werkmentortraining voorjaar", max_participants=8)
    add_session(course, days=14, title="Rol van de mentor")
    # Generous waits: on a loaded machine the first request (templates compiled, translations loaded) took >15 s.
    context.set_default_timeout(30_000)
    context.set_default_navigation_timeout(60_000)
    log_in(world.supervisor)
    page.goto(f"/courses/{course.pk}/")
    main = page.locator("main")
    main.get_by_role("link", name="Invite employers").click()
    expect(main.locator("h1")).to_contain_text("Invite employers")
    axe(lang="en")
    main.get_by_role("combobox", name="Employer").select_option(label=world.company.name)
    main.get_by_role("textbox", name="Contact's name").fill("Petra Smit")
    main.get_by_role("textbox", name="Contact's e-mail address").fill("hr@korenschoof.example")
    main.get_by_role("combobox", name="Language of the e-mail").select_option("en")
    main.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".alert-success")).to_contain_text("The invitation has been sent to hr@korenschoof.example")
    expect(main.get_by_role("cell", name="Petra Smit")).to_be_visible()

    (message,) = wait_for_mail(1)
    assert message.to == ["hr@korenschoof.example"]
    link = re.search(r"https?://\S+(/courses/enrol/\S+/)", message.body).group(1)
    context.clear_cookies()  # the contact, on their own computer, without an account
    page.goto(link)
    expect(main.locator("h1")).to_have_text("Enrol employees in Werkmentortraining voorjaar")
    axe(lang="en")
    main.get_by_role("textbox", name="Employees").fill("Sanne Bakker, Sanne.Bakker@korenschoof.example")
    main.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("Sanne Bakker is enrolled")
    expect(main.get_by_role("listitem").filter(has_text="Sanne Bakker")).to_be_visible()

    sanne = User.objects.get(email="sanne.bakker@korenschoof.example")
    assert sanne.memberships.filter(role=Role.MENTOR, company=world.company).exists()
    assert course.enrolments.get(participant=sanne).status == Enrolment.Status.CONFIRMED
    mails = wait_for_mail(3)
    to_sanne = [m for m in mails if m.to == [sanne.email]]
    assert len(to_sanne) == 2  # the activation link and the course information
    assert any("/accounts/invitation/" in m.body for m in to_sanne)
