"""The demo mentor rates a learner at the mid-term, both sign (the learner disagrees), and the PDF downloads."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import AssessmentMoment, AssessmentRecord, Signature
from placements.models import Placement
from tests.browser.pages import log_in, log_out
from tests.helpers import pdf_text

MENTOR = "mentor@demo.werkmentor.nl"
LEARNER = "emma.dejong@student.rijnland.example"
REASON = "Product advice went well twice in the last week; unsatisfactory is too harsh."
RESPONSE = "I will ask Marieke to observe me at the counter again next month."


def test_mentor_rates_both_sign_and_the_pdf_downloads(page, live_server, axe, tmp_path):
    call_command("demo", stdout=StringIO())
    placement = Placement.objects.get(learner__email=LEARNER, mentor__email=MENTOR, status="active")
    moment = placement.assessment_plan.moments.get(kind=AssessmentMoment.Kind.MID_TERM)
    assert not AssessmentRecord.objects.filter(moment=moment).exists()
    indicators = list(placement.assessment_plan.indicators.order_by("code"))
    assert indicators
    remarked = next(indicator for indicator in indicators if indicator.code == "2.2.2")

    # The mentor finds Emma on the dashboard and opens her placement's Assessments tab.
    log_in(page, MENTOR)
    page.locator("section[aria-labelledby=mentor-heading]").get_by_role("link", name="Emma de Jong").first.click()
    page.get_by_role("navigation", name="Sections of this placement").get_by_role("link", name="Assessments").click()
    expect(page).to_have_url(f"{live_server.url}/placements/{placement.pk}/assessments/")
    planned = (
        page.locator("section[aria-labelledby=planned-heading]").get_by_role("listitem").filter(has_text="Mid-term")
    )
    planned.get_by_role("link", name="Start assessment").click()

    page.get_by_label("Title").fill("Mid-term assessment")
    page.get_by_label("Date of assessment").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Start assessment").click()
    record = AssessmentRecord.objects.get(moment=moment)
    expect(page).to_have_url(f"{live_server.url}/assessments/{record.pk}/edit/")

    # The rating page: a level for every indicator, remarks on one, and the overall part.
    axe()
    for indicator in indicators:
        level = "unsatisfactory" if indicator == remarked else "good"
        page.get_by_role("group", name=indicator.title, exact=True).get_by_label(level, exact=True).check()
    page.get_by_label(f"Remarks on {remarked.title}").fill("Mixed up two allergens on the bread list.")
    page.get_by_role("group", name="Overall level").get_by_label("satisfactory", exact=True).check()
    page.get_by_label("Overall judgement").fill("A reliable learner; product advice needs practice.")
    page.get_by_label("Strengths").fill("Punctual, hygienic, asks for help in time.")
    page.get_by_label("Points for development").fill("Learn the allergen list by heart.")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(f"{live_server.url}/assessments/{record.pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("The assessment has been saved.")
    expect(main).to_contain_text("Mixed up two allergens on the bread list.")
    axe()
    page.get_by_role("button", name="Send for signatures").click()
    expect(main).to_contain_text("The assessment has been sent for signatures to:")
    expect(main).to_contain_text("This assessment is waiting for signatures and cannot be changed now.")
    page.get_by_role("button", name="Sign: I agree").click()
    expect(main).to_contain_text("The assessment is final once everyone has signed it.")
    log_out(page)

    # Emma finds it on her dashboard, reads it, and signs that she has seen it but disagrees.
    log_in(page, LEARNER)
    waiting = page.locator("section[aria-labelledby=assessments-heading]")
    expect(waiting).to_contain_text("Waiting for your signature")
    waiting.get_by_role("link", name="Mid-term assessment").click()
    page.get_by_role("link", name="Read and sign").click()
    axe()
    page.get_by_label("I have seen this assessment, but I disagree").check()
    page.get_by_label("Why you disagree").fill(REASON)
    page.get_by_label("Your response").fill(RESPONSE)
    page.get_by_role("button", name="Sign the assessment").click()

    expect(page).to_have_url(f"{live_server.url}/assessments/{record.pk}/")
    expect(main).to_contain_text("Everyone has signed now, so the assessment is final.")
    expect(main).to_contain_text("Signed and locked on")
    expect(page.locator("section[aria-labelledby=signatures-heading]")).to_contain_text("seen, disagree")
    expect(main).to_contain_text(REASON)
    expect(main).to_contain_text(RESPONSE)
    expect(page.get_by_role("link", name="Edit", exact=True)).to_have_count(0)
    axe()

    # The PDF of the signed record.
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF", exact=True).click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Emma de Jong" in text
    assert remarked.title in text

    record.refresh_from_db()
    assert record.status == AssessmentRecord.Status.SIGNED
    assert record.locked_at is not None
    assert record.learner_response == RESPONSE
    signed = list(record.signatures.select_related("user"))
    assert len(signed) == 2
    assert all(s.signed_at is not None for s in signed)
    signatures = {s.role: s for s in signed}
    assert signatures[Signature.Role.ASSESSOR].user.email == MENTOR
    assert signatures[Signature.Role.ASSESSOR].verdict == Signature.Verdict.AGREE
    learner = signatures[Signature.Role.SUBJECT]
    assert learner.user.email == LEARNER
    assert learner.verdict == Signature.Verdict.DISAGREE
    assert learner.reason == REASON
    ratings = {rating.indicator_id: rating for rating in record.ratings.select_related("level")}
    assert set(ratings) == {indicator.pk for indicator in indicators}
    assert ratings[remarked.pk].level.title_en == "unsatisfactory"
    assert ratings[remarked.pk].remarks == "Mixed up two allergens on the bread list."
    assert record.overall_level.title_en == "satisfactory"
