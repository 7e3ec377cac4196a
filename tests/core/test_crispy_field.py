"""core/crispy_field.py writes crispy-bootstrap5's field template in Python: the same markup as the template."""

import pytest
from django import forms
from django.template import Context, engines
from django.test import SimpleTestCase
from django.utils.safestring import mark_safe

from core.crispy_field import FieldTemplate, Loader

TRICKY = "a <b> & \"c\" 'd'"


class EveryKindForm(forms.Form):
    required_css_class = "is-required"
    error_css_class = "has-error"

    text = forms.CharField(label=TRICKY, help_text=mark_safe("<em>help</em>"))  # noqa: S308
    optional = forms.CharField(required=False, label="")
    email = forms.EmailField(required=False, help_text="e-mail")
    number = forms.IntegerField(required=False, widget=forms.NumberInput(attrs={"class": "narrow"}))
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    choice = forms.ChoiceField(choices=[("", "---"), ("a", "A"), ("b", TRICKY)])
    many = forms.MultipleChoiceField(required=False, choices=[("a", "A"), ("b", "B")])
    agree = forms.BooleanField(help_text="Tick it")
    maybe = forms.BooleanField(required=False)
    secret = forms.CharField(required=False, widget=forms.HiddenInput)
    # Handed to the template: these must come out the same too.
    radio = forms.ChoiceField(required=False, choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    ticks = forms.MultipleChoiceField(
        required=False, choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    upload = forms.FileField(required=False)
    split = forms.SplitDateTimeField(required=False)

    def clean(self):
        raise forms.ValidationError("Whole form <wrong>")


BOUND = {"text": "x", "email": "not an e-mail", "number": "many", "choice": "z", "many": ["a"], "maybe": "on"}


def both_ways(template_text: str, make_context) -> tuple[str, str]:
    """The page rendered with FieldTemplate in front (as configured), and with the package's template alone. Each
    gets its own form: rendering adds crispy's classes to the widgets, which must not carry over."""
    engine = engines["django"].engine
    fast = engine.from_string(template_text).render(Context(make_context()))
    loader = next(loader for loader in engine.template_loaders if isinstance(loader, Loader))
    field_template = loader.get_template("bootstrap5/field.html")
    assert isinstance(field_template, FieldTemplate)
    original = field_template.template
    real_render = FieldTemplate.render
    FieldTemplate.render = lambda self, context: original.render(context)
    try:
        slow = engine.from_string(template_text).render(Context(make_context()))
    finally:
        FieldTemplate.render = real_render
    return fast, slow


class CrispyFieldTemplateTests(SimpleTestCase):
    def assert_same(self, template_text, make_context):
        fast, slow = both_ways(template_text, make_context)
        self.assertHTMLEqual(fast, slow)
        return fast

    def test_whole_form_unbound_and_bound_with_errors(self):
        for data in (None, BOUND):
            with self.subTest(bound=data is not None):
                html = self.assert_same(
                    "{% load crispy_forms_tags %}{{ form|crispy }}", lambda data=data: {"form": EveryKindForm(data)}
                )
                assert "textinput form-control" in html

    def test_each_field_alone(self):
        for data in (None, BOUND):
            for name in EveryKindForm.base_fields:
                with self.subTest(field=name, bound=data is not None):
                    self.assert_same(
                        "{% load crispy_forms_tags %}{{ field|as_crispy_field }}",
                        lambda data=data, name=name: {"field": EveryKindForm(data)[name]},
                    )

    def test_errors_are_shown_escaped_on_the_invalid_field(self):
        html = self.assert_same(
            "{% load crispy_forms_tags %}{{ form|crispy }}", lambda: {"form": EveryKindForm(data={**BOUND, "text": ""})}
        )
        assert 'class="textinput form-control is-invalid"' in html
        assert "&lt;wrong&gt;" in html
        assert "<wrong>" not in html

    def test_prefix_and_no_auto_id(self):
        for options in ({"prefix": "p", "data": BOUND}, {"auto_id": False}):
            with self.subTest(**options):
                self.assert_same(
                    "{% load crispy_forms_tags %}{{ form|crispy }}",
                    lambda options=options: {"form": EveryKindForm(**options)},
                )


@pytest.mark.parametrize("context", [{"tag": "td"}, {"form_class": "form-horizontal"}, {"label_class": "col-2"}])
def test_layouts_it_does_not_write_go_to_the_template(context):
    form = EveryKindForm()
    field_template = FieldTemplate(
        engines["django"].engine.get_template("bootstrap5/field.html").template, origin=_origin()
    )
    calls = []
    field_template.template = _Recording(field_template.template, calls)
    field_template.render(Context({"field": form["text"], "form_show_labels": True, **context}))
    assert calls == ["text"]


def _origin():
    from django.template import Origin

    return Origin(name="test", template_name="bootstrap5/field.html")


class _Recording:
    def __init__(self, template, calls):
        self.template, self.calls, self.engine = template, calls, template.engine

    def render(self, context):
        self.calls.append(context["field"].name)
        return self.template.render(context)
