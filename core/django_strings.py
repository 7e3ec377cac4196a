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
