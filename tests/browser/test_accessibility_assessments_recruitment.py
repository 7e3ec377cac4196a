"""axe-core checks of the assessment, recruitment and induction pages on the demo data, in both languages."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import AssessmentRecord, Framework
from placements.models import Opening, Placement
from tests.browser.test_meeting_flow import log_in


@pytest.fixture
def demo(live_server):
    call_command("demo", stdout=StringIO())
    return Placement.objects.get(learner__email="learner@demo.werkmentor.nl", status="active")


def _pages(placement):
    record = AssessmentRecord.objects.get(placement=placement)
    framework = Framework.objects.get(code="coach-competency-profile")
    opening = Opening.objects.get(title__startswith="Bakery assistant")
    return {
        "mentor@demo.werkmentor.nl": [
            "/frameworks/",
            f"/frameworks/{framework.pk}/",
            f"/placements/{placement.pk}/assessment-plan/",
            f"/placements/{placement.pk}/evidence/",
            f"/placements/{placement.pk}/assessments/",
            f"/assessments/{record.pk}/",
            f"/placements/{placement.pk}/assessments/development/",
            f"/placements/{placement.pk}/induction/",
            "/assessments/waiting/",
            f"/placements/candidates/{opening.candidates.get(alias='A').pk}/",
        ],
        "company@demo.werkmentor.nl": [
            "/placements/openings/",
            f"/placements/openings/{opening.pk}/",
            f"/placements/openings/{opening.pk}/criteria/",
            f"/placements/openings/{opening.pk}/comparison/",
            "/placements/induction-templates/",
        ],
        "finn.koster@student.rijnland.example": [
            "/placements/profile/",
            "/placements/profile/matches/",
            "/placements/applications/",
        ],
    }


@pytest.mark.parametrize("language", ["en", "nl"])
def test_assessment_recruitment_and_induction_pages(page, axe, set_language, demo, language):
    for email, urls in _pages(demo).items():
        log_in(page, email)
        if language == "nl":
            set_language("nl")
        for url in urls:
            response = page.goto(url)
            assert response.status == 200, url
            expect(page.locator("h1")).to_be_visible()
            axe(lang=language)
        page.context.clear_cookies()
