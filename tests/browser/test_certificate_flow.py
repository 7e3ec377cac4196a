"""The demo teacher issues a certificate; the demo coordinator finds it in the register and verifies it."""

from io import StringIO

from django.core.management import call_command
from playwright.sync_api import expect

from registry.models import Certificate, Enrolment
from tests.browser.pages import log_in, log_out


def test_teacher_issues_and_coordinator_finds_and_verifies(page, live_server, axe):
    call_command("demo", stdout=StringIO())
    # The demo has a course whose graduates wait for their certificate (issued certificates cannot be deleted).
    waiting = (
        Enrolment.objects.filter(status=Enrolment.Status.COMPLETED, certificate__isnull=True)
        .select_related("participant", "course__school")
        .order_by("pk")
        .first()
    )
    holder, course = waiting.participant, waiting.course
    name = holder.get_full_name()

    log_in(page, "supervisor@demo.werkmentor.nl")
    page.goto(f"/courses/{course.pk}/certificates/")
    axe()
    page.get_by_role("button", name=f"Issue certificate to {name}").click()
    certificate = Certificate.objects.get(holder=holder, course=course)
    expect(page.locator("main")).to_contain_text(certificate.number)
    log_out(page)

    log_in(page, "coordinator@demo.werkmentor.nl")
    page.get_by_role("link", name="Register", exact=True).click()
    page.get_by_role("textbox", name="Search").fill(name)
    page.locator("main form").get_by_role("button", name="Search").click()
    axe()
    page.get_by_role("link", name=certificate.number).click()
    page.get_by_role("link", name="Public verification page").click()
    expect(page.locator("main")).to_contain_text(name)
    expect(page.locator("main")).to_contain_text(course.school.name)
    expect(page.locator("main")).to_contain_text("Valid")
    axe()
