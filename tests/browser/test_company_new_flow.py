"""A coordinator adds a host company from the companies list (a duplicate KvK number first refused), then invites
its first company admin. axe-core checks the new page, with and without the error."""

from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import Company, Role
from tests.factories import CompanyFactory


def test_coordinator_adds_a_company_and_invites_its_admin(page, live_server, log_in, axe, world):
    CompanyFactory(name="Bakkerij Kodde", city="Vlissingen", registration_number="87654321")
    log_in(world.coordinator)
    page.goto(reverse("people_companies"))
    main = page.locator("main")
    main.get_by_role("link", name="New host company").click()
    expect(main.locator("h1")).to_have_text("New host company")
    axe(lang="en")
    main.get_by_label("Name").first.fill("Zeeuwse Bakkerij")
    main.get_by_label("KvK number (Chamber of Commerce)").fill("8765 4321")
    main.get_by_label("City").fill("Middelburg")
    main.get_by_label("Sector").fill("Food production")
    main.get_by_role("button", name="Save").click()
    expect(main.get_by_role("alert")).to_contain_text("This company is registered already as Bakkerij Kodde")
    axe(lang="en")

    main.get_by_label("KvK number (Chamber of Commerce)").fill("11223344")
    main.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("Zeeuwse Bakkerij has been added.")
    expect(main.get_by_label("Role")).to_have_value("company_admin")
    main.get_by_label("E-mail address").fill("eigenaar@zeeuws.example")
    main.get_by_label("First name").fill("Joost")
    main.get_by_label("Last name").fill("Kodde")
    main.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("The invitation has been sent to eigenaar@zeeuws.example")
    company = Company.objects.get(name="Zeeuwse Bakkerij")
    assert company.invitations.get().role == Role.COMPANY_ADMIN
