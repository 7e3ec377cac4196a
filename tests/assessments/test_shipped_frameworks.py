"""The three frameworks built from the source documents are installed by the migrations, in both languages."""

import pytest
from django.apps import apps
from django.utils import translation

from assessments.frameworks_data import SHIPPED
from assessments.models import Framework, Indicator
from assessments.shipped_frameworks import install

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _shipped():
    # The data migration installs them; a transactional test run earlier may have flushed every table since.
    install(apps.get_model)


EXPECTED = {
    # code: (areas, competencies, indicators, purpose)
    "mentor-job-profile": (1, 6, 30, "mentors"),
    "coach-competency-profile": (2, 22, 154, "learners"),
    "job-coach-exit-qualifications": (2, 4, 45, "learners"),
}


@pytest.mark.parametrize("code", EXPECTED)
def test_shipped_framework_is_published_with_all_items(code):
    framework = Framework.objects.get(school__isnull=True, code=code)
    version = framework.versions.get()
    areas, competencies, indicators, purpose = EXPECTED[code]
    assert version.status == "published" and version.number == 1
    assert framework.purpose == purpose
    assert version.areas.count() == areas
    assert sum(area.competencies.count() for area in version.areas.all()) == competencies
    assert Indicator.objects.filter(competency__area__version=version).count() == indicators
    assert [level.title_nl for level in version.levels.all()] == ["onvoldoende", "voldoende", "goed"]


def test_every_shipped_item_has_both_languages():
    for model in ("Framework", "Area", "Competency", "Indicator", "RatingLevel"):
        rows = apps.get_model("assessments", model).objects.filter(title_en="") | apps.get_model(
            "assessments", model
        ).objects.filter(title_nl="")
        assert not rows.exists(), model


def test_work_processes_of_the_mentor_profile_in_both_languages():
    version = Framework.objects.get(code="mentor-job-profile").versions.get()
    competencies = [c for area in version.areas.all() for c in area.competencies.all()]
    assert [c.code for c in competencies] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    with translation.override("nl"):
        assert competencies[4].title == "Beoordeelt de (lerende) werknemers"
    with translation.override("en"):
        assert competencies[4].title == "Assesses the (learning) employees"


def test_installing_again_adds_nothing():
    before = Indicator.objects.count()
    assert install(apps.get_model) == 0
    assert Indicator.objects.count() == before
    assert Framework.objects.filter(school__isnull=True).count() == len(SHIPPED)
