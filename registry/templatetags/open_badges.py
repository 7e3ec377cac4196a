"""The Open Badge card on a certificate's page: downloads, and LinkedIn's "Add to profile" for the holder."""

from django import template

from ..badges.credential import has_identity
from ..badges.linkedin import add_to_profile_url
from ..models import Certificate

register = template.Library()


@register.inclusion_tag("registry/badges/_open_badge_card.html", takes_context=True)
def open_badge_card(context, certificate: Certificate):
    user = context["request"].user
    available = certificate.state() == Certificate.State.VALID and has_identity(certificate)
    is_holder = available and certificate.holder_id is not None and certificate.holder_id == user.pk
    return {
        "certificate": certificate,
        "available": available,
        "linkedin_url": add_to_profile_url(certificate) if is_holder else "",
    }
