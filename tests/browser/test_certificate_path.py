"""The demo teacher goes from the dashboard to a downloaded certificate PDF by clicking only, in English and Dutch."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from home.demo.courses import ABROAD_COURSE
from registry.models import Certificate
from tests.helpers import pdf_text

HOLDER = "Javier López"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_teacher_clicks_from_dashboard_to_certificate_pdf(page, live_server, set_language, axe, language, tmp_path):
    call_command("demo", "--quiet-logins", "--language", language, stdout=StringIO())
    set_language(language)
    with translation.override(language):
        words = {
            "ready": _("Ready for a certificate"),
            "courses": _("Mentor courses"),
            "navigation": _("Main navigation"),
            "certificates": _("Certificates"),
            "issue": f"{_('Issue certificate')} {_('to %(name)s') % {'name': HOLDER}}",
            "download": _("Download PDF"),
        }

    # The only address typed: the login form. Everything after is a click.
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("#id_username").fill("supervisor@demo.werkmentor.nl")
    page.locator("#id_password").fill("demo")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/")

    main = page.locator("main")
    expect(main.get_by_role("heading", name=words["ready"])).to_be_visible()

    ready_link = main.get_by_role("link", name=re.compile(re.escape(ABROAD_COURSE)))
    expect(ready_link).to_have_attribute("href", re.compile(r"/courses/\d+/certificates/$"))

    # To the course through the menu; the courses link may sit in a dropdown, depending on the menu's layout.
    nav = page.get_by_role("navigation", name=words["navigation"])
    courses = nav.get_by_role("link", name=words["courses"])
    if not courses.is_visible():
        nav.locator(".dropdown", has_text=words["courses"]).get_by_role("button").click()
    courses.click()
    main.get_by_role("link", name=ABROAD_COURSE, exact=True).click()
    expect(main.locator("h1")).to_contain_text(ABROAD_COURSE)
    axe(lang=language)
    main.get_by_role("link", name=re.compile("^" + re.escape(words["certificates"]))).click()
    expect(main.locator("h1")).to_contain_text(words["certificates"])

    main.get_by_role("button", name=words["issue"]).click()
    certificate = Certificate.objects.get(holder_name=HOLDER, course__title=ABROAD_COURSE)
    expect(main).to_contain_text(certificate.number)
    axe(lang=language)

    main.get_by_role("link", name=certificate.number).click()
    with page.expect_download() as download_info:
        main.get_by_role("link", name=words["download"]).click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf.read_bytes())
    assert HOLDER in text
    assert certificate.number in text
