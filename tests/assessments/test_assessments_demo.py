"""The demo gives the demo mentor a signed mid-term assessment and a plan ready to assess, twice over safely."""

from io import StringIO

import pytest
from django.core.management import call_command

from assessments.models import AssessmentPlan, AssessmentRecord, Assessors, Evidence, Framework

pytestmark = pytest.mark.django_db


def _demo():
    call_command("demo", "--quiet-logins", stdout=StringIO())


def test_demo_assessments_are_complete_and_idempotent():
    _demo()
    _demo()
    daan = AssessmentPlan.objects.get(placement__learner__email="learner@demo.werkmentor.nl")
    assert daan.framework_version.framework.code == "professional-attitude"
    assert daan.framework_version.framework.school == daan.placement.school
    record = AssessmentRecord.objects.get(placement=daan.placement)
    assert record.is_locked and record.status == AssessmentRecord.Status.SIGNED
    assert record.ratings.filter(level__isnull=False).count() == daan.indicators.count() == 8
    assert record.signatures.count() == 3 and not record.signatures.filter(signed_at__isnull=True).exists()
    assert Evidence.objects.filter(placement=daan.placement).count() == 3
    assert daan.placement.coaching_plan.goals.filter(competencies__isnull=False).count() == 3

    emma = AssessmentPlan.objects.get(placement__learner__email="emma.dejong@student.rijnland.example")
    assert emma.moments.get(kind="mid_term").assessors == Assessors.MENTOR
    assert not AssessmentRecord.objects.filter(placement=emma.placement).exists()
    assert Framework.objects.filter(code="professional-attitude").count() == 1
