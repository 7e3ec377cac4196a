"""Markup kept in this process under everything it depends on, so that it is rendered once, not on every request.

Much of a page is the same for everyone who reads it in one language: headings, table headers, tabs, the menu bar
of one set of roles. Rendering it again cost a good part of a request (the register page spent a third of its time
in templates). A `Kept` store holds such markup under a key that names all it depends on, so nothing needs to
expire: a change makes another key. It is cleared when full, and bypassed while DEBUG is on (a template edited
while the development server runs shows at once).
"""

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language


class Kept:
    """A process-wide store of rendered markup (or any value) by key."""

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._values: dict = {}

    def get(self, key, render):
        """The value kept under `key`, made by render() the first time."""
        if settings.DEBUG:
            return render()
        value = self._values.get(key)
        if value is None:
            if len(self._values) >= self.max_entries:
                self._values.clear()
            value = self._values[key] = render()
        return value

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


def language_and_urls() -> tuple:
    """What any markup with text and links depends on: the language and the URLs (URLconf and script prefix)."""
    return get_language(), get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()
