"""The form renderer: Django's, with the common widgets built in Python instead of through their templates.

Django renders every widget through templates (a text input is three: text.html, input.html, attrs.html; a select
renders one more per option), which made form fields a good part of a page's time (the register's filters, every
crispy form). For the widgets whose templates nobody overrides, this renderer writes the same HTML directly:
`{{ x }}` and `{{ x|stringformat:'s' }}` are escaped and localised as the template engine does it, and
tests/core/test_form_renderer.py compares the result with Django's templates, byte for byte. Everything else
(forms, labels, errors, radio and checkbox lists, a project's own widget templates) goes to Django's renderer.
"""

from pathlib import Path
from types import SimpleNamespace

import django.forms
from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

WIDGETS = "django/forms/widgets/"
INPUTS = {
    WIDGETS + f"{name}.html"
    for name in (
        "input",
        "text",
        "email",
        "number",
        "url",
        "password",
        "hidden",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
        "color",
        "checkbox",
    )
}
SELECT, OPTION, TEXTAREA = WIDGETS + "select.html", WIDGETS + "select_option.html", WIDGETS + "textarea.html"
DJANGO_TEMPLATES = Path(django.forms.__file__).resolve().parent / "templates"

# What a template renders with: autoescape on, localisation and time zone as configured (Context's defaults).
_CONTEXT = SimpleNamespace(autoescape=True, use_l10n=None, use_tz=None)


class Fallback(Exception):
    """A value the templates would treat specially (a callable): let Django's templates render the widget."""


def _text(value) -> str:
    """{{ value }}"""
    if callable(value):
        raise Fallback
    return render_value_in_context(value, _CONTEXT)


def _as_string(value) -> str:
    """{{ value|stringformat:'s' }}: the filter keeps a safe string safe; the result is escaped otherwise."""
    if callable(value):
        raise Fallback
    try:
        formatted = "%s" % value  # noqa: UP031 - exactly what the stringformat filter does
    except (ValueError, TypeError):
        formatted = ""
    return conditional_escape(mark_safe(formatted) if isinstance(value, SafeData) else formatted)  # noqa: S308


def _attrs(attrs: dict) -> str:
    """attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(" " + _text(name))
        if value is not True:
            parts.append('="' + _as_string(value) + '"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """input.html (and the templates that only include it)"""
    value = "" if widget["value"] is None else ' value="' + _as_string(widget["value"]) + '"'
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _textarea(widget: dict) -> str:
    value = _text(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _select(widget: dict) -> str:
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION:
                raise Fallback
            parts.append(
                f'\n  <option value="{_as_string(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


BUILDERS = {SELECT: _select, TEXTAREA: _textarea} | dict.fromkeys(INPUTS, _input)


class FormRenderer(DjangoTemplates):
    def __init__(self):
        super().__init__()
        self._built_in: dict[str, bool] = {}

    def _is_djangos(self, template_name: str) -> bool:
        """Whether `template_name` is still Django's own template here (no project or app overrides it)."""
        known = self._built_in.get(template_name)
        if known is None:
            origin = Path(self.get_template(template_name).template.origin.name).resolve()
            known = self._built_in[template_name] = origin.is_relative_to(DJANGO_TEMPLATES)
        return known

    def render(self, template_name, context, request=None):
        build = BUILDERS.get(template_name)
        if build is not None and self._is_djangos(template_name) and (build is not _select or self._is_djangos(OPTION)):
            try:
                return mark_safe(build(context["widget"]))  # noqa: S308 - every value above is escaped
            except Fallback:
                pass
        return super().render(template_name, context, request=request)
