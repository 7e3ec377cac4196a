"""The demo company admin publishes an opening, two interviewers score a candidate, the candidate is appointed
and the induction checklist appears on the new placement."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from placements.models import Candidate, InductionTemplate, Opening, Placement, ScoreSheet
from tests.browser.pages import log_in, log_out

ADMIN = "company@demo.werkmentor.nl"
MARIEKE = "mentor@demo.werkmentor.nl"
HENK = "henk.bos@korenschoof.example"
LOTTE = "lotte.prins@student.rijnland.example"
TITLE = "Pastry assistant – weekend bakes"
MOTIVATION = "I decorate cakes for family parties and would love to learn the craft in a real bakery."
CRITERIA = [
    ("Care for the product", "Show us a pastry you made. What would you do differently next time?"),
    ("Customer friendliness", "A customer complains that a cake is sold out. What do you say?"),
]
MARIEKE_NOTES = [
    "Brought photos of a three-layer cake and named the cracked glaze unprompted.",
    "Offered to take a pre-order and suggested a similar cake from the counter.",
]
HENK_NOTES = [
    "Explained how she tempers chocolate step by step.",
    "Stayed calm in the role play and apologised first.",
]


def open_candidate_from_dashboard(page, live_server, candidate):
    page.goto("/")
    recruitment = page.locator("section[aria-labelledby=recruitment-heading]")
    expect(recruitment).to_contain_text("Candidates waiting for your scores")
    waiting = recruitment.get_by_role("listitem").filter(has_text=TITLE)
    waiting.get_by_role("link", name=candidate.anonymous_name).click()
    expect(page).to_have_url(f"{live_server.url}/placements/candidates/{candidate.pk}/")


def criterion_group(page, number):
    # Found by its accessible name: a screen reader announces which criterion is being scored.
    return page.get_by_role("group", name=f"{number}. {CRITERIA[number - 1][0]}")


def score_sheet(page, scores, notes):
    for number, (score, note) in enumerate(zip(scores, notes, strict=True), start=1):
        criterion = criterion_group(page, number)
        criterion.get_by_role("group", name="Score").get_by_label(score, exact=True).check()
        criterion.get_by_role("textbox", name="Evidence").fill(note)


def test_opening_to_appointment_to_induction(page, live_server, axe):
    call_command("demo", stdout=StringIO())
    lotte = User.objects.get(email=LOTTE)
    bakery = User.objects.get(email=MARIEKE).memberships.get(role="mentor").company
    assert not Placement.objects.filter(learner=lotte).exists()
    today = timezone.localdate()
    start, end = today + timedelta(days=40), today + timedelta(days=220)

    # 1. The company admin describes a new opening, publishes it, adds criteria and picks the interviewers.
    log_in(page, ADMIN)
    page.goto("/placements/openings/")
    page.get_by_role("link", name="New opening").first.click()
    expect(page.get_by_role("heading", name="New opening")).to_be_visible()
    axe()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Tasks").fill("Fill and finish pastries\nDecorate cakes to order\nHelp at the counter")
    page.get_by_label("Required competencies").fill("hygiene, creative, customer contact")
    programmes = page.get_by_role("combobox", name="Suitable programmes")
    programmes.fill("25383")
    expect(page.get_by_role("option").filter(has_text="Medewerker bakkerij (25383)")).to_have_count(1)
    programmes.press("ArrowDown")
    programmes.press("Enter")
    expect(page.get_by_role("checkbox", name="Medewerker bakkerij (25383)")).to_be_checked()
    page.get_by_label("Hours per week").fill("24")
    page.get_by_label("City").fill("Utrecht")
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("End date").fill(end.isoformat())
    page.get_by_label("Number of places").fill("1")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("The opening has been saved as a draft.")
    opening = Opening.objects.get(company=bakery, title=TITLE)
    expect(page).to_have_url(f"{live_server.url}/placements/openings/{opening.pk}/")
    assert opening.status == Opening.Status.DRAFT
    assert [p.name for p in opening.programmes.all()] == ["Medewerker bakkerij"]
    assert opening.required_skills == ["hygiene", "creative", "customer contact"]

    page.get_by_role("button", name="Publish").click()
    expect(page.locator("main")).to_contain_text("The opening is published")
    page.get_by_role("link", name="Selection criteria and interviewers").click()
    expect(page).to_have_url(f"{live_server.url}/placements/openings/{opening.pk}/criteria/")
    for title, questions in CRITERIA:
        page.get_by_role("textbox", name="Criterion").fill(title)
        page.get_by_role("textbox", name="Interview questions").fill(questions)
        page.get_by_role("button", name="Add criterion").click()
        expect(page.locator("main")).to_contain_text("The criterion has been added.")
    interviewers = page.locator("section[aria-labelledby=interviewers-heading]")
    interviewers.get_by_label(f"Marieke de Vries ({MARIEKE})").check()
    interviewers.get_by_label(f"Henk Bos ({HENK})").check()
    interviewers.get_by_role("button", name="Save interviewers").click()
    expect(page.locator("main")).to_contain_text("The interviewers have been saved.")
    criteria_list = page.locator("section[aria-labelledby=criteria-heading]").get_by_role("listitem")
    expect(criteria_list).to_have_count(2)
    axe()
    opening.refresh_from_db()
    assert opening.status == Opening.Status.PUBLISHED
    assert [c.title for c in opening.criteria.order_by("position", "pk")] == [t for t, _q in CRITERIA]
    assert set(opening.interviewers.values_list("email", flat=True)) == {MARIEKE, HENK}
    log_out(page)

    # 2. Lotte finds the opening among the published ones and applies with a motivation.
    log_in(page, LOTTE)
    page.goto("/placements/openings/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label("Motivation").fill(MOTIVATION)
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("main")).to_contain_text("Your application has been sent.")
    candidate = Candidate.objects.get(opening=opening, learner=lotte)
    assert candidate.status == Candidate.Status.OPEN
    assert candidate.motivation == MOTIVATION
    log_out(page)

    # 3a. Marieke scores first; before she submits there is nothing of anyone else to read.
    log_in(page, MARIEKE)
    open_candidate_from_dashboard(page, live_server, candidate)
    main = page.locator("main")
    expect(main).to_contain_text(MOTIVATION)
    others = page.locator("section[aria-labelledby=others-heading]")
    expect(others).to_contain_text("You read the other interviewers' sheets once you have submitted your own")
    expect(others.get_by_role("table")).to_have_count(0)
    score_sheet(page, ["4 · clear evidence", "5 · strong evidence"], MARIEKE_NOTES)
    page.get_by_role("button", name="Submit my scores").click()
    expect(main).to_contain_text("Your score sheet has been submitted.")
    expect(page.locator("section[aria-labelledby=sheet-heading]")).to_contain_text(MARIEKE_NOTES[0])
    expect(others).to_contain_text("No other submitted sheets yet.")
    axe()
    log_out(page)

    # 3b. Henk does not see Marieke's evidence until he has submitted his own sheet, not even with a draft.
    log_in(page, HENK)
    open_candidate_from_dashboard(page, live_server, candidate)
    for note in MARIEKE_NOTES:
        expect(main).not_to_contain_text(note)
    expect(others).to_contain_text("You read the other interviewers' sheets once you have submitted your own")
    axe()
    score_sheet(page, ["4 · clear evidence", "3 · some evidence"], HENK_NOTES)
    page.get_by_role("button", name="Save draft").click()
    expect(main).to_contain_text("Your score sheet has been saved as a draft.")
    for note in MARIEKE_NOTES:
        expect(main).not_to_contain_text(note)
    expect(criterion_group(page, 2).get_by_role("textbox", name="Evidence")).to_have_value(HENK_NOTES[1])
    page.get_by_role("button", name="Submit my scores").click()
    expect(main).to_contain_text("Your score sheet has been submitted.")
    marieke_sheet = others.locator(".card").filter(has_text="Marieke de Vries")
    for note in MARIEKE_NOTES:
        expect(marieke_sheet).to_contain_text(note)
    axe()
    sheets = ScoreSheet.objects.filter(candidate=candidate, submitted_at__isnull=False)
    assert set(sheets.values_list("interviewer__email", flat=True)) == {MARIEKE, HENK}
    log_out(page)

    # 4. The company admin appoints Lotte, which creates the placement.
    log_in(page, ADMIN)
    page.goto(f"/placements/openings/{opening.pk}/")
    row = page.locator("section[aria-labelledby=candidates-heading]").get_by_role("row").filter(has_text="Lotte Prins")
    row.get_by_role("link", name="Selection").click()
    page.get_by_role("link", name="Decide").click()
    expect(page).to_have_url(f"{live_server.url}/placements/candidates/{candidate.pk}/decide/")
    appoint = page.locator("section[aria-labelledby=appoint-heading]")
    expect(appoint.locator(".alert-warning")).to_have_count(0)
    appoint.get_by_label("Work mentor").select_option(label=f"Marieke de Vries ({MARIEKE})")
    appoint.get_by_label("School supervisor").select_option(label="Ingrid Bakker (supervisor@demo.werkmentor.nl)")
    expect(appoint.get_by_label("Programme")).to_have_value(str(candidate.learner.candidate_profile.programme_id))
    expect(appoint.get_by_label("Start date")).to_have_value(start.isoformat())
    expect(appoint.get_by_label("End date")).to_have_value(end.isoformat())
    axe()
    appoint.get_by_role("button", name="Appoint and create the placement").click()
    expect(main).to_contain_text("The candidate is now appointed")
    placement = Placement.objects.get(learner=lotte, company=bakery)

    # 5. The new placement's Induction tab shows the checklist from the company's default template.
    page.get_by_role("link", name="The placement").click()
    expect(page).to_have_url(f"{live_server.url}/placements/{placement.pk}/")
    page.get_by_role("navigation", name="Sections of this placement").get_by_role("link", name="Induction").click()
    expect(page).to_have_url(f"{live_server.url}/placements/{placement.pk}/induction/")
    for section in ("The organisation", "House rules", "Calamity and emergency procedures", "Safety"):
        expect(main.get_by_role("heading", name=section, level=2)).to_be_visible()
    for item in ("Welcome and tour of the premises", "Who is who", "Working hours, breaks and calling in sick"):
        expect(main.get_by_role("heading", name=item, level=3)).to_be_visible()
    axe()

    # 6. The database: one placement, the candidate appointed and linked, the opening filled, every item copied.
    template = InductionTemplate.objects.get(company=bakery, is_default=True)
    assert Placement.objects.filter(learner=lotte, company=bakery).count() == 1
    assert placement.mentor.email == MARIEKE
    assert placement.supervisor.email == "supervisor@demo.werkmentor.nl"
    assert (placement.start_date, placement.end_date) == (start, end)
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.APPOINTED
    assert candidate.placement_id == placement.pk
    opening.refresh_from_db()
    assert opening.status == Opening.Status.FILLED
    assert opening.places == 1
    assert placement.induction.template_id == template.pk
    assert placement.induction.items.count() == template.items.count() > 0
    expect(main.locator("[id^=induction-item-]")).to_have_count(template.items.count())
