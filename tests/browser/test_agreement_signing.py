"""The school draws up a placement agreement and sends it; learner, company and school sign it in the browser."""

from playwright.sync_api import expect

from assessments.models import PlacementAgreement


def test_learner_company_and_school_sign_the_placement_agreement(page, live_server, world, log_in, axe):
    # The school (the placement's supervisor) draws it up from the placement's tab and sends it.
    log_in(world.supervisor)
    page.goto(f"{live_server.url}/placements/{world.placement.pk}/")
    page.get_by_role("navigation", name="Sections of this placement").get_by_role(
        "link", name="Placement agreement"
    ).click()
    page.get_by_role("button", name="Draw up the placement agreement").click()
    expect(page.locator("main")).to_contain_text("Bakkerij De Korenschoof")
    axe()
    page.get_by_role("button", name="Send for signatures").click()
    expect(page.locator("main")).to_contain_text("sent for signatures to")
    agreement = PlacementAgreement.objects.get(placement=world.placement)
    url = f"{live_server.url}/placement-agreements/{agreement.pk}/"

    # Each party signs on the agreement's page, the school last.
    for person in (world.learner, world.mentor, world.supervisor):
        page.context.clear_cookies()
        log_in(person)
        page.goto(url)
        page.get_by_label("I have read this agreement and agree to it").check()
        page.get_by_role("button", name="Sign the agreement").click()
        expect(page.locator("main")).to_contain_text("Thank you for signing")
    expect(page.locator("main")).to_contain_text("Everyone has signed now")
    axe()
    agreement.refresh_from_db()
    assert agreement.status == PlacementAgreement.Status.SIGNED
    assert agreement.signatures.filter(signed_at__isnull=False).count() == 3
