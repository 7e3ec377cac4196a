"""The register's busiest markup written in Python: its search fields and its result rows.

The register is the most requested page. Through templates its 25 rows cost about 370 Python calls each (every
`{{ row.x }}` is a variable look-up, a localisation check and an escape) and each of its twelve search fields an
include of its own: together two thirds of the page's time. These tags write the same markup (every value escaped);
tests/registry/test_register_html.py compares them with the templates they replace.
"""

from html import escape

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.kept import Kept

from ..register.forms import QuickDateInput, QuickSelect, QuickTextInput

register = template.Library()

# The register's own search widgets (registry/register/forms.py) write their markup from their name, value, attributes
# and (fixed) choices alone. Most fields of a search are empty, and an empty field's markup is the same for every
# search: kept per process under everything it depends on. A key is about 300 bytes, a field's markup as much.
KEPT_WIDGETS = (QuickTextInput, QuickDateInput, QuickSelect)
_kept_fields = Kept(max_entries=4000)

BADGE = {"valid": "success", "expired": "secondary"}  # any other state (revoked) is "danger"


def _kept_key(field) -> tuple | None:
    """What the markup of `field` depends on, when its widget is one of KEPT_WIDGETS; otherwise None."""
    widget = field.field.widget
    if type(widget) not in KEPT_WIDGETS or (type(widget) is QuickSelect and not widget.cache_as):
        return None
    form = field.form
    return (
        type(widget),
        getattr(widget, "cache_as", None),
        tuple(sorted((name, str(value)) for name, value in widget.attrs.items())),
        field.html_name,
        field.auto_id,
        str(field.label),
        str(field.help_text),
        field.field.required,
        field.field.disabled,
        form.is_bound,
        form.use_required_attribute,
        get_language(),
        repr(field.value()),
        repr(field.initial),
        tuple(str(error) for error in field.errors),
    )


@register.simple_tag
def search_field(field):
    """A label above the field, its help text and its errors."""
    key = _kept_key(field)
    html = _field_html(field) if key is None else _kept_fields.get(key, lambda: _field_html(field))
    return mark_safe(html)  # noqa: S308 - escaped in _field_html


def _field_html(field) -> str:
    if field.is_hidden:
        return str(field)
    esc = conditional_escape
    parts = [f'<div class="mb-3"><label class="form-label" for="{esc(field.id_for_label)}">{esc(field.label)}</label>']
    parts.append(str(field))
    if field.help_text:
        parts.append(f'<div id="{esc(field.auto_id)}_helptext" class="form-text">{esc(field.help_text)}</div>')
    parts.extend(f'<div class="invalid-feedback d-block">{esc(error)}</div>' for error in field.errors)
    parts.append("</div>")
    return "".join(parts)  # every value is escaped above


def _state(row, esc) -> str:
    return f'<td><span class="badge text-bg-{BADGE.get(row.state, "danger")}">{esc(row.state_label)}</span></td>'


def _plain(value: str) -> str:
    """A row's texts are plain strings from the database (never marked safe): the standard library's escape,
    which is Django's without its checks for lazy and safe strings (a tenth of the calls, 275 times a page)."""
    return escape(value, quote=True)


@register.simple_tag
def register_rows(rows, show_school=False):
    """The register's table rows (registry/register/views/register.py RegisterRow)."""
    esc = _plain
    html = []
    for row in rows:
        school = f"<td>{esc(row.school)}</td>" if show_school else ""
        html.append(
            f'<tr><td class="text-nowrap"><a href="{esc(row.url)}">{esc(row.number)}</a></td>'
            f"<td>{esc(row.holder)}</td><td>{esc(row.company)}</td>"
            f'<td>{esc(row.city)} <span class="text-muted small">{esc(row.country)}</span></td>{school}'
            f'<td class="text-nowrap">{esc(row.issued_on)}</td><td class="text-nowrap">{esc(row.valid_until)}</td>'
            f"{_state(row, esc)}</tr>"
        )
    return mark_safe("\n".join(html))  # noqa: S308 - every value is escaped above


@register.simple_tag
def public_register_rows(rows):
    """The public register's rows: name, company, city and status only."""
    esc = _plain
    return mark_safe(  # noqa: S308 - every value is escaped above
        "\n".join(
            f"<tr><td>{esc(row.holder)}</td><td>{esc(row.company)}</td><td>{esc(row.city)}</td>{_state(row, esc)}</tr>"
            for row in rows
        )
    )
