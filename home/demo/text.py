"""Demo texts in English and Dutch; `manage.py demo --language` decides which one is written.

The demo command runs the seeds inside `translation.override(language)`, so a seed reads `str(text)` (or
`text.now`) and gets the demo's language. `text.both` lists every variant, for lookups that must find a row
written by an earlier run in the other language (keeps the command idempotent when the language changes).
"""

from dataclasses import dataclass

from django.utils import translation


def demo_language() -> str:
    return "nl" if (translation.get_language() or "en").startswith("nl") else "en"


@dataclass(frozen=True)
class Text:
    en: str
    nl: str

    @property
    def now(self) -> str:
        return self.nl if demo_language() == "nl" else self.en

    @property
    def both(self) -> tuple[str, str]:
        return (self.en, self.nl)

    def __str__(self) -> str:
        return self.now
