"""The ratings of a printed assessment record as HTML, built in Python rather than in the template.

The ratings are most of the record and WeasyPrint's time grows with every element and every bit of markup it
parses, so each rating is one paragraph: its level, a tab to the indicator column and, after a line break
(white-space: pre-wrap), its remarks. The rows are joined without whitespace between the tags; building them
here is also several times faster than a template loop over the same rows.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .selectors import AreaBlock, CompetencyBlock


def _row(css_class: str, level: str, title: str, remarks: str) -> str:
    text = f"{escape(level)}\t{escape(title)}"
    if remarks:
        text += "\n" + escape(remarks)
    return f'<p class="{css_class}">{text}</p>'


def _competency_rows(block: CompetencyBlock) -> list[str]:
    judgement = block.judgement
    level = judgement.level.title if judgement is not None and judgement.level_id else "–"
    remarks = judgement.remarks if judgement is not None else ""
    rows = [_row("row competency", level, block.competency.label, remarks)]
    not_rated = _("not rated")
    rows.extend(
        _row("row", rating.level.title if rating.level_id else not_rated, rating.indicator.title, rating.remarks)
        for rating in block.ratings
    )
    return rows


def ratings_html(sections: list[AreaBlock]) -> SafeString:
    """The column heads, then per area its heading and a row per competency judgement and per rating."""
    if not sections:
        return format_html('<p class="muted">{}</p>', _("Nothing has been rated."))
    parts = [f'<p class="row head">{escape(_("Level"))}\t{escape(_("Indicator"))}\n{escape(_("Remarks"))}</p>']
    for section in sections:
        parts.append(f'<h3 class="area">{escape(section.area.label)}</h3>')
        for block in section.competencies:
            parts.extend(_competency_rows(block))
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
