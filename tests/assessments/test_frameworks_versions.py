"""Copying a framework, new versions, publishing and retiring: assessments keep the version they were made with."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.frameworks.selectors import published_versions_for_school
from assessments.frameworks.services import framework_clone, version_new
from assessments.models import Area, AssessmentRecord, Competency, Framework, FrameworkVersion, Indicator, RatingLevel

from .factories_assessments import make_assessment_plan, make_framework_version, make_record


def content(version):
    """The version's content as plain values, without ids: what a copy must reproduce."""
    return (
        sorted(RatingLevel.objects.filter(version=version).values_list("value", "title_en", "title_nl", "is_passing")),
        sorted(Area.objects.filter(version=version).values_list("code", "title_en", "title_nl", "position")),
        sorted(
            Competency.objects.filter(area__version=version).values_list(
                "area__code", "code", "title_en", "title_nl", "description", "position"
            )
        ),
        sorted(
            Indicator.objects.filter(competency__area__version=version).values_list(
                "competency__code", "code", "title_en", "title_nl", "position"
            )
        ),
    )


@pytest.fixture
def published(world):
    version = make_framework_version(school=world.school, code="bakery", title="Bakery skills", areas=2)
    Competency.objects.filter(area__version=version, code="1.1").update(description="Bread and pastry")
    return version


# --- copying -------------------------------------------------------------------------------------------


def test_a_coordinator_copies_a_shipped_framework_into_a_deep_independent_draft(client, world):
    source = FrameworkVersion.objects.filter(framework__school=None, status="published").first()
    before = content(source)
    client.force_login(world.coordinator)
    url = reverse("framework_clone", args=[source.pk])
    form = client.get(url).context["form"]
    assert form.initial["code"] == source.framework.code
    response = client.post(
        url, {**form.initial, "title_en": "Our mentor profile", "code": "our-profile", "school": world.school.pk}
    )
    assert response.status_code == 302
    clone = Framework.objects.get(school=world.school, code="our-profile")
    copy = clone.versions.get()
    assert (copy.number, copy.status, clone.cloned_from, clone.purpose) == (
        1,
        "draft",
        source,
        source.framework.purpose,
    )
    assert clone.title_nl == source.framework.title_nl  # the field left as it was on the form
    assert content(copy) == before
    assert Indicator.objects.filter(competency__area__version=copy).count() > 10
    # Changing the copy leaves the source as it was.
    indicator = Indicator.objects.filter(competency__area__version=copy).first()
    client.post(
        reverse("framework_indicator_edit", args=[copy.pk, indicator.pk]),
        {"code": indicator.code, "title_en": "Changed in the copy"},
    )
    indicator.refresh_from_db()
    assert indicator.title_en == "Changed in the copy"
    area = Area.objects.filter(version=copy).first()
    client.post(reverse("framework_item_delete", args=[copy.pk, "area", area.pk]))
    assert not Area.objects.filter(pk=area.pk).exists()
    client.post(reverse("framework_level_new", args=[copy.pk]), {"value": 7, "title_en": "Outstanding"})
    assert content(source) == before
    assert content(copy) != before
    page = client.get(reverse("framework_detail", args=[clone.pk])).text
    assert "Copied from" in page


def test_a_schools_own_version_is_copied_with_descriptions_codes_and_positions(world, published):
    clone = framework_clone(
        version=published, user=world.coordinator, school=world.school, data={"title_en": "Copy", "code": "copy"}
    )
    assert content(clone.versions.get()) == content(published)
    assert clone.description == published.framework.description


def test_a_copy_needs_a_free_code_and_the_users_school(client, world, published):
    client.force_login(world.coordinator)
    url = reverse("framework_clone", args=[published.pk])
    response = client.post(url, {"title_en": "Copy", "code": "bakery", "school": world.school.pk})
    assert response.status_code == 400
    assert response.context["form"].errors["code"]
    response = client.post(url, {"title_en": "Copy", "code": "copy", "school": world.other_school.pk})
    assert response.context["form"].errors["school"]
    assert Framework.objects.filter(school__isnull=False).count() == 1


def test_copying_takes_a_fixed_number_of_queries_however_big_the_framework(world):
    def queries_to_copy(version, code):
        with CaptureQueriesContext(connection) as queries:
            framework_clone(
                version=version, user=world.coordinator, school=world.school, data={"title_en": code, "code": code}
            )
        return len(queries)

    small = make_framework_version(code="small", areas=1, competencies=1, indicators=1)
    big = make_framework_version(code="big", areas=5, competencies=5, indicators=5)
    # One read and one insert per level (scale, areas, competencies, indicators), plus the framework and version.
    assert queries_to_copy(small, "small-copy") == queries_to_copy(big, "big-copy") <= 15
    assert Indicator.objects.filter(competency__area__version__framework__code="big-copy").count() == 125


