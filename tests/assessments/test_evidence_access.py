"""Who sees, adds, downloads and removes evidence of a placement."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.evidence.services import evidence_add
from assessments.models import Evidence
from tests.assessments.factories_assessments import make_assessment_plan
from tests.cast import COACHING_VIEWERS, EVERYONE

ADDERS = {"learner", "mentor", "supervisor", "coordinator", "staff"}
OUTSIDERS = [
    "company_admin",
    "other_company_admin",
    "other_teacher",
    "other_coordinator",
    "outsider",
    "colleague_mentor",
]


@pytest.fixture
def plan(world):
    return make_assessment_plan(world.placement)


def add(world, plan, by=None, **kwargs):
    kwargs.setdefault("indicators", list(plan.indicators.order_by("code")[:1]))
    return evidence_add(placement=world.placement, by=by or world.learner, title="Bread batch", text="Done", **kwargs)


def pdf():
    return SimpleUploadedFile("Weekly report.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")


@pytest.mark.parametrize("who", EVERYONE)
def test_the_evidence_list_is_for_the_coaching_circle(client, world, plan, who):
    add(world, plan)
    client.force_login(getattr(world, who))
    response = client.get(reverse("evidence_list", args=[world.placement.pk]))
    assert response.status_code == (200 if who in COACHING_VIEWERS else 404)
    if who in COACHING_VIEWERS:
        assert "Bread batch" in response.text


@pytest.mark.parametrize("who", sorted(COACHING_VIEWERS))
def test_the_learner_mentor_and_school_add_evidence(client, world, plan, who):
    indicator = plan.indicators.order_by("code").first()
    client.force_login(getattr(world, who))
    response = client.post(
        reverse("evidence_new", args=[world.placement.pk]),
        {"title": "Bread batch", "text": "Baked alone", "indicators": [indicator.pk]},
    )
    if who in ADDERS:
        assert response.status_code == 302
        evidence = Evidence.objects.get()
        assert (evidence.added_by, list(evidence.indicators.all())) == (getattr(world, who), [indicator])
    else:
        assert response.status_code == 403
        assert not Evidence.objects.exists()


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_not_found_everywhere(client, world, plan, who):
    evidence = add(world, plan, upload=pdf())
    client.force_login(getattr(world, who))
    pk = world.placement.pk
    assert client.get(reverse("evidence_new", args=[pk])).status_code == 404
    assert client.get(reverse("evidence_file", args=[pk, evidence.pk])).status_code == 404
    assert client.post(reverse("evidence_delete", args=[pk, evidence.pk])).status_code == 404
    assert Evidence.objects.filter(pk=evidence.pk).exists()


@pytest.mark.parametrize("who", sorted(COACHING_VIEWERS))
def test_the_file_downloads_for_the_coaching_circle_under_its_own_name(client, world, plan, who):
    evidence = add(world, plan, upload=pdf())
    assert "Weekly report" not in evidence.file.name
    client.force_login(getattr(world, who))
    response = client.get(reverse("evidence_file", args=[world.placement.pk, evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Weekly report.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n%test\n"


def test_evidence_without_a_file_has_nothing_to_download(client, world, plan):
    evidence = add(world, plan)
    client.force_login(world.mentor)
    assert client.get(reverse("evidence_file", args=[world.placement.pk, evidence.pk])).status_code == 404


def test_evidence_of_another_placement_is_not_reachable_through_this_one(client, world, plan):
    from tests.factories import make_placement

    other = make_placement(school=world.school, company=world.company, mentor=world.mentor)
    other_plan = make_assessment_plan(other, version=plan.framework_version)
    foreign = evidence_add(
        placement=other,
        by=world.mentor,
        title="Other",
        text="x",
        upload=pdf(),
        indicators=[other_plan.indicators.first()],
    )
    client.force_login(world.mentor)
    assert client.get(reverse("evidence_file", args=[world.placement.pk, foreign.pk])).status_code == 404
    assert client.post(reverse("evidence_delete", args=[world.placement.pk, foreign.pk])).status_code == 404
    assert Evidence.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("who", sorted(COACHING_VIEWERS - {"learner"}))
def test_only_the_author_removes_evidence(client, world, plan, who):
    evidence = add(world, plan, by=world.learner)
    client.force_login(getattr(world, who))
    page = client.get(reverse("evidence_list", args=[world.placement.pk])).text
    assert reverse("evidence_delete", args=[world.placement.pk, evidence.pk]) not in page
    response = client.post(reverse("evidence_delete", args=[world.placement.pk, evidence.pk]))
    assert response.status_code == 403
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_the_author_removes_evidence_and_its_file(client, world, plan, django_capture_on_commit_callbacks):
    evidence = add(world, plan, by=world.learner, upload=pdf())
    storage, name = evidence.file.storage, evidence.file.name
    client.force_login(world.learner)
    page = client.get(reverse("evidence_list", args=[world.placement.pk])).text
    assert reverse("evidence_delete", args=[world.placement.pk, evidence.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("evidence_delete", args=[world.placement.pk, evidence.pk]))
    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert not storage.exists(name)


def test_removing_needs_a_post(client, world, plan):
    evidence = add(world, plan)
    client.force_login(world.learner)
    assert client.get(reverse("evidence_delete", args=[world.placement.pk, evidence.pk])).status_code == 405
    assert Evidence.objects.exists()
