"""A placement with a thousand logged sessions: the evidence form offers the most recent ones and says how many there
are, in the same number of queries as with a few; an older session ticked before a form error stays ticked."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from assessments.evidence.views import SESSIONS_OFFERED
from assessments.models import Evidence
from mentoring.models import CoachingSession
from tests.assessments.factories_assessments import make_assessment_plan

from .test_evidence import evidence_data, new_url


@pytest.fixture
def plan(world):
    return make_assessment_plan(world.placement)


def add_sessions(world, count, *, start=0):
    """Session 0000 is the oldest, each next one a day later."""
    CoachingSession.objects.bulk_create(
        CoachingSession(
            placement=world.placement,
            date=world.placement.start_date + timedelta(days=n % 300),
            duration_minutes=30,
            coached_by=world.mentor,
            activities=f"Session {n:04d}",
            created_by=world.mentor,
        )
        for n in range(start, start + count)
    )


def offered(html):
    return re.findall(r'name="sessions" value="\d+"[^>]*>\s*<label[^>]*>[^<]*(Session \d{4})', html)


def test_the_evidence_form_offers_the_most_recent_sessions_in_fixed_queries(
    client, world, plan, django_assert_max_num_queries
):
    client.force_login(world.learner)
    add_sessions(world, 3)
    with django_assert_max_num_queries(8) as few:
        html = client.get(new_url(world)).text
    assert offered(html) == ["Session 0002", "Session 0001", "Session 0000"]
    assert "most recent of" not in html

    add_sessions(world, 297, start=3)  # 300 in all, on 300 days
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(new_url(world)).text
    assert len(offered(html)) == SESSIONS_OFFERED
    assert offered(html)[0] == "Session 0299"
    assert f"Showing the {SESSIONS_OFFERED} most recent of 300 coaching sessions." in html


def test_an_older_session_ticked_before_a_form_error_stays_ticked_and_is_linked(client, world, plan):
    add_sessions(world, SESSIONS_OFFERED + 10)
    old = CoachingSession.objects.get(activities="Session 0000")
    client.force_login(world.mentor)
    response = client.post(new_url(world), evidence_data(plan, title="", sessions=[old.pk]))
    assert response.status_code == 200 and "title" in response.context["form"].errors
    assert "Session 0000" in offered(response.text)
    assert re.search(rf'value="{old.pk}"[^>]*checked', response.text)
    assert client.post(new_url(world), evidence_data(plan, sessions=[old.pk])).status_code == 302
    assert list(Evidence.objects.get().sessions.all()) == [old]


def test_the_cap_reads_in_dutch(client, world, plan, settings):
    add_sessions(world, SESSIONS_OFFERED + 1)
    client.force_login(world.learner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    html = client.get(reverse("evidence_new", args=[world.placement.pk])).text
    assert f"De {SESSIONS_OFFERED} meest recente van {SESSIONS_OFFERED + 1} begeleidingsgesprekken." in html
