"""Who sees which competency frameworks, and who may change them: outsiders 404, insiders without the right 403."""

import pytest
from django.urls import reverse

from assessments.frameworks.selectors import published_versions_for_school
from assessments.models import Area, Framework
from tests.cast import EVERYONE
from tests.factories import grant

from .factories_assessments import make_framework_version

# Everyone with a role at the school or hosting its learners reads the school's published frameworks.
SCHOOL_READERS = {
    "learner",
    "other_learner",
    "mentor",
    "supervisor",
    "colleague_teacher",
    "coordinator",
    "company_admin",
    "staff",
}
SCHOOL_EDITORS = {"supervisor", "colleague_teacher", "coordinator", "staff"}


def detail(client, version):
    return client.get(reverse("framework_detail", args=[version.framework_id]), {"version": version.number})


@pytest.fixture
def published(world):
    return make_framework_version(school=world.school, code="bakery", title="Bakery skills")


@pytest.fixture
def draft(world):
    return make_framework_version(school=world.school, code="retail", title="Retail skills", published=False)


@pytest.fixture
def shipped(db):
    return make_framework_version(code="generic", title="Generic work skills")


@pytest.mark.parametrize("name", EVERYONE)
def test_a_schools_published_framework_is_seen_by_its_people_and_hosts_only(client, world, published, name):
    client.force_login(getattr(world, name))
    response = detail(client, published)
    assert response.status_code == (200 if name in SCHOOL_READERS else 404)
    if response.status_code == 200:
        assert "Bakery skills" in response.text
        assert "Indicator 2.2.2" in response.text


@pytest.mark.parametrize("name", EVERYONE)
def test_a_shipped_published_framework_is_seen_by_everyone_with_a_role(client, world, shipped, name):
    client.force_login(getattr(world, name))
    assert detail(client, shipped).status_code == (404 if name == "nobody" else 200)


@pytest.mark.parametrize("name", EVERYONE)
def test_a_draft_is_seen_by_the_schools_teachers_coordinators_and_staff_only(client, world, draft, name):
    client.force_login(getattr(world, name))
    response = detail(client, draft)
    assert response.status_code == (200 if name in SCHOOL_EDITORS else 404)
    if response.status_code == 200:
        assert "Retail skills" in response.text


def test_a_new_draft_version_of_a_published_framework_is_hidden_from_readers(client, world, published):
    make_framework_version(framework=published.framework, number=2, published=False)
    client.force_login(world.learner)
    assert detail(client, published).status_code == 200
    page = client.get(reverse("framework_detail", args=[published.framework_id]))
    assert [v.number for v in page.context["versions"]] == [1]
    assert client.get(reverse("framework_detail", args=[published.framework_id]), {"version": 2}).status_code == 404
    client.force_login(world.coordinator)
    assert client.get(reverse("framework_detail", args=[published.framework_id]), {"version": 2}).status_code == 200


@pytest.mark.parametrize("name", EVERYONE)
def test_the_list_shows_shipped_frameworks_and_those_of_the_users_schools(client, world, published, shipped, name):
    make_framework_version(school=world.other_school, code="other", title="Other school framework")
    client.force_login(getattr(world, name))
    response = client.get(reverse("framework_list"))
    assert response.status_code == 200
    titles = {f.title_en for f in response.context["school_frameworks"] + response.context["shipped_frameworks"]}
    expected = set()
    if name != "nobody":
        expected.add("Generic work skills")
        expected.update(Framework.objects.filter(school=None).values_list("title_en", flat=True))
    if name in SCHOOL_READERS:
        expected.add("Bakery skills")
    if name in {"other_teacher", "other_coordinator", "outsider", "staff"}:
        expected.add("Other school framework")
    assert titles == expected


def test_the_new_framework_button_shows_for_school_staff_only(client, world):
    for name, shown in [("coordinator", True), ("supervisor", True), ("staff", True), ("learner", False)]:
        client.force_login(getattr(world, name))
        assert (reverse("framework_new") in client.get(reverse("framework_list")).text) is shown, name
    client.force_login(world.mentor)
    assert client.get(reverse("framework_new")).status_code == 403


