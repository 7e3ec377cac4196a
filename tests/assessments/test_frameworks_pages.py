"""The list and framework pages: what they show, in the visitor's language, in a fixed number of queries."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from assessments.models import Area, Competency, Framework

from .factories_assessments import make_assessment_plan, make_framework_version, make_record


def detail_url(version):
    return f"{reverse('framework_detail', args=[version.framework_id])}?version={version.number}"


def test_the_list_shows_each_frameworks_version_status_and_size(client, world):
    retail = make_framework_version(school=world.school, code="retail", title="Retail", areas=3, competencies=2)
    make_framework_version(framework=retail.framework, number=2, published=False)
    make_framework_version(school=world.school, code="new", title="Brand new", published=False, areas=1)
    client.force_login(world.coordinator)
    response = client.get(reverse("framework_list"))
    rows = {f.title_en: f for f in response.context["school_frameworks"]}
    assert (rows["Retail"].shown_number, rows["Retail"].shown_status, rows["Retail"].draft_number) == (
        1,
        "published",
        2,
    )
    assert (rows["Retail"].area_count, rows["Retail"].competency_count, rows["Retail"].indicator_count) == (3, 6, 12)
    assert (rows["Brand new"].shown_status, rows["Brand new"].area_count) == ("draft", 1)
    assert "draft of version 2 in progress" in response.text
    shipped = {f.code: f for f in response.context["shipped_frameworks"]}
    assert shipped and all(f.indicator_count > 0 for f in shipped.values())
    # A learner does not learn that a new version is being prepared, nor see the draft-only framework.
    client.force_login(world.learner)
    rows = {f.title_en: f for f in client.get(reverse("framework_list")).context["school_frameworks"]}
    assert set(rows) == {"Retail"}
    assert rows["Retail"].draft_number is None


def test_the_list_takes_a_fixed_number_of_queries(client, world):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("framework_list")).status_code == 200
        return len(captured)

    client.force_login(world.mentor)  # a mentor also reads the frameworks of the schools they host learners of
    make_framework_version(school=world.school, code="one")
    few = queries()
    for n in range(8):
        version = make_framework_version(school=world.school, code=f"more-{n}", published=n % 2 == 0)
        make_framework_version(framework=version.framework, number=2, published=False)
    assert queries() == few <= 5  # session, user, roles, hosted schools, the annotated frameworks


def test_the_page_shows_the_scale_areas_competencies_and_indicators(client, world):
    version = make_framework_version(school=world.school, code="bakery", title="Bakery skills")
    Competency.objects.filter(area__version=version, code="2.1").update(description="Ovens and timing")
    client.force_login(world.learner)
    response = client.get(detail_url(version))
    page = response.text
    for text in ("Bakery skills", "unsatisfactory", "satisfactory", "good", "Area 2", "Competency 2.1"):
        assert text in page
    assert "Ovens and timing" in page
    assert "Indicator 2.1.2" in page
    assert [level.value for level in response.context["levels"]] == [1, 2, 3]
    # A reader gets no buttons to change anything.
    assert reverse("framework_area_new", args=[version.pk]) not in page
    assert reverse("framework_version_new", args=[version.framework_id]) not in page
    assert reverse("framework_clone", args=[version.pk]) not in page


def test_the_buttons_follow_the_version_and_the_users_rights(client, world):
    version = make_framework_version(school=world.school, code="bakery")
    client.force_login(world.coordinator)
    page = client.get(detail_url(version)).text
    assert reverse("framework_version_new", args=[version.framework_id]) in page
    assert reverse("framework_clone", args=[version.pk]) in page
    assert reverse("framework_retire", args=[version.pk]) in page
    assert reverse("framework_area_new", args=[version.pk]) not in page
    assert reverse("framework_publish", args=[version.pk]) not in page
    draft = make_framework_version(framework=version.framework, number=2, published=False)
    page = client.get(detail_url(draft)).text
    assert reverse("framework_area_new", args=[draft.pk]) in page
    assert reverse("framework_publish", args=[draft.pk]) in page
    assert reverse("framework_version_new", args=[version.framework_id]) not in page
    area = Area.objects.filter(version=draft).first()
    assert reverse("framework_area_edit", args=[draft.pk, area.pk]) in page
    assert reverse("framework_item_delete", args=[draft.pk, "area", area.pk]) in page
    shipped = Framework.objects.filter(school=None).first().versions.first()
    page = client.get(detail_url(shipped)).text
    assert reverse("framework_clone", args=[shipped.pk]) in page
    assert reverse("framework_version_new", args=[shipped.framework_id]) not in page
    assert "cannot be changed" in page


@pytest.mark.parametrize(
    ("language", "shown", "hidden"),
    [
        ("en", ["Bakery skills", "Area 1", "Competency 1.2", "Indicator 1.2.1<", "unsatisfactory"], ["Gebied 1"]),
        (
            "nl",
            ["Bakery skills (nl)", "Gebied 1", "Competentie 1.2", "Indicator 1.2.1 (nl)", "onvoldoende"],
            ["Area 1"],
        ),
    ],
)
def test_titles_are_shown_in_the_visitors_language(client, world, language, shown, hidden):
    version = make_framework_version(school=world.school, code="bakery", title="Bakery skills")
    client.force_login(world.learner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(detail_url(version)).text
    for text in shown:
        assert text in page
    for text in hidden:
        assert text not in page


def test_a_title_in_one_language_only_is_shown_in_both(client, world):
    version = make_framework_version(school=world.school, code="bakery")
    Area.objects.filter(version=version, code="1").update(title_en="", title_nl="Alleen Nederlands")
    Area.objects.filter(version=version, code="2").update(title_en="English only", title_nl="")
    client.force_login(world.learner)
    for language in ("en", "nl"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = client.get(detail_url(version)).text
        assert "Alleen Nederlands" in page
        assert "English only" in page
    with translation.override("nl"):
        assert Area.objects.get(version=version, code="2").title == "English only"


def test_the_page_takes_a_fixed_number_of_queries_however_big_the_framework(
    client, world, django_assert_max_num_queries
):
    small = make_framework_version(school=world.school, code="small", areas=1, competencies=1, indicators=1)
    big = make_framework_version(school=world.school, code="big", areas=6, competencies=6, indicators=6)
    make_framework_version(framework=big.framework, number=2, published=False)
    make_record(world.placement, plan=make_assessment_plan(world.placement, version=big))
    for name in ("learner", "mentor", "coordinator"):
        client.force_login(getattr(world, name))
        with CaptureQueriesContext(connection) as captured:
            client.get(detail_url(small))
        with django_assert_max_num_queries(len(captured)):
            response = client.get(detail_url(big))
        assert response.status_code == 200
        assert len(captured) <= 10, name  # session, user, roles, hosted schools, framework, versions, 4 contents
        assert "Indicator 6.6.6" in response.text


def test_an_unknown_version_number_is_not_found(client, world):
    version = make_framework_version(school=world.school, code="bakery")
    client.force_login(world.coordinator)
    url = reverse("framework_detail", args=[version.framework_id])
    assert client.get(url, {"version": 5}).status_code == 404
    assert client.get(url, {"version": "one"}).status_code == 404
