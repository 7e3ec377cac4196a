"""Strings of Django itself that our Dutch catalogue must carry, and the empty choice of a select built by hand.

Django 6.1 labels the empty choice of every select it builds ("- Select an option -": model fields with choices,
ModelChoiceField, ChoiceField from a model) with django.db.models.fields.BLANK_CHOICE_LABEL, a string its own
Dutch catalogue does not have yet, so Dutch pages showed it in English. Our catalogue (LOCALE_PATHS) is read
before Django's, so translating the same msgid there is enough. But makemessages keeps only the msgids it finds
in our code (and tests/test_translations.py runs it with --no-obsolete), so the msgid is marked here, where our
own selects use it too: one empty choice, worded and translated alike, on every form.
"""

from django.utils.translation import gettext_lazy as _

# The same msgid as django.db.models.fields.BLANK_CHOICE_LABEL; translated in locale/nl.
BLANK_CHOICE_LABEL = _("- Select an option -")

# For choices built by hand: [EMPTY_CHOICE, *choices].
EMPTY_CHOICE = ("", BLANK_CHOICE_LABEL)

# Django REST framework (the API, api/) ships Dutch of its own for a few of Django's form messages, worded
# differently ("Dit veld is vereist." for Django's "Dit veld is verplicht."), and an installed app's catalogue is
# read before Django's. Carrying Django's wording in ours keeps every form of the site saying the same thing.
DJANGO_WORDING_KEPT_OVER_DRF = (
    _("This field is required."),
    _("No file was submitted."),
    _("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
    _("Value must be valid JSON."),
)
