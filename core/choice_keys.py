"""A model choice that cannot be a key is "Select a valid choice", on every database.

Django's ModelMultipleChoiceField looks the submitted values up with `pk__in`, and SQLite cannot bind an integer
beyond 64 bits: a forged "99999999999999999999" in a multiple choice raised OverflowError, a server error, where
the user should read a form error (Django guards `exact` and the comparisons against this since 5.0, not `in`).
PostgreSQL compares such a number fine, but an integer key can never hold it either, so both get the same answer
without asking the database. Values that are not numbers, negative ones and NUL characters Django already refuses.

Applied once, from CoreConfig.ready(), to the two Django classes rather than through a subclass: the fields
Django makes for every model form's ForeignKey and ManyToManyField, the app's own subclasses and django-filter's
ModelChoiceFilter / ModelMultipleChoiceFilter fields all derive from them, and a subclass would have to be named
in each of those places, with the next new form left unguarded.
"""

from django.core.exceptions import ValidationError
from django.db import connections
from django.forms import ModelChoiceField, ModelMultipleChoiceField


def _key_field(field: ModelChoiceField):
    meta = field.queryset.model._meta
    key = meta.get_field(field.to_field_name) if field.to_field_name else meta.pk
    while key.is_relation and getattr(key, "target_field", None) is not None:  # a foreign key as primary key
        key = key.target_field
    return key


def cannot_be_a_key(field: ModelChoiceField, value) -> bool:
    """Whether `value` is a whole number outside the range of the field's integer key column."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return False
    try:
        number = int(value)
    except ValueError:
        return False  # not a number: Django's own lookup refuses it
    operations = connections[field.queryset.db].ops
    internal_type = _key_field(field).get_internal_type()
    if internal_type not in operations.integer_field_ranges:
        return False
    low, high = operations.integer_field_range(internal_type)
    return (low is not None and number < low) or (high is not None and number > high)


def whole_number(value) -> int | None:
    """A key or count read from a URL or query string: ASCII digits within 64 bits, or None.

    `str.isdigit()` alone lets "²" through (int() refuses it) and any number of digits (SQLite refuses them).
    """
    text = value.strip() if isinstance(value, str) else ""
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= 2**63 - 1 else None


def _invalid_choice(field: ModelChoiceField, value) -> ValidationError:
    return ValidationError(field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})


def install() -> None:
    """Guard ModelChoiceField.to_python and ModelMultipleChoiceField._check_values; safe to call twice."""
    if getattr(ModelChoiceField, "_keys_guarded", False):
        return
    to_python, check_values = ModelChoiceField.to_python, ModelMultipleChoiceField._check_values

    def guarded_to_python(self, value):
        if value not in self.empty_values and cannot_be_a_key(self, value):
            raise _invalid_choice(self, value)
        return to_python(self, value)

    def guarded_check_values(self, value):
        if isinstance(value, list | tuple):
            for item in value:
                if cannot_be_a_key(self, item):
                    raise _invalid_choice(self, item)
        return check_values(self, value)

    ModelChoiceField.to_python = guarded_to_python
    ModelMultipleChoiceField._check_values = guarded_check_values
    ModelChoiceField._keys_guarded = True
