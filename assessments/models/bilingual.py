from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualTitle(models.Model):
    """A title in English and Dutch; either may be empty, the page shows the visitor's language first."""

    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        language = (get_language() or "en")[:2]
        first, second = (self.title_nl, self.title_en) if language == "nl" else (self.title_en, self.title_nl)
        return first or second
