"""The menu bar and the personal menu, rendered once per process for each combination of what they show.

Every page of the site shows them, and rendering them was a good part of a small page's time. What they show
depends only on the person's roles, their name and e-mail address, the page (its URL name, which marks the active
item), the language and the URLs, so their HTML is kept in this process under exactly those: nothing needs to
expire, and a change of role or name simply makes another key. The log-out form stays out (its CSRF token
differs per request).
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from accounts.selectors import roles_of

from ..menu import MENU, PERSONAL_MENU, STAFF_MENU, menu_items, menu_tree

register = template.Library()

# Kept per process; a key is a few hundred bytes and a fragment 1-3 KB. When full, start again.
MAX_ENTRIES = 2000
_rendered: dict[tuple, str] = {}


def _roles_key(roleset) -> tuple:
    def frozen(by_role):
        return tuple(sorted((str(role), tuple(sorted(ids))) for role, ids in by_role.items()))

    return (frozen(roleset.school_ids), frozen(roleset.company_ids), roleset.is_staff)


def _render(part: str, key: tuple, build) -> str:
    if settings.DEBUG:  # a template edited while the development server runs shows at once
        return mark_safe(render_to_string(f"includes/_nav_{part}.html", build()).strip())  # noqa: S308
    html = _rendered.get(key)
    if html is None:
        if len(_rendered) >= MAX_ENTRIES:
            _rendered.clear()
        html = _rendered[key] = render_to_string(f"includes/_nav_{part}.html", build()).strip()
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, which escaped the values


@register.simple_tag(takes_context=True)
def site_menu(context, part: str):
    """`part` is "main" (the links on the bar) or "personal" (notifications and the menu under the person's name)."""
    request = context.get("request")
    if request is None:
        return ""
    user = request.user
    roleset = roles_of(user)
    current = getattr(getattr(request, "resolver_match", None), "url_name", "") or ""
    urls = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    key = (part, get_language(), urls, _roles_key(roleset), current)
    if part == "main":
        return _render(part, key, lambda: {"menu": menu_tree(MENU, roleset, current)})
    names = (user.get_short_name(), user.get_full_name(), user.email)
    return _render(
        part,
        (*key, names),
        lambda: {
            "short_name": names[0] or names[2],
            "full_name": names[1] or names[2],
            "personal_menu": menu_items(PERSONAL_MENU, roleset, current),
            "staff_menu": menu_items(STAFF_MENU, roleset, current),
        },
    )
