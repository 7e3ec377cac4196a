"""A search-as-you-type field for a ModelChoiceField whose choices are too many to list (static/js/combobox.js).

The page carries two inputs: a hidden one under the field's name with the chosen id (what the field validates,
against its full queryset, as a select's value was) and a text input `<name>_text` showing the chosen row's label.
With JavaScript the text input is an ARIA 1.2 combobox: typing asks the look-up endpoint (core/lookups.py) for at
most twenty matches, the arrow keys and Enter pick one, and the pick fills in the hidden id.

Without JavaScript, or when someone types and submits without picking, the server reads the text instead: if it
is still the label of the posted id the id stands; otherwise the text is looked up within the field's queryset,
and exactly one match is taken. No match or several is an error that names the text, which stays in the box.
Posting the id alone (an older form, a test, a script) works as before.
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choice_keys import whole_number
from .lookups import Lookup, text_problem

TEXT_SUFFIX = "_text"
# A label (a company's name and city, a person's name and address) can be longer than a search text may be.
MAX_LABEL = 500
# The field's message for a text that names no single row (or an id outside its queryset).
INVALID_CHOICE = _(
    "“%(value)s” names none of the choices here, or more than one: type part of the name and pick a suggestion."
)


class Typed(str):
    """What someone typed that names no single row: the field rejects it (it is no id) and the box shows it."""


class Combobox(forms.Widget):
    template_name = "core/widgets/combobox.html"
    # A ModelChoiceField assigns its choices here; they are never iterated (that would read the whole table).
    choices = ()

    def __init__(self, *, lookup: Lookup, source: str, attrs=None, value_attrs=None):
        super().__init__(attrs)
        self.lookup = lookup
        self.source = source  # a URL name
        self.value_attrs = dict(value_attrs or {})
        self._labels: dict[str, str | None] = {}
        self._resolved: dict[str, str] = {}

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.value_attrs = dict(self.value_attrs)
        copy._labels, copy._resolved = {}, {}
        return copy

    @property
    def _queryset(self):
        return getattr(self.choices, "queryset", None)

    def label_of(self, pk) -> str | None:
        """The label of row `pk` within the field's queryset (one query, remembered for this form)."""
        key = str(pk)
        if key not in self._labels:
            row = None
            number = whole_number(key)
            if self._queryset is not None and number is not None:
                rows = self._queryset.filter(pk=number)
                if self.lookup.select_related:
                    rows = rows.select_related(*self.lookup.select_related)
                row = rows.first()
            self._labels[key] = self.lookup.label(row) if row is not None else None
        return self._labels[key]

    def _resolve(self, text: str) -> str:
        """The id of the one row that `text` names within the field's queryset, or Typed(text)."""
        if text not in self._resolved:
            rows = []
            if self._queryset is not None and not text_problem(text):
                rows, _more = self.lookup.matches(self._queryset, text, cap=1)
                rows = rows if not _more else []
            self._resolved[text] = str(rows[0].pk) if rows else Typed(text)
            if rows:
                self._labels[str(rows[0].pk)] = self.lookup.label(rows[0])
        return self._resolved[text]

    def value_from_datadict(self, data, files, name):
        chosen = (data.get(name) or "").strip()
        if name + TEXT_SUFFIX not in data:
            return chosen or None
        text = data.get(name + TEXT_SUFFIX, "").strip()[:MAX_LABEL]
        if not text:
            return None
        if chosen and text == (self.label_of(chosen) or "").strip():
            return chosen
        return self._resolve(text)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and name + TEXT_SUFFIX not in data

    def format_value(self, value):
        return "" if value is None else str(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        if isinstance(value, Typed):
            chosen, text = "", str(value)
        elif value in (None, ""):
            chosen, text = "", ""
        else:
            chosen, text = str(value), self.label_of(value) or ""
        element_id = widget["attrs"].get("id") or f"id_{name}"
        widget.update(
            value=chosen,
            text=text,
            text_name=name + TEXT_SUFFIX,
            value_id=f"{element_id}_value",
            listbox_id=f"{element_id}_listbox",
            source_url=reverse(self.source),
            value_attrs=self.value_attrs,
            max_length=MAX_LABEL,
        )
        return context


def use_combobox(field: forms.ModelChoiceField, *, lookup: Lookup, source: str, value_attrs=None) -> None:
    """Render `field` as a combobox; its queryset, and so what it accepts, stay as they are."""
    queryset = field.queryset
    field.widget = Combobox(lookup=lookup, source=source, attrs=field.widget.attrs, value_attrs=value_attrs)
    field.widget.is_required = field.required
    field.queryset = queryset  # hands the new widget the field's choices
    field.error_messages["invalid_choice"] = INVALID_CHOICE
