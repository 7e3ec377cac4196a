"""A certificate as an Open Badges 3.0 OpenBadgeCredential (W3C Verifiable Credentials data model 2.0).

The issuer is the school's Profile, served by the app (`badge_issuer`); the achievement is the work-mentor
certificate with the school's criteria; the holder is named by a salted hash of their e-mail address (an
IdentityObject), never the plain address. `credentialStatus` points at the school's Bitstring Status List
(status.py), so a revoked certificate's credential reads as revoked wherever it is checked, and `validUntil`
is the certificate's last day, so an expired one reads as expired.
"""

import hashlib
import hmac
import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import School
from core.emails import site_url

from ..certificates.documents import certificate_language, verify_url
from ..certificates.eligibility import registry_settings_for
from ..certificates.selectors import ERASED
from ..models import Certificate, RegistrySettings
from .status import status_entry
from .vocabulary import OB_CONTEXT, OB_SCHEMA, VC_CONTEXT

ACHIEVEMENT_NAMESPACE = uuid.UUID("8f6c2f3e-52d6-4a34-9d0b-6c1f0a4e7b21")


def issuer_id(school: School | int) -> str:
    return site_url(reverse("badge_issuer", args=[school if isinstance(school, int) else school.pk]))


def jwks_url(school: School | int) -> str:
    return site_url(reverse("badge_jwks", args=[school if isinstance(school, int) else school.pk]))


def issuer_profile(school: School) -> dict:
    """The school as an OB 3.0 Profile; served on its own address, which is also its id."""
    profile = {
        "id": issuer_id(school),
        "type": ["Profile"],
        "name": school.name,
        "url": school.website or site_url("/"),
    }
    if school.email:
        profile["email"] = school.email
    if school.city:
        profile["address"] = {"type": ["Address"], "addressLocality": school.city, "addressCountry": school.country}
    return profile


def issuer_document(school: School) -> dict:
    """The Profile as a stand-alone JSON-LD document, with where its public keys are."""
    return {"@context": [VC_CONTEXT, OB_CONTEXT], **issuer_profile(school), "jwks_uri": jwks_url(school)}


def _criteria(rules: RegistrySettings) -> str:
    parts = [_("Completed the school's work-mentor training.")]
    if rules.min_experience_years:
        parts.append(
            ngettext(
                "At least %(years)s year of work experience.",
                "At least %(years)s years of work experience.",
                rules.min_experience_years,
            )
            % {"years": rules.min_experience_years}
        )
    if rules.requires_good_conduct:
        parts.append(_("A certificate of good conduct."))
    parts.append(
        ngettext(
            "The certificate is valid for %(years)s year.",
            "The certificate is valid for %(years)s years.",
            rules.validity_years,
        )
        % {"years": rules.validity_years}
    )
    return " ".join(parts)


def achievement(certificate: Certificate, rules: RegistrySettings) -> dict:
    school = certificate.school
    course = certificate.course
    name = _("Work Mentor Certificate")
    if course is not None:
        description = _(
            "Has completed the work-mentor training “%(course)s” at %(school)s and is qualified to coach learners "
            "on the job as a work mentor."
        ) % {"course": course.title, "school": school.name}
    else:
        description = _(
            "Has completed the work-mentor training at %(school)s and is qualified to coach learners on the job "
            "as a work mentor."
        ) % {"school": school.name}
    key = f"{school.pk}:{course.pk if course else ''}"
    return {
        "id": f"urn:uuid:{uuid.uuid5(ACHIEVEMENT_NAMESPACE, key)}",
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": name,
        "description": description,
        "criteria": {"narrative": _criteria(rules)},
        "creator": issuer_profile(school),
        "inLanguage": translation.get_language(),
    }


def identity_salt(certificate: Certificate) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"badge-salt:{certificate.public_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:24]


def email_identity(certificate: Certificate) -> dict:
    """The holder as an IdentityObject: sha256 of the lower-cased e-mail address and a salt (OB 3.0 IdentityHash)."""
    salt = identity_salt(certificate)
    digest = hashlib.sha256((certificate.holder_email.strip().lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def has_identity(certificate: Certificate) -> bool:
    """A credential names its holder; after the erasure (or without an address) there is nobody to name."""
    return bool(certificate.holder_email) and certificate.holder_name != ERASED


def _utc(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def valid_from(certificate: Certificate) -> datetime:
    return datetime.combine(certificate.issued_on, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def valid_until(certificate: Certificate) -> datetime:
    """The end of the certificate's last valid day, in the site's time zone."""
    last_day: date = certificate.valid_until
    return datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=ZoneInfo(settings.TIME_ZONE)) - timedelta(
        seconds=1
    )


def credential_id(certificate: Certificate) -> str:
    return f"urn:uuid:{certificate.public_id}"


def open_badge_credential(certificate: Certificate, *, rules: RegistrySettings | None = None) -> dict:
    """The unsigned credential (it is the payload of the VC-JWT), in the certificate's language."""
    rules = rules or registry_settings_for(certificate.school_id)
    with translation.override(certificate_language(certificate)):
        award = achievement(certificate, rules)
        return {
            "@context": [VC_CONTEXT, OB_CONTEXT],
            "id": credential_id(certificate),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": f"{award['name']} {certificate.number}",
            "description": award["description"],
            "issuer": issuer_profile(certificate.school),
            "validFrom": _utc(valid_from(certificate)),
            "validUntil": _utc(valid_until(certificate)),
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "identifier": [email_identity(certificate)],
                "achievement": award,
                "licenseNumber": certificate.number,
            },
            "credentialStatus": status_entry(certificate),
            "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
            "evidence": [
                {
                    "id": verify_url(certificate),
                    "type": ["Evidence"],
                    "name": _("Public verification page"),
                }
            ],
        }
