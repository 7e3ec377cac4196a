"""The dashboard tells interviewers whom to score, company admins how their openings stand, learners their news."""

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.models import Candidate
from tests.assessments.factories_assessments import make_record
from tests.placements.factories_recruitment import add_criteria, make_candidate, make_opening, score

pytestmark = pytest.mark.django_db


@pytest.fixture
def selection(world):
    opening = make_opening(world)
    add_criteria(opening)
    candidate = make_candidate(opening, world.other_learner, "A")
    return opening, candidate


def _todo(client, user):
    client.force_login(user)
    return client.get(reverse("dashboard")).context["recruitment_todo"]


def test_interviewer_is_asked_to_score_until_their_sheet_is_submitted(client, world, selection):
    _opening, candidate = selection
    assert _todo(client, world.mentor)["to_score"] == [candidate]
    score(candidate, world.mentor, [3, 4, 5], submit=False)
    assert _todo(client, world.mentor)["to_score"] == [candidate]
    score(candidate, world.mentor, [3, 4, 5], submit=True)
    assert _todo(client, world.mentor)["to_score"] == []
    assert _todo(client, world.other_mentor).get("to_score") == []


def test_company_admin_sees_openings_with_candidates_in_selection(client, world, selection):
    opening, _candidate = selection
    openings = _todo(client, world.company_admin)["openings"]
    assert [(o.pk, o.open_candidates) for o in openings] == [(opening.pk, 1)]
    assert _todo(client, world.other_company_admin).get("openings") == []


def test_learner_sees_a_decision_only_once_it_is_sent(client, world, selection):
    _opening, candidate = selection
    Candidate.objects.filter(pk=candidate.pk).update(status=Candidate.Status.REJECTED, decision_reason="Full")
    page = _todo(client, world.other_learner)
    assert [a.status for a in page["applications"]] == [Candidate.Status.OPEN]
    Candidate.objects.filter(pk=candidate.pk).update(decision_sent_at=timezone.now())
    assert [a.status for a in _todo(client, world.other_learner)["applications"]] == [Candidate.Status.REJECTED]


def test_signer_sees_the_assessment_waiting_for_their_signature(client, world):
    record = make_record(world.placement)
    record.overall_level = record.framework_version.levels.last()
    record.save(update_fields=["overall_level"])
    client.force_login(world.mentor)
    client.post(reverse("assessment_submit", args=[record.pk]), {})
    page = client.get(reverse("dashboard"))
    todo = page.context["assessments_todo"]
    assert [s.record_id for s in todo["to_sign"]] == [record.pk]
    client.force_login(world.learner)
    assert [s.record_id for s in client.get(reverse("dashboard")).context["assessments_todo"]["to_sign"]] == [record.pk]
    client.force_login(world.other_mentor)
    assert client.get(reverse("dashboard")).context["assessments_todo"]["any"] is False
