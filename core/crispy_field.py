"""crispy-bootstrap5's field template, bootstrap5/field.html, written in Python for the fields this site renders.

Every `|crispy` form and every `|as_crispy_field` renders bootstrap5/field.html once per field. With its includes,
filters and `{% crispy_field %}` that is about 1,800 Python calls per field: a five-field form was a third of
*My account*'s time. `FieldTemplate` writes the same markup directly for the common case: a label above a text
input, select, text area or checkbox, with help text and errors, outside a horizontal layout or table. Anything
else (file inputs, radio and checkbox lists, multi-widgets, fieldsets, label or field classes, `tag`) is rendered
by the package's template itself, so the result never depends on which path ran.

`Loader` puts it in front of the other template loaders (config/settings.py TEMPLATES). The test
tests/core/test_crispy_field.py renders every widget kind both ways, bound and unbound, with and without errors and
help text, through `|crispy` and `|as_crispy_field`, and compares them with assertHTMLEqual.
"""

from django import forms
from django.conf import settings
from django.template import Origin, TemplateDoesNotExist
from django.template.loaders.base import Loader as BaseLoader
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

FIELD_TEMPLATE = "bootstrap5/field.html"
# Widgets whose markup field.html builds differently (file inputs, choice lists in a fieldset).
HANDED_ON = (forms.FileInput, forms.RadioSelect, forms.MultiWidget)


def _esc(value) -> str:
    return conditional_escape(value)


def _covered(field, context) -> bool:
    """Whether FieldTemplate writes this field exactly as field.html would in this context."""
    widget = field.field.widget
    form_class = context.get("form_class") or ""
    return not (
        context.get("tag")
        or context.get("label_class")
        or context.get("field_class")
        or (isinstance(form_class, str) and "form-horizontal" in form_class)
        or not isinstance(form_class, str)
        or isinstance(widget, HANDED_ON)
        or hasattr(widget, "widgets")
        or hasattr(widget, "widget")
        or field.use_fieldset
    )


def _add_classes(widget, classes: str) -> None:
    """What `{% crispy_field field 'class' classes %}` does to the widget before it is rendered."""
    converters = getattr(settings, "CRISPY_CLASS_CONVERTERS", {})
    class_name = widget.__class__.__name__.lower()
    class_name = converters.get(class_name, class_name)
    css_class = widget.attrs.get("class", "")
    if css_class:
        if css_class.find(class_name) == -1:
            css_class += f" {class_name}"
    else:
        css_class = class_name
    for name in classes.split():
        if name not in css_class.split():
            css_class += f" {name}"
    widget.attrs["class"] = css_class


def _widget(field, classes: str) -> str:
    _add_classes(field.field.widget, classes)
    return str(field)


def _label_text(field) -> str:
    asterisk = '<span class="asteriskField">*</span>' if field.field.required else ""
    return f"{_esc(field.label)}{asterisk}"


def _help_text(field, inline: bool) -> str:
    if not field.help_text:
        return ""
    # field.html marks the help text safe: a form's help texts are the site's own.
    if inline:
        return f'<span id="{_esc(field.auto_id)}_helptext" class="form-text">{field.help_text}</span>'
    id_attr = f'id="{_esc(field.auto_id)}_helptext" ' if field.auto_id else ""
    return f'<div {id_attr}class="form-text">{field.help_text}</div>'


def _errors(field, context, tag: str) -> str:
    if not (context.get("form_show_errors") and field.errors):
        return ""
    items = "".join(
        f'<{tag} id="error_{number}_{_esc(field.auto_id)}"><strong>{_esc(error)}</strong></{tag}>'
        for number, error in enumerate(field.errors, start=1)
    )
    return f'<div id="{_esc(field.errors.field_id)}_error" class="invalid-feedback">{items}</div>'


def _help_text_and_errors(field, context) -> str:
    """bootstrap5/layout/help_text_and_errors.html"""
    help_inline, error_inline = context.get("help_text_inline"), context.get("error_text_inline")
    parts = []
    if help_inline and not error_inline:
        parts.append(_help_text(field, inline=True))
    parts.append(_errors(field, context, "span" if error_inline else "p"))
    if not help_inline:
        parts.append(_help_text(field, inline=False))
    return "".join(parts)


def render_field(field, context) -> str:
    if field.is_hidden:
        return str(field)
    widget = field.field.widget
    checkbox = isinstance(widget, forms.CheckboxInput)
    show_labels = context.get("form_show_labels")
    invalid = " is-invalid" if field.errors else ""
    required = " requiredField" if field.field.required else ""

    wrapper = "form-check" if checkbox and show_labels else "mb-3"
    if context.get("wrapper_class"):
        wrapper += f" {context.get('wrapper_class')}"
    if field.css_classes():
        wrapper += f" {field.css_classes()}"
    parts = [f'<div id="div_{_esc(field.auto_id)}" class="{_esc(wrapper)}">']
    if field.label and not checkbox and show_labels:
        for_attr = f'for="{_esc(field.id_for_label)}" ' if field.id_for_label else ""
        parts.append(f'<label {for_attr}class="form-label{required}">{_label_text(field)}</label>')
    if checkbox and show_labels:
        parts.append(_widget(field, "form-check-input" + invalid))
        parts.append(
            f'<label for="{_esc(field.id_for_label)}" class="form-check-label{required}">{_label_text(field)}</label>'
        )
    elif isinstance(widget, forms.Select):
        parts.append(_widget(field, "form-select" + invalid))
    elif checkbox:
        parts.append(_widget(field, "form-check-input" + invalid))
    else:
        parts.append(_widget(field, "form-control" + invalid))
    parts.append(_help_text_and_errors(field, context))
    parts.append("</div>")
    html = "".join(parts)
    if checkbox:
        html = f'<div class="mb-3">{html}</div>'
    return html


class FieldTemplate:
    """Stands in for bootstrap5/field.html: renders what it covers, hands the rest to the template itself."""

    def __init__(self, template, origin):
        self.template = template
        self.origin = origin
        self.name = origin.template_name
        self.engine = template.engine

    def render(self, context):
        field = context.get("field")
        if not isinstance(field, forms.BoundField) or not _covered(field, context):
            return self.template.render(context)
        return mark_safe(render_field(field, context))  # noqa: S308 - every value is escaped above


class Loader(BaseLoader):
    """Answers for bootstrap5/field.html only; every other name, and the fallback itself, from the loaders after."""

    def __init__(self, engine):
        super().__init__(engine)
        self._field_template = None

    def get_template(self, template_name, skip=None):
        origin = Origin(name=f"{__name__}.FieldTemplate", template_name=template_name, loader=self)
        if template_name != FIELD_TEMPLATE or (skip and origin in skip):
            raise TemplateDoesNotExist(template_name)
        if self._field_template is None:
            fallback, _ = self.engine.find_template(template_name, skip=[origin])
            self._field_template = FieldTemplate(fallback, origin)
        return self._field_template

    def get_template_sources(self, template_name):
        return iter(())

    def reset(self):
        self._field_template = None
