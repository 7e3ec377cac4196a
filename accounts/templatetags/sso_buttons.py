"""`{% sso_providers as providers %}`: the schools' identity providers that offer a "Sign in with …" button."""

from django import template

from accounts.sso.selectors import sign_in_providers

register = template.Library()


@register.simple_tag
def sso_providers():
    return sign_in_providers()
