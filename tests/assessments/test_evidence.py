"""Adding evidence: what it may hold, what it is tagged with, and how the list finds it again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assessments.evidence.services import evidence_add
from assessments.models import Evidence
from core.attachments import MAX_BYTES
from mentoring.sessions.services import session_log
from tests.assessments.factories_assessments import make_assessment_plan
from tests.factories import make_placement


@pytest.fixture
def plan(world):
    return make_assessment_plan(world.placement)


def first_indicator(plan):
    return plan.indicators.order_by("code").first()


def new_url(world):
    return reverse("evidence_new", args=[world.placement.pk])


def evidence_data(plan, **overrides):
    data = {"title": "Sourdough batch", "text": "Baked the batch alone.", "indicators": [first_indicator(plan).pk]}
    data.update(overrides)
    return data


def log_session(placement, activities="Shaped rolls"):
    data = {
        "date": timezone.localdate(),
        "duration_minutes": 30,
        "form": "on_the_job",
        "coached_by": placement.mentor,
        "activities": activities,
        "went_well": "",
        "to_improve": "",
    }
    return session_log(placement=placement, by=placement.mentor, data=data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n%test\n"),
        ("photo.JPG", b"\xff\xd8\xff\xe0 jpeg"),
        ("product.png", b"\x89PNG\r\n\x1a\n rest"),
        ("notes.txt", "Eén batch gebakken zonder hulp".encode()),
    ],
)
def test_an_accepted_file_is_stored_with_the_evidence(client, world, plan, name, content):
    client.force_login(world.learner)
    upload = SimpleUploadedFile(name, content)
    response = client.post(new_url(world), evidence_data(plan, text="", file=upload))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.original_name == name
    assert evidence.file.read() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "is not accepted: only"),
        ("report.pdf", b"MZ\x90\x00 not a pdf", "does not look like a real .pdf file"),
        ("notes.txt", b"\xff\xfe\x00\x00binary", "is not a plain text file"),
    ],
)
def test_a_refused_file_gives_a_form_error_and_saves_nothing(client, world, plan, name, content, message):
    client.force_login(world.learner)
    response = client.post(new_url(world), evidence_data(plan, file=SimpleUploadedFile(name, content)))
    assert response.status_code == 200
    assert message in response.text
    assert not Evidence.objects.exists()


def test_a_file_that_is_too_big_is_refused(client, world, plan):
    client.force_login(world.learner)
    big = SimpleUploadedFile("scan.pdf", b"%PDF-" + b"0" * MAX_BYTES)
    response = client.post(new_url(world), evidence_data(plan, file=big))
    assert response.status_code == 200
    assert "attachments can be at most 10.0" in response.text
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"indicators": []}, "Tag the evidence with at least one indicator of the plan."),
        ({"title": ""}, "This field is required."),
        ({"text": "  "}, "Add a description, a file or a coaching session"),
    ],
)
def test_incomplete_evidence_is_refused_with_a_message(client, world, plan, overrides, message):
    client.force_login(world.mentor)
    response = client.post(new_url(world), evidence_data(plan, **overrides))
    assert response.status_code == 200
    assert message in response.text
    assert not Evidence.objects.exists()


def test_an_indicator_outside_the_plan_is_refused(client, world):
    plan = make_assessment_plan(world.placement)
    left_out = first_indicator(plan)
    plan.indicators.remove(left_out)
    client.force_login(world.mentor)
    response = client.post(new_url(world), evidence_data(plan, indicators=[left_out.pk]))
    assert response.status_code == 200
    assert not Evidence.objects.exists()


def test_evidence_links_sessions_of_this_placement_only(client, world, plan):
    own = log_session(world.placement)
    other = make_placement(school=world.school, company=world.company, mentor=world.mentor)
    foreign = log_session(other, activities="Elsewhere")
    client.force_login(world.mentor)
    form_page = client.get(new_url(world)).text
    assert "Shaped rolls" in form_page
    assert "Elsewhere" not in form_page

    response = client.post(new_url(world), evidence_data(plan, text="", sessions=[foreign.pk]))
    assert response.status_code == 200
    assert not Evidence.objects.exists()

    response = client.post(new_url(world), evidence_data(plan, text="", sessions=[own.pk]))
    assert response.status_code == 302
    assert list(Evidence.objects.get().sessions.all()) == [own]
    page = client.get(reverse("evidence_list", args=[world.placement.pk])).text
    assert reverse("mentoring_sessions", args=[world.placement.pk]) + "?date_from=" in page
    assert f"#session-{own.pk}" in page


def test_evidence_needs_an_assessment_plan(client, world):
    client.force_login(world.learner)
    response = client.post(new_url(world), {"title": "Batch", "text": "Done", "indicators": []}, follow=True)
    assert "There is no assessment plan yet" in response.text
    assert not Evidence.objects.exists()
    page = client.get(reverse("evidence_list", args=[world.placement.pk])).text
    assert "has no assessment plan yet" in page
    assert new_url(world) not in page


def test_the_list_shows_who_added_what_and_filters_by_competency_or_indicator(client, world, plan):
    indicators = list(plan.indicators.order_by("code"))
    evidence_add(placement=world.placement, by=world.learner, title="Rolls", text="x", indicators=[indicators[0]])
    evidence_add(placement=world.placement, by=world.mentor, title="Cakes", text="x", indicators=indicators[2:4])
    client.force_login(world.supervisor)
    url = reverse("evidence_list", args=[world.placement.pk])

    page = client.get(url).text
    assert "Rolls" in page and "Cakes" in page
    assert "Added by Daan Jansen" in page
    assert "Added by Marieke de Vries" in page
    assert "Indicator 1.2.1" in page and "Indicator 1.2.2" in page

    competency_12 = indicators[2].competency
    page = client.get(url, {"competency": competency_12.pk}).text
    assert "Cakes" in page and "Rolls" not in page
    page = client.get(url, {"indicator": indicators[0].pk}).text
    assert "Rolls" in page and "Cakes" not in page
    page = client.get(url, {"indicator": indicators[1].pk}).text
    assert "No evidence matches this filter." in page


def test_the_list_takes_a_fixed_number_of_queries(client, world, plan, django_assert_max_num_queries):
    indicators = list(plan.indicators.all())
    sessions = [log_session(world.placement, activities=f"Session {n}") for n in range(3)]
    for n in range(25):
        evidence = evidence_add(
            placement=world.placement,
            by=world.learner if n % 2 else world.mentor,
            title=f"Evidence {n}",
            text="x",
            upload=SimpleUploadedFile(f"e{n}.txt", b"text"),
            indicators=indicators[: 1 + n % 4],
            sessions=sessions[: n % 3],
        )
    client.force_login(world.mentor)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("evidence_list", args=[world.placement.pk]))
    assert response.status_code == 200
    assert "Evidence 24" in response.text
    assert "Page 1 of 2" in response.text
    assert evidence.title == "Evidence 24"
