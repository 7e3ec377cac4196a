"""History rows → the changes a person reads: who, when, what kind of change, each field's old and new value.

Each row of a simple-history table is the whole object as it was after a save. A change is the difference
with the row before it (`diff_against`); a creation lists the values it started with. The names that foreign
keys point to are read once per related model for the whole page, so the page costs a fixed number of
queries however long the history is.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

from django.db.models import FileField, ForeignKey, Model
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.certificates.revoke import ERASURE_REASON
from registry.register.companies.merge import MERGE_REASON

# Why a change was made, where the code that made it says so (history_change_reason).
REASONS = {
    ERASURE_REASON: gettext_lazy("the holder's personal data was removed"),
    MERGE_REASON: gettext_lazy("two records of the company were merged"),
}

# An object edited all day would make an endless page; the newest rows are what an audit asks first.
MAX_ROWS = 500
EMPTY = "—"


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: str
    action: str  # "created", "changed" or "deleted"
    source: str  # which settings, where a page shows the history of more than one model
    changes: list[FieldChange] = field(default_factory=list)
    reason: str = ""
    earlier_unknown: bool = False  # a change whose previous state was never recorded

    @property
    def action_label(self) -> str:
        return {"created": _("created"), "changed": _("changed"), "deleted": _("deleted")}[self.action]


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def _shown_fields(history_model) -> list:
    """The fields a person may read about: editable ones, without the primary key."""
    return [f for f in history_model.tracked_fields if f.editable and not f.primary_key and f.name != "id"]


def named_by(model) -> list[str]:
    """The required foreign keys of a model, which its name (__str__) may use: "learner @ company"."""
    return [f.name for f in model._meta.concrete_fields if isinstance(f, ForeignKey) and not f.null]


def with_names(model):
    """The model's rows with what their names need, read in the same query."""
    fields = named_by(model)
    return model._base_manager.select_related(*fields) if fields else model._base_manager.all()


def _related_names(history_model, rows) -> dict:
    """{(field name, pk): name} for every foreign key value in the rows, one query per related model."""
    wanted: dict[type[Model], dict[str, set]] = {}  # related model → field → ids
    for f in _shown_fields(history_model):
        if isinstance(f, ForeignKey):
            ids = {getattr(row, f.attname) for row in rows} - {None}
            if ids:
                wanted.setdefault(f.related_model, {})[f.name] = ids
    names = {}
    for model, ids_by_field in wanted.items():
        all_ids = set().union(*ids_by_field.values())
        related = with_names(model).in_bulk(all_ids)
        for name, ids in ids_by_field.items():
            for pk in ids:
                obj = related.get(pk)
                names[(name, pk)] = str(obj) if obj is not None else _("#%(id)s (deleted)") % {"id": pk}
    return names


def _shown(model_field, value, names) -> str:
    """One value as a person reads it, in the current language and time zone."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(model_field, ForeignKey):
        return names.get((model_field.name, value), str(value))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    if isinstance(model_field, FileField) or isinstance(value, FieldFile):
        return PurePath(str(value)).name or EMPTY
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _entry(row, previous, fields, names, source) -> Entry | None:
    action = ACTIONS[row.history_type]
    user = row.history_user
    entry = Entry(
        when=row.history_date,
        who=(user.get_full_name() or user.email) if user else _("the system"),
        action=action,
        source=source,
        reason=str(REASONS.get(row.history_change_reason, row.history_change_reason or "")),
    )
    if action == "created":
        for f in fields:
            new = _shown(f, getattr(row, f.attname), names)
            if new != EMPTY:
                entry.changes.append(FieldChange(capfirst(f.verbose_name), EMPTY, new))
    elif action == "changed":
        if previous is None:
            entry.earlier_unknown = True
            return entry
        by_name = {f.name: f for f in fields}
        delta = row.diff_against(previous, included_fields=list(by_name))
        for change in delta.changes:
            f = by_name[change.field]
            entry.changes.append(
                FieldChange(capfirst(f.verbose_name), _shown(f, change.old, names), _shown(f, change.new, names))
            )
        if not entry.changes and not entry.reason:  # saved without changing anything a person reads
            return None
    return entry


def history_entries(models: tuple[type[Model], ...], lookup: str, pk: int) -> list[Entry]:
    """The recorded changes of the object(s) whose history rows have `lookup` = pk, newest first."""
    entries = []
    for model in models:
        history_model = model.history.model
        newest = (
            model.history.filter(**{lookup: pk})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[:MAX_ROWS]
        )
        rows = list(reversed(newest))
        fields = _shown_fields(history_model)
        names = _related_names(history_model, rows)
        source = capfirst(model._meta.verbose_name) if len(models) > 1 else ""
        previous_of: dict[int, object] = {}  # per object: a school's settings row may be deleted and made anew
        for row in rows:
            entry = _entry(row, previous_of.get(row.id), fields, names, source)
            previous_of[row.id] = row
            if entry is not None:
                entries.append((entry.when, row.history_id, entry))
    entries.sort(key=lambda item: item[:2], reverse=True)
    return [entry for _when, _id, entry in entries]
