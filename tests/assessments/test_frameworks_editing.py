"""Making a framework and changing a draft: areas, competencies, indicators, the rating scale, their order."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.frameworks.services import item_save
from assessments.models import Area, Competency, Framework, FrameworkVersion, Indicator, RatingLevel
from tests.factories import grant

from .factories_assessments import make_framework_version


@pytest.fixture
def draft(world):
    return make_framework_version(school=world.school, code="retail", title="Retail skills", published=False)


def snapshot(version):
    """Everything a version holds, to prove that a refused change left it exactly as it was."""
    return (
        list(FrameworkVersion.objects.filter(pk=version.pk).values()),
        list(Framework.objects.filter(pk=version.framework_id).values()),
        list(RatingLevel.objects.filter(version=version).order_by("pk").values()),
        list(Area.objects.filter(version=version).order_by("pk").values()),
        list(Competency.objects.filter(area__version=version).order_by("pk").values()),
        list(Indicator.objects.filter(competency__area__version=version).order_by("pk").values()),
    )


# --- a new framework -----------------------------------------------------------------------------------


def test_a_coordinator_makes_a_framework_with_draft_version_1_and_the_default_scale(client, world):
    client.force_login(world.coordinator)
    assert client.get(reverse("framework_new")).status_code == 200
    response = client.post(
        reverse("framework_new"),
        {
            "title_en": "",
            "title_nl": "Verkoopmedewerker",
            "code": "verkoop-2",
            "description": "From the qualification file",
            "purpose": "learners",
            "school": world.school.pk,
        },
    )
    framework = Framework.objects.get(code="verkoop-2")
    version = framework.versions.get()
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('framework_detail', args=[framework.pk])}?version=1"
    assert (framework.school, framework.created_by, framework.title_nl) == (
        world.school,
        world.coordinator,
        "Verkoopmedewerker",
    )
    assert (version.number, version.status, version.published_at) == (1, FrameworkVersion.Status.DRAFT, None)
    scale = list(version.levels.order_by("value").values_list("value", "title_en", "title_nl", "is_passing"))
    assert scale == [
        (1, "unsatisfactory", "onvoldoende", False),
        (2, "satisfactory", "voldoende", True),
        (3, "good", "goed", True),
    ]
    page = client.get(response["Location"]).text
    assert "Verkoopmedewerker" in page
    assert "unsatisfactory" in page


def test_a_framework_needs_a_title_and_a_code_unique_within_the_school(client, world):
    make_framework_version(school=world.school, code="taken", published=False)
    make_framework_version(school=world.other_school, code="elsewhere", published=False)
    client.force_login(world.coordinator)
    data = {"title_en": "", "title_nl": "", "code": "fresh", "purpose": "learners", "school": world.school.pk}
    response = client.post(reverse("framework_new"), data)
    assert response.status_code == 200
    assert "Give a title in English, in Dutch, or both." in response.text
    response = client.post(reverse("framework_new"), {**data, "title_en": "Taken", "code": "taken"})
    assert response.status_code == 400
    assert response.context["form"].errors["code"]
    response = client.post(reverse("framework_new"), {**data, "title_en": "Not a slug", "code": "not a slug"})
    assert response.context["form"].errors["code"]
    assert Framework.objects.filter(school=world.school).count() == 1
    # Another school's code does not get in the way.
    response = client.post(reverse("framework_new"), {**data, "title_en": "Elsewhere", "code": "elsewhere"})
    assert response.status_code == 302
    assert Framework.objects.filter(school=world.school, code="elsewhere").exists()


def test_someone_at_two_schools_chooses_the_school_and_only_their_own(client, world):
    grant(world.supervisor, "coordinator", world.other_school)
    client.force_login(world.supervisor)
    form = client.get(reverse("framework_new")).context["form"]
    assert set(form.fields["school"].queryset) == {world.school, world.other_school}
    data = {"title_en": "Care", "code": "care", "purpose": "mentors", "school": world.other_school.pk}
    assert client.post(reverse("framework_new"), data).status_code == 302
    assert Framework.objects.get(code="care").school == world.other_school
    client.force_login(world.coordinator)
    response = client.post(reverse("framework_new"), {**data, "code": "care-2"})
    assert response.status_code == 200
    assert response.context["form"].errors["school"]
    assert not Framework.objects.filter(code="care-2").exists()


def test_the_details_change_until_the_first_version_is_published(client, world, draft):
    client.force_login(world.coordinator)
    url = reverse("framework_edit", args=[draft.framework_id])
    data = {"title_en": "Retail", "title_nl": "Detailhandel", "code": "retail-2", "purpose": "learners"}
    assert client.post(url, data).status_code == 302
    draft.framework.refresh_from_db()
    assert (draft.framework.title_nl, draft.framework.code) == ("Detailhandel", "retail-2")
    FrameworkVersion.objects.filter(pk=draft.pk).update(status="published", published_at="2026-01-01T00:00Z")
    before = snapshot(draft)
    response = client.post(url, {**data, "title_en": "Renamed"})
    assert response.status_code == 400
    assert "keeps its title and code" in response.text
    assert snapshot(draft) == before


# --- the content of a draft ----------------------------------------------------------------------------


def test_areas_competencies_and_indicators_are_added_in_order_and_shown(client, world, draft):
    client.force_login(world.supervisor)
    response = client.post(reverse("framework_area_new", args=[draft.pk]), {"code": "3", "title_en": "Customers"})
    area = Area.objects.get(version=draft, code="3")
    assert response.status_code == 302
    assert response["Location"].endswith(f"?version=1#area-{area.pk}")
    assert area.position == 3  # after the two areas already there
    response = client.post(
        reverse("framework_competency_new", args=[draft.pk, area.pk]),
        {"code": "3.1", "title_en": "Serves customers", "description": "At the counter and on the phone"},
    )
    competency = Competency.objects.get(area=area)
    assert (competency.position, competency.description) == (1, "At the counter and on the phone")
    client.post(
        reverse("framework_indicator_new", args=[draft.pk, competency.pk]),
        {"code": "3.1.1", "title_en": "Greets customers", "title_nl": "Begroet klanten"},
    )
    client.post(
        reverse("framework_indicator_new", args=[draft.pk, competency.pk]),
        {"code": "3.1.2", "title_nl": "Rekent correct af"},
    )
    assert list(competency.indicators.order_by("position").values_list("code", "position")) == [
        ("3.1.1", 1),
        ("3.1.2", 2),
    ]
    page = client.get(reverse("framework_detail", args=[draft.framework_id])).text
    for text in ("Customers", "Serves customers", "At the counter and on the phone", "Greets customers"):
        assert text in page
    # Only a Dutch title: shown as it is in English too, flagged for the editors.
    assert "Rekent correct af" in page
    assert "no English title" in page


def test_an_item_without_any_title_is_refused(client, world, draft):
    client.force_login(world.coordinator)
    response = client.post(reverse("framework_area_new", args=[draft.pk]), {"code": "9"})
    assert response.status_code == 200
    assert "Give a title in English, in Dutch, or both." in response.text
    assert not Area.objects.filter(version=draft, code="9").exists()
    with pytest.raises(ValidationError):
        item_save(version=draft, kind="area", data={"code": "9", "title_en": " ", "title_nl": ""})


def test_items_are_edited_in_place(client, world, draft):
    indicator = Indicator.objects.get(competency__area__version=draft, code="1.2.1")
    competency = indicator.competency
    client.force_login(world.coordinator)
    url = reverse("framework_indicator_edit", args=[draft.pk, indicator.pk])
    assert client.get(url).context["form"].initial["title_en"] == "Indicator 1.2.1"
    response = client.post(
        url, {"code": "1.2.1", "title_en": "Keeps the workplace clean", "title_nl": "Houdt de werkplek schoon"}
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.title_en, indicator.competency, indicator.position) == (
        "Keeps the workplace clean",
        competency,
        1,
    )
    url = reverse("framework_competency_edit", args=[draft.pk, competency.pk])
    client.post(url, {"code": "1.2", "title_en": "Hygiene", "description": "HACCP"})
    competency.refresh_from_db()
    assert (competency.title_en, competency.description) == ("Hygiene", "HACCP")


def test_deleting_an_area_takes_its_competencies_and_indicators(client, world, draft):
    area = Area.objects.get(version=draft, code="1")
    client.force_login(world.coordinator)
    url = reverse("framework_item_delete", args=[draft.pk, "area", area.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "2 competencies" in page.text
    assert "4 indicators" in page.text
    assert client.post(url).status_code == 302
    assert not Area.objects.filter(pk=area.pk).exists()
    assert Competency.objects.filter(area__version=draft).count() == 2
    assert Indicator.objects.filter(competency__area__version=draft).count() == 4


def test_items_move_up_and_down_among_their_siblings(client, world, draft):
    competency = Competency.objects.get(area__version=draft, code="2.1")
    for i in range(3, 5):
        Indicator.objects.create(competency=competency, code=f"2.1.{i}", title_en=f"Extra {i}", position=i)
    third = Indicator.objects.get(competency=competency, code="2.1.3")
    client.force_login(world.coordinator)
    url = reverse("framework_item_move", args=[draft.pk, "indicator", third.pk])
    assert client.post(url, {"direction": "up"}).status_code == 302
    codes = lambda: list(competency.indicators.order_by("position").values_list("code", flat=True))  # noqa: E731
    assert codes() == ["2.1.1", "2.1.3", "2.1.2", "2.1.4"]
    client.post(url, {"direction": "up"})
    assert codes() == ["2.1.3", "2.1.1", "2.1.2", "2.1.4"]
    response = client.post(url, {"direction": "up"})
    assert response.status_code == 400
    assert codes() == ["2.1.3", "2.1.1", "2.1.2", "2.1.4"]
    client.post(url, {"direction": "down"})
    assert codes() == ["2.1.1", "2.1.3", "2.1.2", "2.1.4"]
    area = Area.objects.get(version=draft, code="2")
    client.post(reverse("framework_item_move", args=[draft.pk, "area", area.pk]), {"direction": "up"})
    assert list(Area.objects.filter(version=draft).order_by("position").values_list("code", flat=True)) == ["2", "1"]
    level = RatingLevel.objects.get(version=draft, value=1)
    assert (
        client.post(
            reverse("framework_item_move", args=[draft.pk, "level", level.pk]), {"direction": "down"}
        ).status_code
        == 400
    )


def test_the_rating_scale_is_changed_in_plain_words(client, world, draft):
    client.force_login(world.coordinator)
    assert client.get(reverse("framework_level_new", args=[draft.pk])).context["form"].initial == {"value": 4}
    response = client.post(
        reverse("framework_level_new", args=[draft.pk]),
        {"value": 4, "title_en": "excellent", "title_nl": "uitstekend", "is_passing": "on"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#scale")
    response = client.post(reverse("framework_level_new", args=[draft.pk]), {"value": 2, "title_en": "twice"})
    assert response.status_code == 400
    assert response.context["form"].errors["value"] == ["The scale already has a level with this value."]
    good = RatingLevel.objects.get(version=draft, value=3)
    client.post(
        reverse("framework_level_edit", args=[draft.pk, good.pk]), {"value": 3, "title_en": "good", "title_nl": "goed"}
    )
    good.refresh_from_db()
    assert good.is_passing is False
    assert list(draft.levels.order_by("value").values_list("title_nl", flat=True)) == [
        "onvoldoende",
        "voldoende",
        "goed",
        "uitstekend",
    ]


def test_an_item_of_another_version_is_not_found_through_a_draft(client, world, draft):
    published = make_framework_version(school=world.school, code="bakery")
    foreign = Indicator.objects.filter(competency__area__version=published).first()
    area = Area.objects.filter(version=published).first()
    client.force_login(world.coordinator)
    before = snapshot(published)
    assert (
        client.post(reverse("framework_indicator_edit", args=[draft.pk, foreign.pk]), {"title_en": "X"}).status_code
        == 404
    )
    assert client.post(reverse("framework_item_delete", args=[draft.pk, "indicator", foreign.pk])).status_code == 404
    assert (
        client.post(reverse("framework_competency_new", args=[draft.pk, area.pk]), {"title_en": "X"}).status_code == 404
    )
    assert snapshot(published) == before
    with pytest.raises(ValidationError):
        item_save(version=draft, kind="competency", parent=area, data={"title_en": "X"})
    assert snapshot(published) == before


# --- a published version never changes -----------------------------------------------------------------


def test_no_edit_view_changes_a_published_version(client, world):
    version = make_framework_version(school=world.school, code="bakery")
    level = version.levels.first()
    area = version.areas.first()
    competency = Competency.objects.filter(area=area).first()
    indicator = Indicator.objects.filter(competency=competency).first()
    data = {
        "value": 9,
        "code": "X",
        "title_en": "Changed",
        "title_nl": "Gewijzigd",
        "description": "x",
        "direction": "down",
    }
    posts = [
        reverse("framework_level_new", args=[version.pk]),
        reverse("framework_level_edit", args=[version.pk, level.pk]),
        reverse("framework_area_new", args=[version.pk]),
        reverse("framework_area_edit", args=[version.pk, area.pk]),
        reverse("framework_competency_new", args=[version.pk, area.pk]),
        reverse("framework_competency_edit", args=[version.pk, competency.pk]),
        reverse("framework_indicator_new", args=[version.pk, competency.pk]),
        reverse("framework_indicator_edit", args=[version.pk, indicator.pk]),
        reverse("framework_item_move", args=[version.pk, "area", area.pk]),
        reverse("framework_item_move", args=[version.pk, "competency", competency.pk]),
        reverse("framework_item_move", args=[version.pk, "indicator", indicator.pk]),
        reverse("framework_publish", args=[version.pk]),
        reverse("framework_version_delete", args=[version.pk]),
        reverse("framework_edit", args=[version.framework_id]),
    ]
    posts += [
        reverse("framework_item_delete", args=[version.pk, kind, item.pk])
        for kind, item in (("level", level), ("area", area), ("competency", competency), ("indicator", indicator))
    ]
    before = snapshot(version)
    for name in ("coordinator", "staff"):
        client.force_login(getattr(world, name))
        for url in posts:
            response = client.post(url, data)
            assert response.status_code == 400, url
            assert snapshot(version) == before, url
    # The form pages say why instead of offering a form.
    response = client.get(reverse("framework_area_new", args=[version.pk]))
    assert response.status_code == 400
    assert "has been published and no longer changes" in response.text
