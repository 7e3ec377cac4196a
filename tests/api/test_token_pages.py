"""The school's API tokens page: its coordinators make (shown once, kept hashed), see and revoke tokens."""

from django.urls import reverse

from api.models import ApiToken, token_hash

from .conftest import bearer


def test_a_coordinator_makes_a_token_shown_once_and_stored_hashed(world, client):
    client.force_login(world.coordinator)
    url = reverse("api_tokens", args=[world.school.pk])
    response = client.post(url, {"name": "Student records", "scope": "write"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get(school=world.school)
    text = response.context["created"]
    assert text.startswith(f"wm_{token.prefix}_") and text in response.content.decode()
    assert token.token_hash == token_hash(text) and text not in token.token_hash
    assert token.created_by == world.coordinator and token.can_write
    assert bearer(text).get("/api/v1/schools/").status_code == 200
    again = client.get(url)
    assert text not in again.content.decode() and "Student records" in again.content.decode()
    assert "never" not in again.content.decode()  # just used above


def test_revoking_a_token_makes_it_answer_401(world, client, tokens):
    client.force_login(world.coordinator)
    response = client.post(reverse("api_token_revoke", args=[tokens.read.pk]))
    assert response.status_code == 302
    tokens.read.refresh_from_db()
    assert tokens.read.is_revoked and tokens.read.revoked_by == world.coordinator
    assert bearer(tokens.read_text).get("/api/v1/schools/").status_code == 401
    assert "Revoked on" in client.get(reverse("api_tokens", args=[world.school.pk])).content.decode()


def test_only_the_schools_coordinators_manage_its_tokens(world, client, tokens):
    url = reverse("api_tokens", args=[world.school.pk])
    for user, status in ((world.supervisor, 403), (world.other_coordinator, 404), (world.mentor, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status
        assert client.post(url, {"name": "x", "scope": "read"}).status_code == status
        assert client.post(reverse("api_token_revoke", args=[tokens.read.pk])).status_code == status
    assert not ApiToken.objects.filter(name="x").exists() and not ApiToken.objects.filter(revoked_at__isnull=False)


def test_a_bad_form_is_shown_again_with_its_errors(world, client):
    client.force_login(world.coordinator)
    response = client.post(reverse("api_tokens", args=[world.school.pk]), {"name": "", "scope": "admin"})
    assert response.status_code == 400 and not ApiToken.objects.exists()


def test_the_school_people_pages_link_to_the_tokens(world, client):
    client.force_login(world.coordinator)
    page = client.get(reverse("people_list", args=["school", world.school.pk])).content.decode()
    assert reverse("api_tokens", args=[world.school.pk]) in page
