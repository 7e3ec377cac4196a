"""Open Badges 3.0: every valid certificate as a signed OpenBadgeCredential, checked independently.

The app signs with joserfc; these tests verify with PyJWT and with openbadgeslib (an OB 3.0 verifier from the
package index), using only what the app publishes: the JWKS and the status list, fetched through the test client.
"""

import json
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openbadgeslib.ob3.verifier import OB3VerificationError, OB3Verifier

from registry.badges.keys import rotate_key
from registry.certificates.revoke import certificate_revoke
from registry.models import SchoolSigningKey
from tests.cast import EVERYONE

from .factories_certificates import certificate_course, imported_certificate

VIEWERS = {"mentor", "supervisor", "colleague_teacher", "coordinator", "staff", "company_admin"}


def fetch(client):
    """What a verifier on the internet would do with a URL, through the test client."""

    def download(url: str) -> bytes:
        response = client.get(urlparse(url).path)
        assert response.status_code == 200, url
        return response.content

    return download


def published_key(client, token: str):
    """The verification key, found by the token's kid in the JWKS the issuer profile points to."""
    kid = jwt.get_unverified_header(token)["kid"]
    claims = jwt.decode(token, options={"verify_signature": False})
    profile = json.loads(fetch(client)(claims["iss"]))
    jwks = jwt.PyJWKSet.from_dict(json.loads(fetch(client)(profile["jwks_uri"])))
    return jwks[kid]


def verified(client, token: str, *, check_status=True):
    key = published_key(client, token)
    claims = jwt.decode(token, key, algorithms=["ES256"])  # PyJWT: the signature and nbf/exp
    credential = OB3Verifier(key.key).verify(
        token, check_status=check_status, verify_status_list=True, download=fetch(client)
    )
    return claims, credential


@pytest.fixture
def certificate(world):
    """Issued for a course of the school (an imported one is the same credential, without the course's title)."""
    return imported_certificate(world, course=certificate_course(world), issued_on=timezone.localdate())


@pytest.fixture
def holder(client, world):
    client.force_login(world.mentor)
    return client


