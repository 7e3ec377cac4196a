"""The minutes as a PDF: the text a reader needs, in the viewer's language, with page numbers."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meetings.minutes.documents import minutes_html, minutes_pdf, minutes_pdf_filename
from meetings.minutes.services import Agreement, minutes_confirm
from tests.helpers import pdf_text

from .factories_meetings import add_guest, held_meeting, make_goals
from .factories_minutes import write_minutes


@pytest.fixture
def minutes(world):
    goals = make_goals(world, titles=("Kneads bread dough by hand", "Plans the oven schedule"))
    starts_at = datetime(2026, 3, 4, 14, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    meeting = held_meeting(world, starts_at=starts_at)
    guest = add_guest(meeting, name="Zoë Hoekstra-Çelik")
    minutes = write_minutes(
        world,
        meeting,
        send=True,
        goals=goals,
        agreements=[
            Agreement(None, "Practise shaping baguettes every Friday", world.learner, starts_at.date() + timedelta(14)),
            Agreement(None, "Plan a visit to the flour mill", world.mentor, starts_at.date() + timedelta(30)),
        ],
        next_meeting_at=starts_at + timedelta(days=42),
    )
    minutes_confirm(minutes=minutes, participant=guest)
    return minutes


def test_the_pdf_holds_placement_goals_agreements_and_confirmations(minutes):
    pdf = minutes_pdf(minutes, language="en")
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for expected in (
        "Rijnland Vakcollege",
        "Minutes of the tripartite meeting",
        "Daan Jansen",
        "Bakkerij De Korenschoof",
        "Marieke de Vries",
        minutes.meeting.placement.supervisor.get_full_name(),
        "Wednesday 4 March 2026, 14:30",
        "Bakkerij De Korenschoof, Oudegracht 201",
        "Zoë Hoekstra-Çelik",
        "not yet",
        "Daan works carefully and asks good questions.",
        "Kneads bread dough by hand",
        "Progress on kneads bread dough by hand.",
        "Plans the oven schedule",
        "Practise shaping baguettes every Friday",
        "Plan a visit to the flour mill",
        "18 March 2026",
        "Wednesday 15 April 2026, 14:30",
        "Page 1 of 1",
    ):
        assert expected in text, expected


def test_the_pdf_is_in_the_viewers_language(client, world, minutes):
    world.supervisor.language = "nl"
    world.supervisor.save(update_fields=["language"])
    client.force_login(world.supervisor)
    response = client.get(reverse("minutes_pdf", args=[minutes.meeting_id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert "woensdag 4 maart 2026, 14:30" in pdf_text(response.content)


def test_a_long_pdf_numbers_its_pages(world):
    goals = make_goals(world, titles=[f"Goal number {n}" for n in range(40)])
    meeting = held_meeting(world)
    minutes = write_minutes(world, meeting, goals=goals, summary="A long meeting.\n" * 40)
    text = pdf_text(minutes_pdf(minutes, language="en"))
    learner = world.placement.learner.get_full_name()
    assert f"{learner} · Page 1 of " in text  # whose minutes a loose page holds
    assert f"{learner} · Page 2 of " in text


def test_the_html_escapes_what_people_typed(world):
    meeting = held_meeting(world)
    minutes = write_minutes(world, meeting, summary='<img src="https://example.org/x.png"> Fine')
    html = minutes_html(minutes, language="en")
    assert "&lt;img" in html
    assert "<img" not in html
    assert minutes_pdf(minutes, language="en").startswith(b"%PDF")  # the local-only fetcher never goes out


def test_the_filename_names_the_learner_and_the_day(minutes):
    assert minutes_pdf_filename(minutes) == "minutes-daan-jansen-2026-03-04.pdf"