# --- new versions and publishing -----------------------------------------------------------------------


def test_a_new_version_is_a_draft_copy_and_there_is_one_draft_at_a_time(client, world, published):
    client.force_login(world.coordinator)
    url = reverse("framework_version_new", args=[published.framework_id])
    response = client.post(url)
    draft = published.framework.versions.get(number=2)
    assert response.status_code == 302
    assert response["Location"].endswith("?version=2")
    assert draft.status == "draft"
    assert content(draft) == content(published)
    response = client.post(url)
    assert response.status_code == 400
    assert "Version 2 is still a draft" in response.text
    assert published.framework.versions.count() == 2


def test_publishing_retires_the_version_before_and_records_keep_theirs(client, world, published):
    plan = make_assessment_plan(world.placement, version=published)
    record = make_record(world.placement, plan=plan)
    draft = version_new(framework=published.framework)
    Indicator.objects.filter(competency__area__version=draft, code="1.1.1").update(title_en="Bakes bread on time")
    client.force_login(world.coordinator)
    response = client.post(reverse("framework_publish", args=[draft.pk]), {"change_note": "  Sharper wording  "})
    assert response.status_code == 302
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, draft.change_note) == ("published", "Sharper wording")
    assert draft.published_at is not None
    assert published.status == "retired"
    assert published_versions_for_school(world.school.pk).filter(framework=published.framework).get() == draft
    record.refresh_from_db()
    assert record.framework_version == published
    assert AssessmentRecord.objects.get(pk=record.pk).ratings.first().indicator.competency.area.version == published
    # The old version stays readable, with what it held, and says how much uses it.
    client.force_login(world.learner)
    page = client.get(reverse("framework_detail", args=[published.framework_id]), {"version": 1})
    assert page.status_code == 200
    assert "Indicator 1.1.1" in page.text
    assert "Bakes bread on time" not in page.text
    versions = {v.number: v for v in page.context["versions"]}
    assert (versions[1].plan_count, versions[1].record_count) == (1, 1)
    assert (versions[2].plan_count, versions[2].record_count) == (0, 0)
    assert "Sharper wording" in page.text
    # The page opens with the version in use now.
    page = client.get(reverse("framework_detail", args=[published.framework_id]))
    assert page.context["version"] == draft
    assert "Bakes bread on time" in page.text


def test_an_incomplete_draft_is_not_published(client, world):
    client.force_login(world.coordinator)
    empty = make_framework_version(school=world.school, code="empty", areas=1, indicators=0, published=False)
    response = client.post(reverse("framework_publish", args=[empty.pk]))
    assert response.status_code == 400
    assert "Add at least one indicator." in response.text
    one_level = make_framework_version(school=world.school, code="one-level", published=False)
    one_level.levels.exclude(value=2).delete()
    response = client.post(reverse("framework_publish", args=[one_level.pk]))
    assert "The rating scale needs at least two levels." in response.text
    failing = make_framework_version(school=world.school, code="failing", published=False)
    failing.levels.update(is_passing=False)
    response = client.post(reverse("framework_publish", args=[failing.pk]))
    assert "must meet the standard" in response.text
    assert set(FrameworkVersion.objects.filter(framework__school=world.school).values_list("status", flat=True)) == {
        "draft"
    }


def test_retiring_takes_a_version_out_of_new_plans_but_it_stays_readable(client, world, published):
    client.force_login(world.coordinator)
    assert client.post(reverse("framework_retire", args=[published.pk])).status_code == 302
    published.refresh_from_db()
    assert published.status == "retired"
    assert not published_versions_for_school(world.school.pk).filter(framework=published.framework).exists()
    assert client.post(reverse("framework_retire", args=[published.pk])).status_code == 400
    client.force_login(world.learner)
    assert client.get(reverse("framework_detail", args=[published.framework_id])).status_code == 200


def test_deleting_a_draft_version_or_a_draft_framework(client, world, published):
    client.force_login(world.coordinator)
    draft = version_new(framework=published.framework)
    url = reverse("framework_version_delete", args=[draft.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response["Location"] == reverse("framework_detail", args=[published.framework_id])
    assert list(published.framework.versions.values_list("number", flat=True)) == [1]
    only_draft = make_framework_version(school=world.school, code="scratch", published=False)
    response = client.post(reverse("framework_version_delete", args=[only_draft.pk]))
    assert response["Location"] == reverse("framework_list")
    assert not Framework.objects.filter(code="scratch").exists()
