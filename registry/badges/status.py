"""Revocation status as a W3C Bitstring Status List, one list per school and page of certificate ids.

A certificate's place in the lists follows from its id: page = id // LIST_SIZE, index = id % LIST_SIZE, so no
column is needed and the place never changes. The list (a BitstringStatusListCredential, signed like the badges)
has the bit of every revoked certificate of the school on that page set. It is built when asked for: one query.
"""

import base64
import gzip
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from accounts.models import School
from core.emails import site_url

from ..models import Certificate
from .vocabulary import VC_CONTEXT

LIST_SIZE = 131072  # the specification's minimum, 16 KiB: a list does not tell how many certificates it covers
LIST_VALID_FOR = timedelta(days=1)


def status_list_url(school_id: int, page: int) -> str:
    return site_url(reverse("badge_status_list", args=[school_id, page]))


def status_entry(certificate: Certificate) -> dict:
    page, index = divmod(certificate.pk, LIST_SIZE)
    url = status_list_url(certificate.school_id, page)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def encoded_list(indices) -> str:
    """GZIP-compressed bitstring, most significant bit first, as multibase base64url ('u', no padding)."""
    bits = bytearray(LIST_SIZE // 8)
    for index in indices:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).decode().rstrip("=")


def revoked_indices(school: School, page: int) -> list[int]:
    first = page * LIST_SIZE
    revoked = Certificate.objects.filter(
        school=school, pk__gte=first, pk__lt=first + LIST_SIZE, revoked_at__isnull=False
    ).values_list("pk", flat=True)
    return [pk - first for pk in revoked]


def status_list_credential(school: School, page: int, *, issuer: dict) -> dict:
    url = status_list_url(school.pk, page)
    now = timezone.now().replace(microsecond=0)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "validUntil": (now + LIST_VALID_FOR).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list(revoked_indices(school, page)),
        },
    }
