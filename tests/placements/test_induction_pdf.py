"""The induction plan as a PDF: the learner's programme with dates, people and marks, and page numbers."""

from datetime import date

import pytest
from django.urls import reverse

from placements.induction.documents import induction_html, induction_pdf, induction_pdf_filename
from placements.induction.services import checklist_create, item_confirm, item_set_done
from placements.models import InductionItem, Section
from tests.helpers import pdf_text


@pytest.fixture
def checklist(world):
    world.placement.start_date, world.placement.end_date = date(2026, 2, 2), date(2026, 6, 26)
    world.placement.save(update_fields=["start_date", "end_date"])
    checklist = checklist_create(placement=world.placement)
    for section, title, responsible, due_day in (
        (Section.ORGANISATION, "Tour of the bakery and the shop", "Marieke de Vries", 1),
        (Section.HOUSE_RULES, "Hair net and clean apron", "Marieke de Vries", 1),
        (Section.CALAMITIES, "Assembly point at the church square", "Jan Smit, emergency responder", 3),
        (Section.PRACTICAL, "Locker key and staff badge", "Reception", 2),
    ):
        InductionItem.objects.create(
            checklist=checklist, section=section, title=title, responsible=responsible, due_day=due_day
        )
    return checklist


def test_the_plan_holds_the_placement_and_every_item_with_dates_and_people(world, checklist):
    item_set_done(item=checklist.items.get(section=Section.ORGANISATION), by=world.mentor, done=True)
    item_confirm(item=checklist.items.get(section=Section.HOUSE_RULES))
    pdf = induction_pdf(world.placement, checklist, language="en")
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for expected in (
        "Induction plan",
        "Daan Jansen",
        "Bakkerij De Korenschoof",
        "Marieke de Vries",
        "Rijnland Vakcollege",
        "2 February 2026 – 26 June 2026",
        "1 of 4 done",
        "The organisation",
        "House rules",
        "Calamity and emergency procedures",
        "Practical matters",
        "Tour of the bakery and the shop",
        "Hair net and clean apron",
        "Assembly point at the church square",
        "Jan Smit",
        "Locker key and staff badge",
        "day 3 4 February 2026",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    # The text's reading order across table columns is pdftotext's guess; the HTML shows the section order.
    html = induction_html(world.placement, checklist, language="en")
    assert html.index("House rules") < html.index("Calamity and emergency procedures") < html.index("Practical matters")


def test_the_plan_is_in_the_viewers_language(client, world, checklist):
    world.learner.language = "nl"
    world.learner.save(update_fields=["language"])
    client.force_login(world.learner)
    response = client.get(reverse("induction_pdf", args=[world.placement.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert response["Cache-Control"] == "private, no-store"
    assert "2 februari 2026" in pdf_text(response.content)


def test_a_long_plan_numbers_its_pages(world, checklist):
    InductionItem.objects.bulk_create(
        InductionItem(
            checklist=checklist,
            section=Section.PROCESSES,
            title=f"Work process number {number}",
            description="Shown and practised together. " * 4,
            responsible="Marieke de Vries",
            due_day=number + 1,
        )
        for number in range(60)
    )
    text = pdf_text(induction_pdf(world.placement, checklist, language="en"))
    learner = world.placement.learner.get_full_name()
    assert f"{learner} · Page 1 of " in text  # whose plan a loose page holds
    assert f"{learner} · Page 2 of " in text
    assert "Work process number 59" in text


def test_the_html_escapes_what_people_typed(world, checklist):
    InductionItem.objects.create(
        checklist=checklist,
        section=Section.SAFETY,
        title='<img src="https://example.org/x.png"> Goggles',
        responsible="Marieke",
    )
    html = induction_html(world.placement, checklist, language="en")
    assert "&lt;img" in html
    assert "<img" not in html
    assert induction_pdf(world.placement, checklist, language="en").startswith(b"%PDF")


def test_without_a_checklist_there_is_no_plan(client, world):
    client.force_login(world.mentor)
    assert client.get(reverse("induction_pdf", args=[world.placement.pk])).status_code == 404


def test_the_filename_names_the_learner(world):
    assert induction_pdf_filename(world.placement) == "induction-plan-daan-jansen.pdf"
