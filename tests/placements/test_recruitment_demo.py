"""The demo has openings in several states, candidate profiles and a selection already under way."""

from io import StringIO

import pytest
from django.core.management import call_command

from placements.models import Candidate, CandidateProfile, Opening, ScoreSheet

pytestmark = pytest.mark.django_db


def test_demo_recruitment_is_complete_and_idempotent():
    for _ in range(2):
        call_command("demo", "--quiet-logins", stdout=StringIO())
    bakery = Opening.objects.get(title__startswith="Bakery assistant")
    assert bakery.status == Opening.Status.PUBLISHED and bakery.criteria_are_fixed
    assert bakery.criteria.count() == 3
    assert set(bakery.interviewers.values_list("email", flat=True)) == {
        "mentor@demo.werkmentor.nl",
        "henk.bos@korenschoof.example",
    }
    assert sorted(bakery.candidates.values_list("alias", flat=True)) == ["A", "B"]
    sheet = ScoreSheet.objects.get(candidate__opening=bakery)
    assert sheet.submitted_at is not None and sheet.scores.count() == 3
    assert Opening.objects.filter(status=Opening.Status.DRAFT, company=bakery.company).count() == 1
    assert Candidate.objects.get(opening__title__startswith="Care assistant").source == Candidate.Source.PROPOSED
    assert CandidateProfile.objects.count() == 3


def test_demo_induction_gives_every_host_company_a_default_and_the_demo_mentor_checklists():
    from placements.models import InductionChecklist, InductionTemplate

    for _ in range(2):
        call_command("demo", "--quiet-logins", stdout=StringIO())
    bakery_default = InductionTemplate.objects.get(company__name="Bakkerij De Korenschoof", is_default=True)
    assert bakery_default.items.values("section").distinct().count() == 7
    daan = InductionChecklist.objects.get(placement__learner__email="learner@demo.werkmentor.nl")
    assert not daan.items.filter(done_at__isnull=True).exists()
    assert not daan.items.filter(section__in=["house_rules", "calamities"], learner_confirmed_at__isnull=True).exists()
    emma = InductionChecklist.objects.get(placement__learner__email="emma.dejong@student.rijnland.example")
    assert emma.items.filter(done_at__isnull=True).exists() and emma.items.filter(done_at__isnull=False).exists()