@pytest.mark.parametrize("name", ["learner", "mentor", "company_admin"])
def test_readers_without_the_right_get_403_on_every_change(client, world, published, draft, name):
    client.force_login(getattr(world, name))
    area = Area.objects.filter(version=published).first()
    urls = [
        reverse("framework_area_new", args=[published.pk]),
        reverse("framework_area_edit", args=[published.pk, area.pk]),
        reverse("framework_item_delete", args=[published.pk, "area", area.pk]),
        reverse("framework_clone", args=[published.pk]),
        reverse("framework_edit", args=[published.framework_id]),
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("framework_version_new", args=[published.framework_id])).status_code == 403
    assert client.post(reverse("framework_retire", args=[published.pk])).status_code == 403
    assert published.framework.versions.count() == 1
    # The school's draft does not exist for them.
    assert client.get(reverse("framework_area_new", args=[draft.pk])).status_code == 404


@pytest.mark.parametrize("name", ["other_teacher", "other_coordinator"])
def test_staff_of_another_school_get_404_on_a_schools_frameworks(client, world, published, draft, name):
    client.force_login(getattr(world, name))
    assert detail(client, draft).status_code == 404
    assert detail(client, published).status_code == 404
    assert client.post(reverse("framework_area_new", args=[draft.pk]), {"title_en": "Sneaky"}).status_code == 404
    assert client.get(reverse("framework_clone", args=[published.pk])).status_code == 404
    assert not Area.objects.filter(title_en="Sneaky").exists()


@pytest.mark.parametrize("name", ["supervisor", "coordinator", "staff"])
def test_school_staff_and_staff_change_a_draft(client, world, draft, name):
    client.force_login(getattr(world, name))
    response = client.post(reverse("framework_area_new", args=[draft.pk]), {"code": "9", "title_en": "Safety"})
    assert response.status_code == 302
    assert Area.objects.filter(version=draft, title_en="Safety").exists()


@pytest.mark.parametrize("name", ["coordinator", "staff"])
def test_nobody_changes_a_shipped_framework_not_even_staff(client, world, name):
    shipped_draft = make_framework_version(code="shipped-draft", published=False)
    shipped = make_framework_version(code="generic", title="Generic work skills")
    client.force_login(getattr(world, name))
    response = client.post(reverse("framework_area_new", args=[shipped_draft.pk]), {"title_en": "Added"})
    assert response.status_code == 403 if name == "staff" else 404
    response = client.post(reverse("framework_version_new", args=[shipped.framework_id]))
    assert response.status_code == 403
    assert "Copy one to your school" in response.text
    assert not Area.objects.filter(title_en="Added").exists()
    assert shipped.framework.versions.count() == 1


def test_a_teacher_at_two_schools_sees_and_edits_both(client, world, draft):
    other_draft = make_framework_version(school=world.other_school, code="other", published=False)
    grant(world.supervisor, "teacher", world.other_school)
    client.force_login(world.supervisor)
    assert detail(client, other_draft).status_code == 200
    assert detail(client, draft).status_code == 200


def test_published_versions_for_school_offers_the_latest_published_of_shipped_and_own_frameworks(world):
    # The frameworks that come with Werkmentor (installed by a migration) are offered to every school.
    installed = {p: set(published_versions_for_school(world.school.pk, purpose=p)) for p in ("learners", "mentors")}
    assert installed == {p: set(published_versions_for_school(world.other_school.pk, purpose=p)) for p in installed}
    own_v1 = make_framework_version(school=world.school, code="own")
    own_v1.status = "retired"
    own_v1.save()
    own_v2 = make_framework_version(framework=own_v1.framework, number=2)
    make_framework_version(framework=own_v1.framework, number=3, published=False)
    shipped = make_framework_version(code="shipped")
    mentors = make_framework_version(code="mentors", purpose="mentors")
    make_framework_version(school=world.other_school, code="theirs")
    make_framework_version(school=world.school, code="draft-only", published=False)
    everything = installed["learners"] | installed["mentors"]
    assert set(published_versions_for_school(world.school.pk)) == everything | {own_v2, shipped, mentors}
    learners = set(published_versions_for_school(world.school.pk, purpose="learners"))
    assert learners == installed["learners"] | {own_v2, shipped}
    assert set(published_versions_for_school(world.school.pk, purpose="mentors")) == installed["mentors"] | {mentors}
