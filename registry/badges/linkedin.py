"""LinkedIn's "Add to profile" link for a certificate (the certifications section, filled in)."""

from urllib.parse import urlencode

from django.utils import translation
from django.utils.translation import gettext as _

from ..certificates.documents import certificate_language, verify_url
from ..models import Certificate

ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def add_to_profile_url(certificate: Certificate) -> str:
    with translation.override(certificate_language(certificate)):
        name = _("Work Mentor Certificate")
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": name,
        "organizationName": certificate.school.name,
        "issueYear": certificate.issued_on.year,
        "issueMonth": certificate.issued_on.month,
        "expirationYear": certificate.valid_until.year,
        "expirationMonth": certificate.valid_until.month,
        "certUrl": verify_url(certificate),
        "certId": certificate.number,
    }
    return f"{ADD_TO_PROFILE}?{urlencode(params)}"
