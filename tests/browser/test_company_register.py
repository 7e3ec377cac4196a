"""A coordinator keeps the companies register: suspends a company's accreditation with a reason, then finds the
bakery entered twice and merges it; every page checked by axe-core, in English and Dutch."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from accounts.models import Company
from tests.factories import CompanyFactory, make_placement


@pytest.mark.parametrize("language", ["en", "nl"])
def test_coordinator_suspends_an_accreditation_and_merges_a_duplicate(page, log_in, set_language, axe, world, language):
    twin = CompanyFactory(name="Bakkerij de Korenschoof B.V.", city=world.company.city, registration_number="12345678")
    make_placement(school=world.school, company=twin)
    log_in(world.coordinator)
    set_language(language)
    with translation.override(language):
        words = {
            "change": _("Change the accreditation"),
            "save": _("Save"),
            "duplicates": _("Possible duplicates"),
            "keep": _("Keep %(name)s") % {"name": world.company.name},
            "merge": _("Merge and remove the other record"),
            "suspended": str(Company.Accreditation.SUSPENDED.label),
        }
    main = page.locator("main")

    page.goto(f"/register/companies/{world.company.pk}/")
    axe(lang=language)
    main.get_by_role("link", name=words["change"]).click()
    axe(lang=language)
    page.locator("#id_accreditation_status").select_option("suspended")
    page.locator("#id_accreditation_reason").fill("No qualified work mentor since March.")
    main.get_by_role("button", name=words["save"]).click()
    expect(main).to_contain_text("No qualified work mentor since March.")
    expect(main.locator("h1")).to_contain_text(words["suspended"][1:])

    page.goto("/register/companies/")
    main.get_by_role("link", name=words["duplicates"]).click()
    axe(lang=language)
    main.get_by_role("link", name=words["keep"], exact=True).click()
    axe(lang=language)
    page.locator("#id_confirm").check()
    main.get_by_role("button", name=words["merge"]).click()
    expect(page).to_have_url(f"{page.url.split('/register/')[0]}/register/companies/{world.company.pk}/")
    axe(lang=language)
    assert not Company.objects.filter(pk=twin.pk).exists()
    world.company.refresh_from_db()
    assert world.company.registration_number == "12345678"
