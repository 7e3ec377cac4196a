"""A search-as-you-type field for a ModelMultipleChoiceField (core/combobox.py is the single-choice one).

The chosen rows are ticked checkboxes under the field's name (untick one to drop it); the combobox `<name>_text`
adds one more. With JavaScript a pick adds a ticked checkbox at once; without it, or when someone types and saves
without picking, the typed text is looked up within the field's queryset on the server and added when it names
exactly one row. The field validates the ids against its full queryset, as it did for a multiple select.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choice_keys import whole_number
from .combobox import INVALID_CHOICE, MAX_LABEL, TEXT_SUFFIX, Combobox, Typed
from .lookups import Lookup

# ModelMultipleChoiceField's message for a value that is no id: here, a typed text that named no single row.
INVALID_TEXT = _(
    "“%(pk)s” names none of the choices here, or more than one: type part of the name and pick a suggestion."
)


class ComboboxMultiple(Combobox):
    template_name = "core/widgets/combobox_multiple.html"
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else (data.get(name) or [])
        chosen = [str(value).strip() for value in values if str(value).strip()]
        text = (data.get(name + TEXT_SUFFIX) or "").strip()[:MAX_LABEL]
        if text:
            chosen.append(self._resolve(text))
        return chosen

    def value_omitted_from_data(self, data, files, name):
        return False  # like a checkbox list: nothing ticked is a value (none), not an omission

    def format_value(self, value):
        return [] if value is None else [value] if isinstance(value, str) else list(value)

    def _labels_of(self, ids: list[str]) -> dict[str, str]:
        wanted = {whole_number(pk) for pk in ids if pk not in self._labels} - {None}
        if wanted and self._queryset is not None:
            rows = self._queryset.filter(pk__in=wanted)
            if self.lookup.select_related:
                rows = rows.select_related(*self.lookup.select_related)
            for row in rows:
                self._labels[str(row.pk)] = self.lookup.label(row)
        return {pk: self._labels[pk] for pk in ids if self._labels.get(pk)}

    def get_context(self, name, value, attrs):
        values = [str(item) if not isinstance(item, Typed) else item for item in self.format_value(value)]
        typed = [item for item in values if isinstance(item, Typed)]
        ids = list(dict.fromkeys(item for item in values if not isinstance(item, Typed)))
        context = super().get_context(name, typed[0] if typed else None, attrs)
        labels = self._labels_of(ids)
        element_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        context["widget"].update(
            chosen=[(pk, labels[pk]) for pk in ids if pk in labels], chosen_id=f"{element_id}_chosen"
        )
        return context


def use_combobox_multiple(field: forms.ModelMultipleChoiceField, *, lookup: Lookup, source: str) -> None:
    """Render `field` as ticked choices plus a combobox to add one; what it accepts stays as it was."""
    queryset = field.queryset
    field.widget = ComboboxMultiple(lookup=lookup, source=source, attrs=field.widget.attrs)
    field.widget.is_required = field.required
    field.queryset = queryset
    field.error_messages["invalid_choice"] = INVALID_CHOICE
    field.error_messages["invalid_pk_value"] = INVALID_TEXT
