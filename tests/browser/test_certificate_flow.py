"""The demo teacher issues a certificate; the demo coordinator finds it in the register and verifies it."""

from io import StringIO

from django.core.management import call_command
from playwright.sync_api import expect

from registry.models import Certificate, Course
from tests.browser.pages import log_in, log_out


def test_teacher_issues_and_coordinator_finds_and_verifies(page, live_server, axe):
    call_command("demo", stdout=StringIO())
    # The demo already certified the course's graduates; take one back so the teacher can issue it here.
    graduate = Certificate.objects.get(holder__email="mentor@demo.werkmentor.nl", course__isnull=False)
    course = graduate.course
    graduate.delete()
    assert Course.objects.filter(pk=course.pk).exists()

    log_in(page, "supervisor@demo.werkmentor.nl")
    page.goto(f"/courses/{course.pk}/certificates/")
    axe()
    page.get_by_role("button", name="Issue certificate to Marieke de Vries").click()
    certificate = Certificate.objects.get(holder__email="mentor@demo.werkmentor.nl", course=course)
    expect(page.locator("main")).to_contain_text(certificate.number)
    log_out(page)

    log_in(page, "coordinator@demo.werkmentor.nl")
    page.get_by_role("link", name="Register", exact=True).click()
    page.get_by_role("textbox", name="Search").fill("Marieke de Vries")
    page.locator("main form").get_by_role("button", name="Search").click()
    axe()
    page.get_by_role("link", name=certificate.number).click()
    page.get_by_role("link", name="Public verification page").click()
    expect(page.locator("main")).to_contain_text("Marieke de Vries")
    expect(page.locator("main")).to_contain_text("Rijnland Vakcollege")
    expect(page.locator("main")).to_contain_text("Valid")
    axe()
