"""The authorization-code flow with PKCE against the local OpenID provider, from button to dashboard."""

from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user
from django.urls import reverse

from accounts.models import SsoIdentity
from tests.sso.oidc_provider import TEACHER, sign_in_at_provider


def test_code_flow_with_pkce_signs_the_teacher_in(client, idp, teacher, sso):
    start = client.get(reverse("sso_start", args=[idp.pk]) + "?next=/placements/")
    query = parse_qs(urlsplit(start["Location"]).query)
    assert start["Location"].startswith(f"{idp.issuer}/auth?")
    assert query["response_type"] == ["code"]
    assert query["client_id"] == ["werkmentor"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert query["nonce"][0] and query["state"][0]
    back = urlsplit(sign_in_at_provider(start["Location"], TEACHER))
    response = client.get(f"{back.path}?{back.query}")
    assert response.status_code == 302
    assert response["Location"] == "/placements/"
    assert get_user(client) == teacher
    assert client.session["login_method"] == "oidc"
    identity = SsoIdentity.objects.get(provider=idp)
    assert (identity.user, identity.subject, identity.linked_by) == (teacher, TEACHER, "email")
