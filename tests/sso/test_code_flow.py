"""The authorization-code flow with PKCE against the local OpenID provider, from button to dashboard, and the
ID tokens it must refuse on the way (another audience, expired, another nonce)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user
from django.test import Client
from django.urls import reverse

from accounts.models import SsoIdentity
from tests.sso.oidc_provider import TEACHER, sign_in_at_provider, tamper_next_id_token


def _callback_path(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_code_flow_with_pkce_signs_the_teacher_in(client, idp, teacher):
    start = client.get(reverse("sso_start", args=[idp.pk]) + "?next=/placements/")
    query = parse_qs(urlsplit(start["Location"]).query)
    assert start["Location"].startswith(f"{idp.issuer}/auth?")
    assert query["response_type"] == ["code"]
    assert query["client_id"] == ["werkmentor"]
    assert query["redirect_uri"] == ["http://testserver/accounts/sso/callback/"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert query["nonce"][0] and query["state"][0]
    response = client.get(_callback_path(sign_in_at_provider(start["Location"], TEACHER)))
    assert response.status_code == 302
    assert response["Location"] == "/placements/"
    assert get_user(client) == teacher
    # Two-factor authentication leaves sessions signed in by the school's provider alone.
    assert client.session["login_method"] == "oidc"
    identity = SsoIdentity.objects.get(provider=idp)
    assert (identity.user, identity.subject, identity.linked_by) == (teacher, TEACHER, "email")
    assert identity.last_login_at is not None


def test_without_next_the_teacher_lands_on_the_dashboard(client, idp, teacher, sso):
    response = sso(idp, TEACHER)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.get(response["Location"]).status_code == 200


def test_next_may_not_lead_to_another_site(client, idp, teacher, sso):
    response = sso(idp, TEACHER, query="?next=https://evil.example/")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_later_sign_ins_go_by_the_subject_not_the_email(client, idp, teacher, sso):
    assert get_user(client).is_anonymous
    sso(idp, TEACHER)
    client.logout()
    # The school changed the address on the account; the stored link (provider + sub) still finds her.
    teacher.email = "t.devries@school.example"
    teacher.save()
    response = sso(idp, TEACHER)
    assert response.status_code == 302
    assert get_user(client) == teacher
    assert SsoIdentity.objects.filter(user=teacher).count() == 1


def test_the_code_verifier_is_needed_to_get_the_tokens(client, idp, teacher, caplog):
    """PKCE: a callback whose code verifier is not the one the challenge was made from gets no tokens."""
    start = client.get(reverse("sso_start", args=[idp.pk]))
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    session = client.session
    session["oidc_states"][state]["code_verifier"] = "x" * 64
    session.save()
    response = client.get(_callback_path(sign_in_at_provider(start["Location"], TEACHER)))
    assert response.status_code == 502
    assert "invalid_grant" in caplog.text
    assert b"could not be reached or did not answer as expected" in response.content
    assert get_user(client).is_anonymous
    assert not SsoIdentity.objects.exists()


@pytest.mark.parametrize(
    ("changes", "refused_for"),
    [
        pytest.param({"aud": "another-application"}, "audience is not 'werkmentor'", id="wrong audience"),
        pytest.param({"aud": ["another-application", "werkmentor"]}, "azp", id="several audiences, no azp"),
        pytest.param({"exp_offset": -300}, "ID token refused: expired", id="expired"),
        pytest.param({"nonce": "not-this-sign-in"}, "nonce does not match", id="other nonce"),
        pytest.param({"iss": "http://127.0.0.1:1/"}, "issuer is not", id="other issuer"),
    ],
)
def test_an_id_token_that_fails_a_check_signs_nobody_in(client, idp, teacher, sso, caplog, changes, refused_for):
    tamper_next_id_token(idp.issuer, **changes)
    response = sso(idp, TEACHER)
    assert response.status_code == 502
    assert refused_for in caplog.text
    assert get_user(client).is_anonymous
    assert not SsoIdentity.objects.exists()


def test_a_callback_is_used_once(client, idp, teacher, sso):
    start = client.get(reverse("sso_start", args=[idp.pk]))
    callback = _callback_path(sign_in_at_provider(start["Location"], TEACHER))
    assert client.get(callback).status_code == 302
    client.logout()
    replay = client.get(callback)
    assert replay.status_code == 400
    assert b"This sign-in has expired or was started in another browser" in replay.content
    assert get_user(client).is_anonymous


def test_a_callback_from_another_browser_is_refused(client, idp, teacher):
    start = client.get(reverse("sso_start", args=[idp.pk]))
    callback = _callback_path(sign_in_at_provider(start["Location"], TEACHER))
    other = Client()
    response = other.get(callback)
    assert response.status_code == 400
    assert get_user(other).is_anonymous


def test_a_cancelled_sign_in_says_so(client, idp):
    start = client.get(reverse("sso_start", args=[idp.pk]))
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    response = client.get(reverse("sso_callback"), {"state": state, "error": "access_denied"})
    assert response.status_code == 400
    assert b"The sign-in with Rijnland ID was cancelled" in response.content


def test_a_callback_naming_another_issuer_is_refused(client, idp, teacher):
    """RFC 9207 (mix-up attacks): the provider adds `iss` to the callback; it must be ours."""
    start = client.get(reverse("sso_start", args=[idp.pk]))
    back = sign_in_at_provider(start["Location"], TEACHER)
    assert parse_qs(urlsplit(back).query)["iss"] == [idp.issuer]
    response = client.get(_callback_path(back).replace("iss=", "iss=x"))
    assert response.status_code == 400
    assert get_user(client).is_anonymous


def test_a_disabled_or_unknown_provider_has_no_start_page(client, idp):
    idp.enabled = False
    idp.save()
    assert client.get(reverse("sso_start", args=[idp.pk])).status_code == 404
    assert client.get(reverse("sso_start", args=[idp.pk + 1000])).status_code == 404


def test_an_unreachable_provider_gets_a_clear_page(client, idp):
    idp.issuer = "http://127.0.0.1:9/"
    idp.save()
    response = client.get(reverse("sso_start", args=[idp.pk]))
    assert response.status_code == 503
    assert b"Rijnland ID could not be reached" in response.content
