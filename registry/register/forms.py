"""Widgets and fixed-choice filters of the register's search forms; the forms to upload a CSV import and confirm it."""

from html import escape

import django_filters
from django import forms
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .services import MAX_IMPORT_BYTES

# The register is searched all day, and rendering a dozen widgets through their templates (and crispy's)
# cost more than the search itself. These widgets write the same Bootstrap HTML directly.


def _escaped(value) -> str:
    """conditional_escape() without its lazy-string wrapper: a value marked safe as it is, any other escaped."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value), quote=True)


def quick_flatatt(attrs: dict) -> str:
    """django.forms.utils.flatatt() written out: the same attributes in the same (sorted) order, escaped alike."""
    pairs = sorted((name, value) for name, value in attrs.items() if value is not None and not isinstance(value, bool))
    flags = sorted(name for name, value in attrs.items() if value is True)
    return "".join(f' {_escaped(name)}="{_escaped(value)}"' for name, value in pairs) + "".join(
        f" {_escaped(name)}" for name in flags
    )


class QuickTextInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"class": "form-control", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {"type": self.input_type, "name": name, **self.build_attrs(self.attrs, attrs)}
        formatted = self.format_value(value)
        if formatted not in (None, ""):
            attrs["value"] = formatted
        return mark_safe(f"<input{quick_flatatt(attrs)}>")  # noqa: S308 - quick_flatatt escapes every value


class QuickDateInput(QuickTextInput):
    input_type = "date"
    format_key = "DATE_INPUT_FORMATS"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.format = "%Y-%m-%d"

    def format_value(self, value):
        return value.strftime(self.format) if hasattr(value, "strftime") else value


class QuickSelect(forms.Select):
    """A select; with `cache_as`, its choices are fixed, so the options are rendered once per language."""

    _rendered: dict = {}
    MAX_CACHED = 500

    def __init__(self, attrs=None, choices=(), cache_as: str | None = None):
        super().__init__({"class": "form-select", **(attrs or {})}, choices)
        self.cache_as = cache_as

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        selected = tuple(self.format_value(value))
        key = (self.cache_as, get_language(), selected) if self.cache_as else None
        options = self._rendered.get(key) if key else None
        if options is None:
            options = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (choice, mark_safe(" selected") if str(choice) in selected else "", label)
                    for choice, label in self.choices
                ),
            )
            if key and len(self._rendered) < self.MAX_CACHED:
                self._rendered[key] = options
        return mark_safe(f"<select{quick_flatatt(attrs)}>{options}</select>")  # noqa: S308 - escaped above


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: number (optional), holder_name, holder_email, company_name, company_city, "
            "company_country (two letters, such as NL), issued_on, valid_until (optional). "
            "Separated by ; or , and saved as UTF-8 or Windows (Excel)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )
    school = forms.ModelChoiceField(label=_("School"), queryset=None, empty_label=None)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.only_school = schools.first() if schools.count() == 1 else None
        if self.only_school:  # nothing to choose
            self.fields["school"].widget = forms.HiddenInput()
            self.fields["school"].required = False

    def clean_school(self):
        return self.cleaned_data.get("school") or self.only_school

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB; split it into smaller files.")
                % {"size": MAX_IMPORT_BYTES // (1024 * 1024)}
            )
        return upload


class ImportConfirmForm(forms.Form):
    """Confirms the previewed upload, which waits in the session under this token."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)


class SharedChoices(tuple):
    """Constant choices: the copies of a filter or a form field share them instead of copying them."""

    def __deepcopy__(self, memo):
        return self


class FixedChoiceField(django_filters.fields.ChoiceField):
    """A choice field whose choices are constants (the countries, the statuses, the sorts), shared by the copies.

    A filter set deep-copies its filters and a form its fields for every instance, and each copied its choices
    with them: for the 250 countries that was a good part of the register's Python time per request.
    """

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)  # the widget and error messages copied; the choices shared


class FixedChoiceFilter(django_filters.ChoiceFilter):
    field_class = FixedChoiceField

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, choices=SharedChoices(choices), **kwargs)
