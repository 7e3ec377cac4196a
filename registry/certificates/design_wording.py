"""The wording of a certificate design: placeholders a school may use, their check and their filling in.

A school writes its own title and text in Dutch and English; the text may name the holder, the course, the
school, the company and the dates as {holder}, {course} … . Anything else between braces is refused when the
design is saved, so an issued certificate never shows a half-filled text.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The wording of the certificate before schools designed their own; a new design starts from it.
DEFAULT_TITLE = {"nl": "Werkmentorcertificaat", "en": "Work Mentor Certificate"}
DEFAULT_BODY = {
    "nl": "de werkmentortraining “{course}” bij {school} heeft afgerond en bekwaam is om als werkmentor "
    "studenten op de werkplek te begeleiden.",
    "en": "has completed the work-mentor training “{course}” at {school} and is qualified to coach learners "
    "on the job as a work mentor.",
}
PLACEHOLDERS = {
    "holder": gettext_lazy("the holder's name"),
    "course": gettext_lazy("the course"),
    "school": gettext_lazy("the school"),
    "company": gettext_lazy("the holder's company"),
    "issued_on": gettext_lazy("the date of issue"),
    "valid_until": gettext_lazy("the last valid day"),
}
MAX_BODY = 600
MAX_LINES = 4
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# A course placeholder that finds no course takes its quotes and the space before it along.
_EMPTY_COURSE = re.compile(r"\s?[“\"'‘]?\{course\}[”\"'’]?")


def check_wording(text: str) -> str:
    """The text, stripped, or ValidationError: only known placeholders, no stray braces, a few lines at most."""
    text = text.strip().replace("\r\n", "\n")
    unknown = sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(names)s. Use %(known)s.")
            % {
                "names": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }
        )
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise ValidationError(_("Braces { } are only for placeholders such as {holder}."))
    if text.count("\n") >= MAX_LINES:
        raise ValidationError(_("Use at most %(count)s lines.") % {"count": MAX_LINES})
    if any(ord(char) < 32 and char != "\n" for char in text):
        raise ValidationError(_("Remove the control characters from the text."))
    return text


def fill_wording(text: str, values: dict[str, str]) -> SafeString:
    """`text` with the placeholders filled in, escaped, as paragraphs for the PDF."""
    if not values.get("course"):
        text = _EMPTY_COURSE.sub("", text)
    pieces = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        pieces.append(conditional_escape(text[position : match.start()]))
        pieces.append(conditional_escape(values.get(match.group(1), "")))
        position = match.end()
    pieces.append(conditional_escape(text[position:]))
    return linebreaks(mark_safe("".join(str(piece) for piece in pieces)), autoescape=False)  # noqa: S308 - escaped above
