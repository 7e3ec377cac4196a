"""The Open Badges pages: public documents a verifier fetches (issuer profile, keys, status lists) and the
holder's downloads on the certificate page (JSON, VC-JWT, baked PNG)."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.models import School
from core.http import download
from core.views import require

from ..certificates.eligibility import registry_settings_for
from ..models import Certificate, SchoolSigningKey
from ..selectors import certificate_for_user
from .baking import badge_png
from .credential import has_identity, issuer_document, open_badge_credential
from .keys import public_jwk
from .signing import credential_jwt, key_url, published_jwks, status_list_jwt
from .status import LIST_SIZE

MAX_PAGE = (2**31 - 1) // LIST_SIZE  # certificate ids are 32-bit or 64-bit integers; beyond this no list exists
JSON_LD = "application/ld+json"


def _public(response, max_age: int = 300):
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _school(pk: int) -> School:
    return get_object_or_404(School, pk=pk)


@require_GET
def issuer(request, school_pk):
    return _public(JsonResponse(issuer_document(_school(school_pk)), content_type=JSON_LD), 3600)


@require_GET
def school_jwks(request, school_pk):
    keys = SchoolSigningKey.objects.filter(school=_school(school_pk)).order_by("created_at", "pk")
    return _public(JsonResponse(published_jwks(keys), content_type="application/jwk-set+json"))


@require_GET
def all_jwks(request):
    keys = SchoolSigningKey.objects.order_by("school_id", "created_at", "pk")
    return _public(JsonResponse(published_jwks(keys), content_type="application/jwk-set+json"))


@require_GET
def signing_key(request, school_pk, kid):
    key = get_object_or_404(SchoolSigningKey, school_id=school_pk, kid=kid)
    return _public(JsonResponse(public_jwk(key, key_url(key)), content_type="application/jwk+json"), 3600)


@require_GET
def status_list(request, school_pk, page):
    if page > MAX_PAGE:
        raise Http404("No such status list.")
    token = status_list_jwt(_school(school_pk), page)
    return _public(HttpResponse(token, content_type="application/vc+jwt"))


# --- The holder's downloads ---------------------------------------------------------------------------------


def _issuable(user, pk) -> Certificate:
    certificate = certificate_for_user(user, pk)
    require(
        certificate.state() == Certificate.State.VALID,
        _("Only a valid certificate is available as an Open Badge."),
    )
    require(
        has_identity(certificate), _("This certificate names no holder's e-mail address, so no badge can name them.")
    )
    return certificate


def _filename(certificate: Certificate, extension: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in certificate.number)
    return f"open-badge-{safe}.{extension}"


@login_required
@require_GET
def badge_json(request, pk):
    certificate = _issuable(request.user, pk)
    body = json.dumps(open_badge_credential(certificate), ensure_ascii=False, indent=2)
    return download(HttpResponse(body, content_type=JSON_LD), _filename(certificate, "json"))


@login_required
@require_GET
def badge_jwt(request, pk):
    certificate = _issuable(request.user, pk)
    return download(
        HttpResponse(credential_jwt(certificate), content_type="application/vc+jwt"), _filename(certificate, "jwt")
    )


@login_required
@require_GET
def badge_image(request, pk):
    certificate = _issuable(request.user, pk)
    rules = registry_settings_for(certificate.school_id)
    credential = open_badge_credential(certificate, rules=rules)
    png = badge_png(
        token=credential_jwt(certificate),
        title=credential["credentialSubject"]["achievement"]["name"],
        school=certificate.school.name,
        number=certificate.number,
        colour=rules.primary_colour,
    )
    return download(HttpResponse(png, content_type="image/png"), _filename(certificate, "png"))
