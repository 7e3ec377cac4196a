"""The record page reads well: the response once, one ratings table whose columns line up, and every
competency's judgement shown where there is one (issue 12)."""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from assessments.models import AssessmentRecord, CompetencyJudgement

from .factories_assessments import lock
from .factories_documents import filled_record

RESPONSE = "I recognise the planning point and will make a day plan."


class _Tables(HTMLParser):
    """The tables inside the ratings section: per table, per row, its cells (text) and how many columns it spans."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[list[tuple[str, int]]]] = []
        self._in_ratings = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("aria-labelledby") == "ratings-heading":
            self._in_ratings = True
        if not self._in_ratings:
            return
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
            self._span = int(attrs.get("colspan") or 1)

    def handle_endtag(self, tag):
        if tag == "section" and self._in_ratings:
            self._in_ratings = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append((" ".join("".join(self._cell).split()), self._span))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def ratings_tables(page: str):
    parser = _Tables()
    parser.feed(page)
    return parser.tables


@pytest.fixture
def record(world):
    """Two areas × two competencies × two indicators, every competency judged, the learner's response given."""
    return filled_record(world.placement, learner_response=RESPONSE)


def _page(client, user, record) -> str:
    client.force_login(user)
    response = client.get(reverse("assessment_detail", args=[record.pk]))
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("status", ["draft", "signed"])
def test_the_response_of_the_person_assessed_shows_once(client, world, record, status):
    if status == "signed":
        lock(record)
    for user in (world.learner, world.mentor):
        page = _page(client, user, record)
        assert page.count(RESPONSE) == 1
        assert page.count("Response of the person assessed") == 1


def test_all_competencies_share_one_table_whose_rows_have_the_same_columns(client, world, record):
    tables = ratings_tables(_page(client, world.supervisor, record))
    assert len(tables) == 1  # one table, so the columns line up across competencies
    rows = tables[0]
    widths = {sum(span for _text, span in row) for row in rows}
    assert widths == {3}  # every row spans indicator, level and remarks
    texts = [" ".join(text for text, _span in row) for row in rows]
    for code in ("1.1", "1.2", "2.1", "2.2"):
        assert any(text.startswith(f"{code} Competency {code}") for text in texts)
    assert sum(text.startswith("Indicator ") for text in texts) == 1  # the column heads, once
    assert sum(text.startswith(f"{code}.") for code in ("1.1", "1.2", "2.1", "2.2") for text in texts) == 8


def _judgement_rows(page: str) -> list[list[str]]:
    return [
        [text for text, _span in row]
        for row in ratings_tables(page)[0]
        if row and row[0][0] == "Judgement on the competency"
    ]


def test_a_judged_competency_shows_its_judgement_not_not_rated(client, world, record):
    judgements = {
        j.competency.code: j for j in CompetencyJudgement.objects.filter(record=record).select_related("level")
    }
    rows = _judgement_rows(_page(client, world.learner, record))
    assert len(rows) == 4
    for row, code in zip(rows, ("1.1", "1.2", "2.1", "2.2"), strict=True):
        assert row[1] == judgements[code].level.title_en
        assert row[1] != "not rated"
        assert row[2] == f"Judgement remark {code}."


def test_a_competency_without_a_judgement_summarises_its_indicators(client, world, record):
    # filled_record rates the indicators in code order unsatisfactory, satisfactory, good, unsatisfactory, ...
    CompetencyJudgement.objects.filter(record=record, competency__code="1.1").delete()
    CompetencyJudgement.objects.filter(record=record, competency__code="1.2").update(level=None)
    rows = _judgement_rows(_page(client, world.mentor, record))
    assert rows[0] == [
        "Judgement on the competency",
        "no separate judgement",
        "Indicators: 1 × unsatisfactory, 1 × satisfactory",
    ]
    assert rows[1] == ["Judgement on the competency", "no level given", "Judgement remark 1.2."]
    assert all(row[1] != "not rated" for row in rows)


def test_an_unrated_indicator_still_says_not_rated(client, world, record):
    record.ratings.filter(indicator__code="2.2.2").update(level=None)
    rows = ratings_tables(_page(client, world.mentor, record))[0]
    row = next(row for row in rows if row[0][0].startswith("2.2.2 "))
    assert row[1][0] == "not rated"


@pytest.mark.django_db
def test_the_demo_record_shows_the_judgements_of_its_competencies(client):
    call_command("demo", "--quiet-logins", stdout=StringIO())
    record = AssessmentRecord.objects.get(placement__learner__email="learner@demo.werkmentor.nl")
    assert record.judgements.filter(level__isnull=False).count() == 4
    page = _page(client, record.placement.mentor, record)
    rows = _judgement_rows(page)
    assert [row[1] for row in rows] == ["good", "satisfactory", "satisfactory", "satisfactory"]
    assert "Always on time and keeps every agreement." in page
    assert not re.search(r"Judgement on the competency</th>\s*<td[^>]*>not rated", page)
