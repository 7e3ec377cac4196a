"""A signer opens the signed link from the e-mail in a real browser and signs without logging in.

The page's own form must pass Django's CSRF origin check: under "Referrer-Policy: no-referrer" a browser sends
"Origin: null" with it and the signature was refused (403).
"""

from playwright.sync_api import expect

from assessments.models import Signature
from tests.assessments.test_signatures import sent_record, signature_for
from tests.assessments.test_signatures_link import link


def test_the_supervisor_signs_through_the_e_mailed_link_in_the_browser(page, live_server, world, axe):
    record = sent_record(world)
    page.goto(live_server.url + link(signature_for(record, world.supervisor)))
    expect(page.locator("main")).to_contain_text("Mid-term assessment")
    axe()
    page.get_by_role("button", name="Sign the assessment").click()
    expect(page.locator("main")).to_contain_text("Thank you for signing")
    signature = signature_for(record, world.supervisor)
    assert (signature.verdict, signature.signed_at is not None) == (Signature.Verdict.AGREE, True)
