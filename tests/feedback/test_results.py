"""Anonymity that holds: results only for groups of at least the threshold, in every view and export; open
answers without names; a mentor reaches no individual answer by any URL."""

import pytest
from django.urls import reverse

from feedback.models import FeedbackSettings
from tests.feedback.factories_feedback import add_responses

COMPANY = "company"


def page(client, user, by, key):
    client.force_login(user)
    return client.get(reverse("feedback_result", args=[by, key]))


def export(client, user, by, key):
    client.force_login(user)
    response = client.get(reverse("feedback_result_export", args=[by, key]))
    return response.status_code, b"".join(response.streaming_content).decode() if response.status_code == 200 else ""


def test_four_responses_are_hidden_everywhere(client, world):
    add_responses(world, 4, text="Marieke explained everything twice")
    result = page(client, world.coordinator, COMPANY, world.company.pk)
    text = result.content.decode()
    assert result.status_code == 200
    assert "Marieke explained" not in text and "<svg" not in text
    status, csv = export(client, world.coordinator, COMPANY, world.company.pk)
    assert status == 200 and len(csv.strip().splitlines()) == 1  # the header only
    client.force_login(world.coordinator)
    index = client.get(reverse("feedback_results"), {"by": "company"}).content.decode()
    assert "hidden: fewer than 5 responses" in index


def test_five_responses_are_shown_with_charts_and_open_answers_without_names(client, world):
    add_responses(world, 5, value=5, text="Marieke explained everything twice")
    result = page(client, world.coordinator, COMPANY, world.company.pk)
    text = result.content.decode()
    assert "<svg" in text and "Marieke explained everything twice" in text
    assert world.learner.get_full_name() not in text
    status, csv = export(client, world.coordinator, COMPANY, world.company.pk)
    assert "My work mentor showed empathy." in csv and "strongly agree" in csv


def test_the_schools_threshold_holds(client, world):
    FeedbackSettings.objects.create(school=world.school, min_group_size=8)
    add_responses(world, 7)
    assert "<svg" not in page(client, world.coordinator, COMPANY, world.company.pk).content.decode()
    assert len(export(client, world.coordinator, COMPANY, world.company.pk)[1].strip().splitlines()) == 1


def test_a_large_group_hides_a_small_version_and_a_small_term(client, world):
    add_responses(world, 5, term="2026-2")
    add_responses(world, 2, code="learner-mid-placement", term="2026-1")
    client.force_login(world.coordinator)
    result = client.get(reverse("feedback_result", args=[COMPANY, world.company.pk])).context["result"]
    assert [block.shown for block in result.blocks] == [False, True] or [b.shown for b in result.blocks] == [
        True,
        False,
    ]
    assert {term: score for term, score, _n in result.trend}["2026-1"] is None


def test_a_mentor_sees_their_own_group_without_open_answers(client, world):
    add_responses(world, 5, text="Too strict about the dough")
    text = page(client, world.mentor, "mentor", world.mentor.pk).content.decode()
    assert "<svg" in text and "Too strict" not in text
    assert "Too strict" not in export(client, world.mentor, "mentor", world.mentor.pk)[1]


OTHER_GROUPS = [
    ("company", "company"), ("mentor", "colleague"), ("programme", "programme"), ("cohort", "2025"), ("course", "1"),
    ("response", "1"), ("mentor", "x"),
]  # fmt: skip


@pytest.mark.parametrize("by, key", OTHER_GROUPS)
def test_a_mentor_reaches_no_other_results_by_any_url(client, world, by, key):
    add_responses(world, 6, text="Secret")
    add_responses(world, 6, mentor=world.colleague_mentor, text="Secret")
    keys = {"company": world.company.pk, "colleague": world.colleague_mentor.pk, "programme": world.programme.pk}
    key = keys.get(key, key)
    assert page(client, world.mentor, by, key).status_code == 404
    assert export(client, world.mentor, by, key)[0] == 404


def test_a_mentor_never_reaches_the_questionnaires_rules_or_surveys_of_others(client, world):
    client.force_login(world.mentor)
    for name in ("feedback_questionnaires", "feedback_rules", "feedback_settings"):
        assert client.get(reverse(name)).status_code == 404


READERS = [
    ("company_admin", 200), ("other_company_admin", 404), ("other_coordinator", 404), ("learner", 404),
    ("supervisor", 200), ("staff", 200),
]  # fmt: skip


@pytest.mark.parametrize("who, status", READERS)
def test_who_reads_a_companys_results(client, world, who, status):
    add_responses(world, 5)
    assert page(client, getattr(world, who), COMPANY, world.company.pk).status_code == status


def test_the_results_page_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    add_responses(world, 5, text="Fine")
    client.force_login(world.coordinator)
    url = reverse("feedback_result", args=[COMPANY, world.company.pk])
    client.get(url)
    with django_assert_max_num_queries(14):
        client.get(url)
    add_responses(world, 20, text="Fine")
    with django_assert_max_num_queries(14):
        client.get(url)
