"""core/form_renderer.py writes the common widgets in Python: byte for byte what Django's templates write."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from core.form_renderer import FormRenderer

TRICKY = "a <b> & \"c\" 'd'"

WIDGETS = [
    forms.TextInput(),
    forms.TextInput(attrs={"class": "form-control", "placeholder": TRICKY, "required": True, "disabled": False}),
    forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
    forms.NumberInput(attrs={"min": 0, "step": Decimal("0.5")}),
    forms.URLInput(),
    forms.PasswordInput(render_value=True),
    forms.HiddenInput(),
    forms.DateInput(attrs={"type": "date"}),
    forms.DateTimeInput(),
    forms.TimeInput(),
    forms.SearchInput() if hasattr(forms, "SearchInput") else forms.TextInput(),
    forms.TelInput() if hasattr(forms, "TelInput") else forms.TextInput(),
    forms.ColorInput() if hasattr(forms, "ColorInput") else forms.TextInput(),
    forms.CheckboxInput(),
    forms.Textarea(attrs={"rows": 3}),
    forms.Select(choices=[("", "---"), ("a", "A"), (1, 1), ("x", TRICKY), ("lazy", gettext_lazy("Dutch"))]),
    forms.Select(choices=[("Group <1>", [("a", "A"), ("b", "B")]), ("c", "C")]),
    forms.SelectMultiple(choices=[("a", "A"), ("b", "B"), ("c", mark_safe("<i>C</i>"))]),  # noqa: S308
    forms.NullBooleanSelect(),
]
VALUES = [
    None,
    "",
    "plain",
    TRICKY,
    mark_safe("<b>safe</b>"),  # noqa: S308
    0,
    1,
    True,
    False,
    Decimal("1234.50"),
    datetime.date(2026, 12, 5),
    datetime.datetime(2026, 12, 5, 10, 30, tzinfo=datetime.UTC),
    ["a", "c"],
    "b",
]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda widget: type(widget).__name__)
@pytest.mark.parametrize("language", ["en", "nl"])
def test_widgets_render_as_djangos_templates(widget, language):
    ours, djangos = FormRenderer(), DjangoTemplates()
    with override(language):
        for value in VALUES:
            for attrs in (None, {"id": "id_field", "aria-describedby": "id_field_helptext"}):
                try:
                    expected = widget.render("field", value, attrs=attrs, renderer=djangos)
                except TypeError:  # a list for a widget of one value
                    continue
                assert widget.render("field", value, attrs=attrs, renderer=ours) == expected, (value, attrs)


def test_other_templates_still_go_to_django():
    choices = [("a", "A"), ("b", "B")]
    for widget in (forms.RadioSelect(choices=choices), forms.CheckboxSelectMultiple(choices=choices)):
        assert widget.render("f", "a", renderer=FormRenderer()) == widget.render("f", "a", renderer=DjangoTemplates())

    class Form(forms.Form):
        name = forms.CharField(help_text=TRICKY)
        when = forms.SplitDateTimeField()
        file = forms.FileField(required=False)

    form = Form(data={"name": "x"})
    form.is_valid()
    assert form.render(renderer=FormRenderer()) == form.render(renderer=DjangoTemplates())


def test_the_site_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "core.form_renderer.FormRenderer"
    assert isinstance(get_default_renderer(), FormRenderer)
