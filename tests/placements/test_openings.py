"""Writing openings (the work profile), changing their status and finding them in the list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from placements.models import Candidate, Opening
from tests.factories import CompanyFactory, ProgrammeFactory, grant
from tests.placements.factories_recruitment import make_candidate, make_opening


def form_data(world, **overrides):
    today = timezone.localdate()
    data = {
        "title": "Assistant baker",
        "tasks": "Knead the dough\n\n  - Serve customers  \n",
        "required_skills": "  Customer Contact, hygiene ,HYGIENE,, baking  ",
        "programmes": [world.programme.pk],
        "hours_per_week": 32,
        "city": "Utrecht",
        "country": "NL",
        "start_date": (today + timedelta(days=30)).isoformat(),
        "end_date": (today + timedelta(days=120)).isoformat(),
        "places": 2,
        "culture_notes": "We start at six; coffee together at ten.",
    }
    data.update(overrides)
    return data


def test_company_admin_adds_a_draft_with_normalised_keywords(client, world):
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_new"), form_data(world))
    opening = Opening.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("opening_detail", args=[opening.pk])
    assert opening.status == Opening.Status.DRAFT
    assert opening.company == world.company
    assert opening.created_by == world.company_admin
    assert opening.required_skills == ["customer contact", "hygiene", "baking"]
    assert opening.tasks == "Knead the dough\nServe customers"
    assert list(opening.programmes.all()) == [world.programme]
    assert opening.published_at is None


def test_the_end_date_must_be_after_the_start(client, world):
    client.force_login(world.company_admin)
    data = form_data(world, end_date=form_data(world)["start_date"])
    response = client.post(reverse("opening_new"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == ["The end date must be after the start date."]
    assert not Opening.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_per_week", 0, "Ensure this value is greater than or equal to 1."),
        ("hours_per_week", 61, "Ensure this value is less than or equal to 60."),
        ("places", 0, "Ensure this value is greater than or equal to 1."),
        ("tasks", " \n - \n", "Describe at least one task, one per line."),
        ("title", "", "This field is required."),
        ("country", "XX", "Select a valid choice. XX is not one of the available choices."),
    ],
)
def test_invalid_input_is_explained_on_the_field(client, world, field, value, message):
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_new"), form_data(world, **{field: value}))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not Opening.objects.exists()


def test_too_many_keywords_are_refused(client, world):
    client.force_login(world.company_admin)
    keywords = ", ".join(f"skill {n}" for n in range(31))
    response = client.post(reverse("opening_new"), form_data(world, required_skills=keywords))
    assert response.context["form"].errors["required_skills"] == ["Give at most 30 keywords; this list has 31."]


def test_programmes_are_found_with_their_school_and_inactive_ones_left_out(client, world):
    """The form searches programmes (tests/placements/test_opening_programme_lookup.py); the school is in the label."""
    ProgrammeFactory(school=world.other_school, name="Autotechnicus")
    ProgrammeFactory(school=world.school, name="Old programme", is_active=False)
    client.force_login(world.company_admin)
    response = client.get(reverse("opening_new"))
    assert reverse("opening_lookup_programmes") in response.text
    assert "company" not in response.context["form"].fields  # one company: nothing to choose
    found = client.get(reverse("opening_lookup_programmes"), {"q": ""}).json()["results"]
    labels = [row["label"] for row in found]
    assert any(label.startswith("Autotechnicus · ") for label in labels)
    assert not any("Old programme" in label for label in labels)


def test_admin_of_several_companies_chooses_one_they_manage(client, world):
    second = CompanyFactory(name="Banketbakkerij Zoet")
    grant(world.company_admin, Role.COMPANY_ADMIN, second)
    client.force_login(world.company_admin)
    refused = client.post(reverse("opening_new"), form_data(world, company=world.other_company.pk))
    assert "company" in refused.context["form"].errors
    assert not Opening.objects.exists()
    response = client.post(reverse("opening_new"), form_data(world, company=second.pk))
    assert response.status_code == 302
    assert Opening.objects.get().company == second


def test_edit_shows_keywords_as_text_and_saves_changes(client, world):
    opening = make_opening(world)
    client.force_login(world.company_admin)
    page = client.get(reverse("opening_edit", args=[opening.pk]))
    assert 'value="baking, hygiene"' in page.text
    response = client.post(
        reverse("opening_edit", args=[opening.pk]), form_data(world, title="Baker", required_skills="Dough")
    )
    assert response.status_code == 302
    opening.refresh_from_db()
    assert (opening.title, opening.required_skills, opening.status) == ("Baker", ["dough"], Opening.Status.PUBLISHED)


def test_places_cannot_drop_below_the_appointed_candidates(client, world):
    opening = make_opening(world, places=2)
    make_candidate(opening, world.learner, status=Candidate.Status.APPOINTED)
    make_candidate(opening, world.other_learner, status=Candidate.Status.APPOINTED)
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_edit", args=[opening.pk]), form_data(world, places=1))
    assert response.status_code == 200
    assert response.context["form"].errors["places"] == [
        "2 candidates have been appointed already; the opening needs at least that many places."
    ]
    opening.refresh_from_db()
    assert opening.places == 2


def test_publishing_a_draft_sets_the_date(client, world):
    opening = make_opening(world, status=Opening.Status.DRAFT)
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_status", args=[opening.pk]), {"action": "publish"}, follow=True)
    opening.refresh_from_db()
    assert opening.status == Opening.Status.PUBLISHED
    assert opening.published_at is not None
    assert "The opening is published" in response.text


def test_an_opening_whose_period_has_ended_is_not_published(client, world):
    today = timezone.localdate()
    opening = make_opening(
        world, status=Opening.Status.DRAFT, start_date=today - timedelta(days=90), end_date=today - timedelta(days=1)
    )
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_status", args=[opening.pk]), {"action": "publish"}, follow=True)
    opening.refresh_from_db()
    assert opening.status == Opening.Status.DRAFT
    assert "The period of this opening has already ended." in response.text


def test_close_and_reopen(client, world):
    opening = make_opening(world)
    client.force_login(world.company_admin)
    client.post(reverse("opening_status", args=[opening.pk]), {"action": "close"})
    opening.refresh_from_db()
    assert opening.status == Opening.Status.CLOSED
    client.post(reverse("opening_status", args=[opening.pk]), {"action": "reopen"})
    opening.refresh_from_db()
    assert opening.status == Opening.Status.PUBLISHED


def test_a_filled_opening_is_not_reopened_beyond_its_places(client, world):
    opening = make_opening(world, status=Opening.Status.FILLED, places=1)
    make_candidate(opening, world.learner, status=Candidate.Status.APPOINTED)
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_status", args=[opening.pk]), {"action": "reopen"}, follow=True)
    opening.refresh_from_db()
    assert opening.status == Opening.Status.FILLED
    assert "All 1 places are filled. Add places to the opening before reopening it." in response.text
    Opening.objects.filter(pk=opening.pk).update(places=2)
    client.post(reverse("opening_status", args=[opening.pk]), {"action": "reopen"})
    opening.refresh_from_db()
    assert opening.status == Opening.Status.PUBLISHED


def test_a_transition_that_does_not_exist_is_refused(client, world):
    opening = make_opening(world, status=Opening.Status.DRAFT)
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_status", args=[opening.pk]), {"action": "close"}, follow=True)
    assert "An opening that is draft cannot become closed." in response.text
    assert client.post(reverse("opening_status", args=[opening.pk]), {"action": "explode"}).status_code == 400
    opening.refresh_from_db()
    assert opening.status == Opening.Status.DRAFT


def listed(response):
    return [opening.title for opening, _applied in response.context["rows"]]


@pytest.fixture
def catalogue(world):
    today = timezone.localdate()
    other_programme = ProgrammeFactory(school=world.school, name="Kok")
    soon = {"start_date": today + timedelta(days=30), "end_date": today + timedelta(days=150)}
    make_opening(world, title="Assistant baker", city="Utrecht", **soon)
    make_opening(
        world,
        title="Line cook",
        tasks="Prepare vegetables",
        city="Leiden",
        programmes=[other_programme],
        start_date=today + timedelta(days=200),
        end_date=today + timedelta(days=300),
    )
    make_opening(
        world, title="Mechanic", company=world.other_company, city="Münster", country="DE", programmes=[], **soon
    )
    return other_programme


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"q": "vegetables"}, ["Line cook"]),
        ({"q": "autohaus"}, ["Mechanic"]),
        ({"city": "leid"}, ["Line cook"]),
        ({"country": "DE"}, ["Mechanic"]),
    ],
)
def test_learners_filter_published_openings(client, world, catalogue, params, titles):
    client.force_login(world.learner)
    assert listed(client.get(reverse("opening_list"), params)) == titles


def test_filter_by_programme_and_period(client, world, catalogue):
    today = timezone.localdate()
    client.force_login(world.learner)
    assert listed(client.get(reverse("opening_list"), {"programme": catalogue.pk})) == ["Line cook"]
    period = {"available_from": (today + timedelta(days=250)).isoformat()}
    assert listed(client.get(reverse("opening_list"), period)) == ["Line cook"]
    period = {"available_until": (today + timedelta(days=100)).isoformat()}
    assert sorted(listed(client.get(reverse("opening_list"), period))) == ["Assistant baker", "Mechanic"]


def test_a_backwards_period_is_explained(client, world, catalogue):
    today = timezone.localdate()
    client.force_login(world.learner)
    response = client.get(
        reverse("opening_list"),
        {"available_from": today.isoformat(), "available_until": (today - timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 200
    assert "“Until” must not be before “from”." in response.text


def test_the_learner_sees_where_they_applied(client, world):
    opening = make_opening(world)
    make_opening(world, title="Other")
    make_candidate(opening, world.learner)
    client.force_login(world.learner)
    response = client.get(reverse("opening_list"))
    assert {o.title: applied for o, applied in response.context["rows"]} == {
        "Assistant baker": Candidate.Status.OPEN,
        "Other": None,
    }


@pytest.mark.parametrize("who", ["learner", "company_admin", "staff"])
def test_the_list_costs_the_same_number_of_queries_for_3_or_30_openings(client, world, who, django_assert_num_queries):
    user = getattr(world, who)
    for n in range(3):
        make_candidate(make_opening(world, title=f"Opening {n}"), world.learner)
    client.force_login(user)
    client.get(reverse("opening_list"))  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("opening_list"))
    for n in range(27):
        make_opening(world, title=f"More {n}", programmes=[world.programme, ProgrammeFactory(school=world.school)])
    with django_assert_num_queries(len(few)):
        response = client.get(reverse("opening_list"))
    assert len(response.context["rows"]) == 25
    assert len(few) <= 10
