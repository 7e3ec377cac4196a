"""The survey loop in a real browser: a learner answers the end-of-placement survey through the e-mailed link;
the coordinator sees the company's results once five learners have answered; the mentor drafts and sends the
reference letter and the learner downloads the PDF. axe-core on each page."""

import re
from datetime import timedelta
from pathlib import Path

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from feedback.distribution.scan import scan
from feedback.models import SurveyInvitation
from tests.factories import make_placement
from tests.feedback.factories_feedback import answer_all, rule_for


def test_survey_results_and_reference_letter(page, live_server, world, axe, log_in, tasks_in_process):
    end = timezone.localdate() + timedelta(days=5)
    world.placement.end_date = end
    world.placement.save()
    for _other in range(4):
        make_placement(school=world.school, company=world.company, mentor=world.mentor, end_date=end)
    rule_for(world, "learner-end-placement", "before_end", days=7)
    scan()
    assert SurveyInvitation.objects.count() == 5
    body = next(m.body for m in mail.outbox if m.to == [world.learner.email])
    link = re.search(r"https?://\S+/feedback/answer/\S+/", body).group(0)

    # The learner answers through the link, without logging in.
    page.goto(live_server.url + link[link.index("/feedback/") :])
    expect(page.get_by_role("heading", level=1)).to_contain_text("Learner at the end of the placement")
    axe()
    for fieldset in page.locator("fieldset").all():
        radios = fieldset.locator("input[type=radio]")
        if radios.count():
            radios.last.check()
        else:
            fieldset.locator("textarea").fill("Marieke took time for every question")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("main")).to_contain_text("Thank you")

    # Four classmates answer; the coordinator sees the company's results.
    for invitation in SurveyInvitation.objects.filter(answered=False):
        answer_all(invitation, value=4, text="Good bakery")
    log_in(world.coordinator)
    page.goto(live_server.url + "/feedback/results/?by=company")
    page.get_by_role("link", name=world.company.name).click()
    expect(page.locator("main")).to_contain_text("5 responses")
    expect(page.locator("main svg").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Marieke took time for every question")
    axe()

    # The mentor drafts, edits and sends the reference letter.
    log_in(world.mentor)
    page.goto(live_server.url + f"/feedback/placements/{world.placement.pk}/reference-letter/")
    letter = page.get_by_label("Letter")
    expect(letter).to_contain_text(world.company.name)
    letter.fill(letter.input_value() + "\n\nDaan bakes the best bread in Leiden.")
    axe()
    page.get_by_role("button", name="Save the letter").click()
    page.get_by_role("button", name="Send the letter to the learner").click()
    expect(page.locator("main")).to_contain_text("Sent to the learner on")

    # The learner downloads the PDF.
    log_in(world.learner)
    page.goto(live_server.url + f"/feedback/placements/{world.placement.pk}/reference-letter/")
    expect(page.locator("main")).to_contain_text("best bread in Leiden")
    axe()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    assert Path(download.value.path()).read_bytes()[:4] == b"%PDF"
