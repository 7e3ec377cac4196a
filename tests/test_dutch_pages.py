"""No English Django or third-party default on a Dutch page: every role of the `world` cast, every form and filter.

Django and its add-ons bring strings of their own: a select's empty choice ("- Select an option -" since Django
6.1, "---------" in django-filter), validation messages, dates in the English format ("Dec. 5, 2026"). Each page
below is read in Dutch by each role that may open it; none of those strings may show.
"""

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.dutch_page_list import NOT_PAGES, PAGES
from tests.meetings.factories_meetings import make_action_item
from tests.scene import routes

ROLES = ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff"]

# What Django, django-filter and crispy forms print when a string of theirs is not translated.
ENGLISH_DEFAULTS = [
    "- Select an option -",
    "---------",
    "This field is required",
    "Select a valid choice",
    "Enter a valid",
    "Ensure this value",
    "Currently:",
    "Any date",
    "(descending)",
    "Up to 5 files",
    "One file of at most",
]
# Django's US English formats: "Dec. 5, 2026", "March 5", "10 a.m.". Only month names that differ in Dutch.
ENGLISH_DATE = re.compile(
    r"\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d"
    r"|\b(January|February|March|June|July|August|October) \d"
    r"|\d (January|February|March|June|July|August|October)\b"
    r"|\d (a\.m\.|p\.m\.)"
)


def url_names() -> set[str]:
    return {name for name, _route in routes()}


def test_every_page_of_the_project_is_read_in_dutch_or_knowingly_left_out():
    assert url_names() - PAGES.keys() - NOT_PAGES == set(), "Add new pages to PAGES (or NOT_PAGES) above"
    assert PAGES.keys() & NOT_PAGES == set()
    assert PAGES.keys() - url_names() == set()


def dutch(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    return client


def visible_text(html: str) -> str:
    """The page without scripts (their code is not read by anyone)."""
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.S)


@pytest.mark.parametrize("role", ROLES)
def test_no_english_django_default_on_a_dutch_page(client, world, scene, role):
    dutch(client, getattr(world, role))
    read, with_form, leaks = [], [], []
    for name, kwargs in PAGES.items():
        url = reverse(name, kwargs={key: scene[value] for key, value in kwargs.items()})
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        text = visible_text(response.content.decode())
        assert 'lang="nl"' in text or "<html" not in text, url  # a page, or a fragment of one
        read.append(name)
        if "<select" in text or ("<form" in text and 'method="post"' in text):
            with_form.append(name)
        leaks += [(url, s) for s in ENGLISH_DEFAULTS if s in text]
        leaks += [(url, m.group(0)) for m in ENGLISH_DATE.finditer(text)]
    assert leaks == []
    # Every role reads a fair share of the site in Dutch, many of the pages with a form or a filter.
    assert len(read) >= 30, read
    assert len(with_form) >= 15, with_form


def test_an_empty_form_is_refused_in_dutch(client, world):
    dutch(client, world.mentor)
    response = client.post(reverse("mentoring_incident_new", kwargs={"pk": world.placement.pk}), {"description": ""})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Dit veld is verplicht." in text
    assert "This field is required" not in text
    assert "- Kies een optie -" in text  # the category's empty choice


def test_invalid_values_are_refused_in_dutch(client, world):
    dutch(client, world.mentor)
    response = client.post(
        reverse("mentoring_incident_new", kwargs={"pk": world.placement.pk}),
        {"category": "burglary", "occurred_on": "Dec. 5, 2026", "description": "Slipped on flour"},
    )
    text = response.content.decode()
    assert "Selecteer een geldige keuze. burglary is geen beschikbare keuze." in text
    assert "Voer een geldige datum in." in text
    dutch(client, world.learner)
    response = client.post(
        reverse("mentoring_hours", kwargs={"pk": world.placement.pk}),
        {"date": timezone.localdate().isoformat(), "start_time": "half nine", "end_time": "", "break_minutes": "0"},
    )
    text = response.content.decode()
    assert "Voer een geldige tijd in." in text
    assert "Dit veld is verplicht." in text
    assert not any(english in text for english in ENGLISH_DEFAULTS)


def test_filters_offer_everything_in_dutch(client, world):
    dutch(client, world.coordinator)
    response = client.get(reverse("placement_list"), {"q": ""})
    form = response.context["filter"].form
    with translation.override("nl"):
        assert str(dict(form.fields["status"].choices)[""]) == "Alle"
        assert str(dict(form.fields["ordering"].choices)[""]) == "Standaardvolgorde"
        assert str(dict(form.fields["ordering"].choices)["-start_date"]) == "Startdatum (aflopend)"
    assert '<option value="" selected>Alle</option>' in response.content.decode()


@pytest.mark.parametrize(
    "language, due, not_shown",
    [("nl", "17 december 2026", "Dec. 17"), ("en", "17 December 2026", "Dec. 17")],
)
def test_the_agenda_writes_dates_in_the_planners_language(client, world, language, due, not_shown, settings):
    make_action_item(world, "Practise shaping baguettes", due_date=date(2026, 12, 17))
    client.force_login(world.supervisor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("meeting_new", kwargs={"pk": world.placement.pk}))
    agenda = response.context["form"].initial["agenda"]
    assert f"Practise shaping baguettes ({world.learner.get_full_name()}, " in agenda
    assert due in agenda
    assert not_shown not in agenda


def test_a_success_message_dates_the_hours_in_the_readers_language(client, world):
    dutch(client, world.learner)
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        reverse("mentoring_hours", kwargs={"pk": world.placement.pk}),
        {"date": day.isoformat(), "start_time": "13:00", "end_time": "16:00", "break_minutes": "0"},
        follow=True,
    )
    with translation.override("nl"):
        expected = f"Je uren van {date_format(day)} zijn geregistreerd"
    assert expected in response.content.decode()
    assert not ENGLISH_DATE.search(response.content.decode())
