"""The menu bar and the personal menu, rendered once per process for each combination of what they show.

Every page of the site shows them, and rendering them was a good part of a small page's time. What they show
depends only on the person's roles, their name and e-mail address, the page (its URL name, which marks the active
item), the language and the URLs, so their HTML is kept in this process under exactly those: nothing needs to
expire, and a change of role or name simply makes another key.

`site_header` and `language_switcher` keep the whole menu bar and the footer's language form the same way. What
differs per request (the CSRF token of the log-out and language forms, the page to return to after switching
language) is rendered as a stand-in and put in, escaped, for each request.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from accounts.selectors import roles_of
from core.kept import Kept, language_and_urls

from ..menu import MENU, PERSONAL_MENU, STAFF_MENU, menu_items, menu_tree

register = template.Library()

# A key is a few hundred bytes and a fragment 1-3 KB.
_rendered = Kept(max_entries=2000)


def _roles_key(roleset) -> tuple:
    def frozen(by_role):
        return tuple(sorted((str(role), tuple(sorted(ids))) for role, ids in by_role.items()))

    return (frozen(roleset.school_ids), frozen(roleset.company_ids), roleset.is_staff)


# Values no real token or path takes: CSRF tokens are letters and digits, a path starts with "/".
CSRF_STAND_IN = "csrf-token-stand-in"
NEXT_STAND_IN = "next-page-stand-in"


def _render(part: str, key: tuple, build) -> str:
    html = _rendered.get(key, lambda: render_to_string(f"includes/_nav_{part}.html", build()).strip())
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, which escaped the values


def _page_key(request) -> tuple:
    """What the menus depend on besides the person: the language, the URLs and the page's URL name."""
    current = getattr(getattr(request, "resolver_match", None), "url_name", "") or ""
    language, *urls = language_and_urls()
    return (language, tuple(urls), current)


def _csrf(context) -> str:
    return escape(str(context.get("csrf_token") or ""))


@register.simple_tag(takes_context=True)
def site_header(context):
    """includes/_nav.html: the menu bar with the person's menus and the log-out form."""
    request = context.get("request")
    if request is None:
        return ""
    user = request.user
    person = (_roles_key(roles_of(user)), user.get_full_name(), user.email) if user.is_authenticated else None
    html = _rendered.get(
        ("header", *_page_key(request), person),
        lambda: render_to_string("includes/_nav.html", {"csrf_token": CSRF_STAND_IN}, request=request),
    )
    return mark_safe(html.replace(CSRF_STAND_IN, _csrf(context)))  # noqa: S308 - escaped, as the engine does


@register.simple_tag(takes_context=True)
def language_switcher(context):
    """includes/_language_switcher.html: the footer's language form, which returns to this page."""
    request = context.get("request")
    if request is None:
        return ""
    html = _rendered.get(
        ("languages", *_page_key(request)[:2]),  # the language and the URLs (the form posts to set_language)
        lambda: render_to_string(
            "includes/_language_switcher.html",
            {"csrf_token": CSRF_STAND_IN, "next_page": NEXT_STAND_IN},
        ),
    )
    html = html.replace(NEXT_STAND_IN, escape(request.get_full_path()))
    return mark_safe(html.replace(CSRF_STAND_IN, _csrf(context)))  # noqa: S308 - escaped, as the engine does


@register.simple_tag(takes_context=True)
def site_menu(context, part: str):
    """`part` is "main" (the links on the bar) or "personal" (notifications and the menu under the person's name)."""
    request = context.get("request")
    if request is None:
        return ""
    user = request.user
    roleset = roles_of(user)
    language, urls, current = _page_key(request)
    key = (part, language, urls, _roles_key(roleset), current)
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
