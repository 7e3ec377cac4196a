"""registry/templatetags/register_html.py writes the register's rows and search fields: the same markup as the
templates it replaced, every value escaped."""

from django import forms
from django.template import engines
from django.test import SimpleTestCase

from registry.register.forms import QuickDateInput, QuickSelect, QuickTextInput
from registry.register.views.register import RegisterRow

TRICKY = "<b>Jansen & \"Zn\"</b> 'x'"

# The markup the tags replaced, as the templates wrote it.
FIELD_TEMPLATE = (
    '{% if field.is_hidden %}{{ field }}{% else %}<div class="mb-3"><label class="form-label" '
    'for="{{ field.id_for_label }}">{{ field.label }}</label>{{ field }}{% if field.help_text %}<div '
    'id="{{ field.auto_id }}_helptext" class="form-text">{{ field.help_text }}</div>{% endif %}{% for error in '
    'field.errors %}<div class="invalid-feedback d-block">{{ error }}</div>{% endfor %}</div>{% endif %}'
)
STATE = (
    "<td><span class=\"badge text-bg-{% if row.state == 'valid' %}success{% elif row.state == 'expired' %}secondary"
    '{% else %}danger{% endif %}">{{ row.state_label }}</span></td>'
)
ROWS_TEMPLATE = (
    '{% for row in rows %}<tr><td class="text-nowrap"><a href="{{ row.url }}">{{ row.number }}</a></td>'
    "<td>{{ row.holder }}</td><td>{{ row.company }}</td>"
    '<td>{{ row.city }} <span class="text-muted small">{{ row.country }}</span></td>'
    "{% if show_school %}<td>{{ row.school }}</td>{% endif %}"
    '<td class="text-nowrap">{{ row.issued_on }}</td><td class="text-nowrap">{{ row.valid_until }}</td>'
    + STATE
    + "</tr>{% endfor %}"
)
PUBLIC_ROWS_TEMPLATE = (
    "{% for row in rows %}<tr><td>{{ row.holder }}</td><td>{{ row.company }}</td><td>{{ row.city }}</td>"
    + STATE
    + "</tr>{% endfor %}"
)


def render(text: str, context: dict) -> str:
    return engines["django"].from_string(text).render(context)


class SearchForm(forms.Form):
    q = forms.CharField(label=TRICKY, required=False, help_text="Name <or> number")
    issued_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(required=False, choices=[("", "All"), ("valid", TRICKY)])
    page = forms.IntegerField(required=False, widget=forms.HiddenInput)


def rows() -> list[RegisterRow]:
    return [
        RegisterRow(
            url=f"/register/certificates/{number}/?a=1&b=2",
            number=f"WM-2026-{number:06d}",
            holder=TRICKY,
            company="Bakkerij <De Korenschoof>",
            city="Münster",
            country="Duitsland",
            school="Rijnland & Co",
            issued_on="5 Dec 2026",
            valid_until="5 Dec 2029",
            state=state,
            state_label=state.title(),
        )
        for number, state in enumerate(["valid", "expired", "revoked"], start=1)
    ]


class RegisterHtmlTests(SimpleTestCase):
    def test_search_fields_as_the_template_wrote_them(self):
        for data in (None, {"q": TRICKY, "issued_from": "not a day", "status": "nope", "page": "2"}):
            form = SearchForm(data)
            for name in form.fields:
                with self.subTest(field=name, bound=data is not None):
                    fast = render("{% load register_html %}{% search_field field %}", {"field": form[name]})
                    self.assertHTMLEqual(fast, render(FIELD_TEMPLATE, {"field": form[name]}))
        bound = SearchForm({"issued_from": "not a day", "q": TRICKY})
        html = render("{% load register_html %}{% search_field form.issued_from %}", {"form": bound})
        assert "invalid-feedback d-block" in html
        assert TRICKY not in render("{% load register_html %}{% search_field form.q %}", {"form": bound})

    def test_rows_as_the_template_wrote_them(self):
        for show_school in (True, False):
            with self.subTest(show_school=show_school):
                context = {"rows": rows(), "show_school": show_school}
                fast = render("{% load register_html %}{% register_rows rows show_school %}", context)
                self.assertHTMLEqual(fast, render(ROWS_TEMPLATE, context))
                assert ("Rijnland &amp; Co" in fast) is show_school
                assert "<b>" not in fast
        public = render("{% load register_html %}{% public_register_rows rows %}", {"rows": rows()})
        self.assertHTMLEqual(public, render(PUBLIC_ROWS_TEMPLATE, {"rows": rows()}))
        assert "text-bg-danger" in public


def test_quick_flatatt_writes_what_flatatt_writes():
    from django.forms.utils import flatatt
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext_lazy

    from registry.register.forms import quick_flatatt

    for attrs in (
        {},
        {"type": "text", "name": "q", "value": TRICKY, "class": "form-control", "id": "id_q"},
        {"required": True, "disabled": False, "maxlength": 100, "placeholder": gettext_lazy("Name"), "x": None},
        {"data-safe": mark_safe("<i>kept</i>"), "b": "2", "a": "1"},  # noqa: S308
    ):
        assert quick_flatatt(attrs) == flatatt(attrs)


class QuickForm(forms.Form):
    q = forms.CharField(label="Name", required=False, widget=QuickTextInput())
    issued_from = forms.DateField(label="Issued from", required=False, widget=QuickDateInput())
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "All"), ("valid", "Valid")], widget=QuickSelect(cache_as="t")
    )


def test_a_kept_search_field_is_the_one_that_would_be_written_for_each_value_error_and_language():
    from django.utils import translation

    from registry.templatetags.register_html import _field_html, _kept_fields

    _kept_fields.clear()
    forms_and_fields = [
        (data, name)
        for data in (None, {}, {"q": "jansen", "status": "valid"}, {"issued_from": "not a day"})
        for name in QuickForm.base_fields
    ]
    for language in ("en", "nl"):
        with translation.override(language):
            for _round in range(2):  # written, then kept
                for data, name in forms_and_fields:
                    field = QuickForm(data)[name]
                    kept = render("{% load register_html %}{% search_field field %}", {"field": field})
                    assert kept == _field_html(QuickForm(data)[name])
    assert _kept_fields  # they were kept
    html = render("{% load register_html %}{% search_field f %}", {"f": QuickForm({"q": "<b>x</b>"})["q"]})
    assert 'value="&lt;b&gt;x&lt;/b&gt;"' in html
    assert "invalid-feedback" in render(
        "{% load register_html %}{% search_field f %}", {"f": QuickForm({"issued_from": "x"})["issued_from"]}
    )
    assert "invalid-feedback" not in render(
        "{% load register_html %}{% search_field f %}", {"f": QuickForm({"issued_from": ""})["issued_from"]}
    )