def download_jwt(client, certificate) -> str:
    response = client.get(reverse("certificate_badge_jwt", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def test_credential_is_an_open_badge_signed_by_the_schools_published_key(holder, world, certificate):
    token = download_jwt(holder, certificate)
    claims, credential = verified(holder, token)

    assert "OpenBadgeCredential" in claims["type"] and "VerifiableCredential" in claims["type"]
    assert claims["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert claims["iss"] == claims["issuer"]["id"] == credential.issuer.id
    assert claims["issuer"]["name"] == world.school.name
    achievement = claims["credentialSubject"]["achievement"]
    assert achievement["name"] and achievement["description"] and achievement["criteria"]["narrative"]
    assert credential.achievement.name == achievement["name"]
    # The holder is named by a salted hash of the address, never the address itself.
    identity = claims["credentialSubject"]["identifier"][0]
    assert identity["hashed"] is True and identity["identityType"] == "emailAddress"
    assert world.mentor.email not in json.dumps(claims)
    # The private key never leaves the server: the JWKS holds public keys only.
    jwks = json.loads(fetch(holder)(claims["issuer"]["id"].replace("/issuer/", "/jwks.json")))
    assert jwks["keys"] and all("d" not in key for key in jwks["keys"])
    assert jwks == json.loads(holder.get(reverse("badge_jwks_all")).content)


def test_revoked_certificate_reports_revoked(holder, world, certificate):
    token = download_jwt(holder, certificate)
    verified(holder, token)

    certificate_revoke(certificate=certificate, revoked_by=world.supervisor, reason="Fraude", notify_holder=False)

    with pytest.raises(OB3VerificationError, match="revocation"):
        verified(holder, token)
    # The signature itself still holds: it is the status that says revoked.
    verified(holder, token, check_status=False)
    assert holder.get(reverse("certificate_badge_jwt", args=[certificate.pk])).status_code == 403


def test_expired_certificate_reads_expired(holder, world, certificate):
    token = download_jwt(holder, certificate)
    key = published_key(holder, token)
    with time_machine.travel(certificate.valid_until + timedelta(days=2)):
        with pytest.raises(jwt.ExpiredSignatureError):
            jwt.decode(token, key, algorithms=["ES256"])
        with pytest.raises(OB3VerificationError, match="xpired"):
            OB3Verifier(key.key).verify(token)
    expired = imported_certificate(world, valid_until=timezone.localdate() - timedelta(days=1))
    assert holder.get(reverse("certificate_badge_json", args=[expired.pk])).status_code == 403


def test_old_credentials_still_verify_after_the_key_is_rotated(holder, world, certificate):
    before = download_jwt(holder, certificate)
    rotate_key(world.school)
    after = download_jwt(holder, certificate)

    assert jwt.get_unverified_header(before)["kid"] != jwt.get_unverified_header(after)["kid"]
    assert SchoolSigningKey.objects.filter(school=world.school, retired_at__isnull=True).count() == 1
    verified(holder, after)
    verified(holder, before, check_status=False)  # the status list is now signed by the new key
    assert jwt.decode(before, published_key(holder, before), algorithms=["ES256"])["jti"]


def test_baked_png_carries_the_signed_credential(holder, certificate):
    response = holder.get(reverse("certificate_badge_png", args=[certificate.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    token = OB3Verifier.extract_token_from_png(response.content)
    verified(holder, token)


def test_json_download_is_the_credential(holder, certificate):
    response = holder.get(reverse("certificate_badge_json", args=[certificate.pk]))
    credential = json.loads(response.content)
    assert credential["id"] == f"urn:uuid:{certificate.public_id}"
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert "attachment" in response["Content-Disposition"]


def test_certificate_page_offers_the_badge_and_linkedin_to_the_holder(holder, client, world, certificate):
    page = holder.get(reverse("certificate_detail", args=[certificate.pk])).content.decode()
    assert reverse("certificate_badge_png", args=[certificate.pk]) in page
    start = page.index("https://www.linkedin.com/profile/add?")
    link = parse_qs(urlparse(page[start : page.index('"', start)].replace("&amp;", "&")).query)
    assert link["startTask"] == ["CERTIFICATION_NAME"]
    assert link["certId"] == [certificate.number]
    assert link["organizationName"] == [world.school.name]
    assert link["issueYear"] == [str(certificate.issued_on.year)]
    assert link["certUrl"][0].endswith(reverse("certificate_verify", args=[certificate.public_id]))

    client.force_login(world.coordinator)
    page = client.get(reverse("certificate_detail", args=[certificate.pk])).content.decode()
    assert reverse("certificate_badge_png", args=[certificate.pk]) in page
    assert "linkedin.com" not in page


def test_a_certificate_without_holder_address_has_no_badge(client, world):
    certificate = imported_certificate(world, holder_email="")
    client.force_login(world.coordinator)
    assert client.get(reverse("certificate_badge_jwt", args=[certificate.pk])).status_code == 403


@pytest.mark.parametrize("who", EVERYONE)
def test_badge_downloads_are_for_those_who_see_the_certificate(client, world, certificate, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("certificate_badge_json", args=[certificate.pk]))
    assert response.status_code == (200 if who in VIEWERS else 404)


def test_public_documents_need_no_login_and_unknown_ones_are_404(client, world, certificate):
    assert client.get(reverse("badge_issuer", args=[world.school.pk])).status_code == 200
    assert client.get(reverse("badge_jwks", args=[world.school.pk])).json() == {"keys": []}
    assert client.get(reverse("badge_issuer", args=[999999])).status_code == 404
    assert client.get(reverse("badge_status_list", args=[world.school.pk, 10**9])).status_code == 404
    assert client.get(reverse("badge_key", args=[world.school.pk, "nope"])).status_code == 404


def test_status_list_costs_a_fixed_number_of_queries(client, world, certificate, django_assert_max_num_queries):
    for _ in range(3):
        imported_certificate(world, revoked_at=timezone.now(), revocation_reason="Fraude")
    client.get(reverse("badge_status_list", args=[world.school.pk, 0]))  # makes the key
    with django_assert_max_num_queries(4):
        assert client.get(reverse("badge_status_list", args=[world.school.pk, 0])).status_code == 200
