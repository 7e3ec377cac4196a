"""`{% sso_providers [school] as providers %}`: the identity providers that offer a "Sign in with …" button;
`{% sso_start_url provider next invitation_token %}`: where such a button goes."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from accounts.sso.selectors import sign_in_providers

register = template.Library()


@register.simple_tag
def sso_providers(school=None):
    """Every school's enabled providers (the log-in page), or one school's (an invitation's activation page)."""
    return sign_in_providers(school)


@register.simple_tag
def sso_start_url(provider, next_url="", invitation_token=""):
    query = {key: value for key, value in (("next", next_url), ("invitation", invitation_token)) if value}
    url = reverse("sso_start", args=[provider.pk])
    return f"{url}?{urlencode(query)}" if query else url
