"""A school's cohorts for the overview's filter: each once, newest first, read through the (school, cohort) index."""

import pytest

from placements.models import LearnerRecord
from placements.selectors import cohorts_of
from tests.factories import SchoolFactory, UserFactory


def record(school, cohort, number):
    return LearnerRecord.objects.create(user=UserFactory(), school=school, student_number=number, cohort=cohort)


@pytest.mark.django_db
def test_each_cohort_once_newest_first_without_the_empty_one(django_assert_num_queries):
    school, other = SchoolFactory(), SchoolFactory()
    for number, cohort in enumerate(["2024", "2025", "", "2024", "2023-B", "2025"]):
        record(school, cohort, f"S{number}")
    record(other, "2026", "T1")
    record(other, "2024", "T2")

    with django_assert_num_queries(1):
        assert cohorts_of([school.pk]) == ["2025", "2024", "2023-B"]
    assert cohorts_of([school.pk, other.pk]) == ["2026", "2025", "2024", "2023-B"]
    assert cohorts_of([SchoolFactory().pk]) == []
