"""Merging two records of one company into one: every row of every app that points to the merged record is
pointed to the kept one, details the kept record lacks are copied, and the merged record is deleted.

The links are found in the model registry (`Company._meta.related_objects`), so a new app's foreign key to
Company is merged without this module knowing it. A link that would break a unique rule on the kept company
(the same person's role at both records, both records' default induction template) is resolved: a row that
only differs by a flag (`is_default=True`) keeps its data and loses the flag; any other is a duplicate and is
dropped (a dropped role that is still running reopens its twin), unless it is a protected record
(core/protection.py), when the merge is refused. Audited rows are re-pointed with a history row each (by whom,
marked as a merge); certificates keep the company name, city and country they were issued with (their
snapshot), only their link moves.
"""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from accounts.models import Company, User
from core.protection import is_protected, protected_among, refusal

from ...models import CompanyMerge

# The change reason of the history rows a merge writes (home/history/ names it).
MERGE_REASON = "company-merge"
# Copied as one: a kept company without any accreditation takes the other's, never a mix of the two.
ACCREDITATION_GROUP = ("accreditation_status", "accredited_on", "accreditation_valid_until", "accreditation_reason")
BATCH = 500
# An end date on a linked row (a role's "ended"): of two duplicates, one without it means the link still runs.
STILL_RUNNING = ("ended_at",)


@dataclass(frozen=True)
class Link:
    model: type[models.Model]
    field: models.ForeignKey

    @property
    def label(self) -> str:
        return capfirst(self.model._meta.verbose_name_plural)

    def rows(self, company: Company) -> models.QuerySet:
        return self.model._base_manager.filter(**{self.field.name: company})


@dataclass
class LinkCount:
    label: str
    moved: int
    dropped: int


def company_links() -> list[Link]:
    """Every foreign key to Company in every installed app (many-to-many ones through their table)."""
    links = []
    for rel in Company._meta.related_objects:
        if rel.many_to_many:
            through = rel.through
            links += [Link(through, f) for f in through._meta.fields if f.is_relation and f.related_model is Company]
        else:
            links.append(Link(rel.related_model, rel.field))
    for m2m in Company._meta.many_to_many:
        through = m2m.remote_field.through
        links += [Link(through, f) for f in through._meta.fields if f.is_relation and f.related_model is Company]
    return links


def _unique_sets(link: Link) -> list[tuple[list[str], Q | None]]:
    """The unique rules that name the link's field: (the other fields, the condition)."""
    model, name = link.model, link.field.name
    sets: list[tuple[list[str], Q | None]] = [([], None)] if link.field.unique else []
    for together in model._meta.unique_together:
        if name in together:
            sets.append(([f for f in together if f != name], None))
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and name in (constraint.fields or ()):
            sets.append(([f for f in constraint.fields if f != name], constraint.condition))
    return sets


def _flags(model, condition: Q | None) -> list[str] | None:
    """The boolean fields of a condition like `is_default=True`, or None when the condition is anything else."""
    if condition is None or condition.negated or condition.connector != Q.AND:
        return None
    names = []
    for child in condition.children:
        if not (isinstance(child, tuple) and child[1] is True):
            return None
        try:
            field = model._meta.get_field(child[0])
        except FieldDoesNotExist:
            return None
        if not isinstance(field, models.BooleanField):
            return None
        names.append(child[0])
    return names


def _clashes(link: Link, kept: Company, removed: Company, others: list[str], condition) -> dict[int, int]:
    """{row of the merged record: the kept company's row it would duplicate} under this unique rule."""
    theirs, ours = link.rows(removed), link.rows(kept)
    if condition is not None:
        theirs, ours = theirs.filter(condition), ours.filter(condition)
    if not others:
        first = ours.values_list("pk", flat=True).first()
        return dict.fromkeys(theirs.values_list("pk", flat=True), first) if first is not None else {}
    taken = {tuple(key): pk for pk, *key in ours.values_list("pk", *others)}
    return {
        pk: taken[tuple(key)]
        for pk, *key in theirs.values_list("pk", *others)
        if None not in key and tuple(key) in taken
    }


def _keep_open(link: Link, duplicates: list, twins: dict[int, int], by: User | None) -> None:
    """A duplicate still running (no end date) keeps its twin running: a mentor who left one record of the
    company but still works there under the other keeps their role."""
    names = [name for name in STILL_RUNNING if _has_field(link.model, name)]
    running = {twins[row.pk] for row in duplicates for name in names if getattr(row, name) is None}
    reopened = [row for row in link.model._base_manager.filter(pk__in=running) if any(getattr(row, n) for n in names)]
    for row in reopened:
        for name in names:
            setattr(row, name, None)
    _write(link.model, reopened, names, by)


def _has_field(model, name: str) -> bool:
    try:
        return model._meta.get_field(name).null
    except FieldDoesNotExist:
        return False


def _is_audited(model) -> bool:
    return getattr(model._meta, "simple_history_manager_attribute", None) is not None


def _write(model, objs: list, fields: list[str], by: User | None) -> None:
    if not objs:
        return
    if _is_audited(model):
        bulk_update_with_history(
            objs,
            model,
            fields,
            batch_size=BATCH,
            default_user=by,
            default_change_reason=MERGE_REASON,
            manager=model._base_manager,
        )
    else:
        model._base_manager.bulk_update(objs, fields, batch_size=BATCH)


def _resolve(link: Link, kept: Company, removed: Company, by: User | None, *, apply: bool) -> int:
    """Clear the way for the link's rows; the number of duplicates dropped (or to drop, when not `apply`)."""
    dropped = 0
    for others, condition in _unique_sets(link):
        clashes = _clashes(link, kept, removed, others, condition)
        if not clashes:
            continue
        flags = _flags(link.model, condition)
        rows = list(link.model._base_manager.filter(pk__in=list(clashes)))
        if flags is not None:  # keep the row, without the flag the kept company's own row already holds
            if apply:
                for row in rows:
                    for flag in flags:
                        setattr(row, flag, False)
                _write(link.model, rows, flags, by)
            continue
        protected = protected_among(rows)
        if protected:  # a duplicate that may not be deleted: the coordinator sorts it out first
            first = protected[0]
            raise ValidationError(
                refusal(first)
                if is_protected(first)
                else _("A record linked to the company cannot be removed, so the two companies cannot be merged.")
            )
        dropped += len(rows)
        if apply:
            _keep_open(link, rows, clashes, by)
            for row in rows:
                row._history_user = by
                row._change_reason = MERGE_REASON
                row.delete()
    return dropped


def merge_preview(kept: Company, removed: Company) -> list[LinkCount]:
    """What would move from `removed` to `kept`, per kind of record (only kinds that have rows)."""
    counts = []
    for link in company_links():
        total = link.rows(removed).count()
        if total:
            dropped = _resolve(link, kept, removed, None, apply=False)
            counts.append(LinkCount(link.label, total - dropped, dropped))
    return counts


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _has_accreditation(company: Company) -> bool:
    return company.accreditation_status != Company.Accreditation.PENDING or any(
        not _empty(getattr(company, name)) for name in ACCREDITATION_GROUP[1:]
    )


def fields_to_copy(kept: Company, removed: Company) -> list[models.Field]:
    """The details the kept record lacks and the merged one has (its accreditation only as a whole)."""
    fields = [
        f
        for f in Company._meta.concrete_fields
        if f.editable
        and not f.primary_key
        and f.name not in ACCREDITATION_GROUP
        and _empty(getattr(kept, f.attname))
        and not _empty(getattr(removed, f.attname))
    ]
    number = removed.registration_number
    if (
        number
        and Company.objects.filter(country=kept.country, registration_number=number)
        .exclude(pk__in=[kept.pk, removed.pk])
        .exists()
    ):  # a third company holds that number in the kept one's country: leave it there
        fields = [f for f in fields if f.name != "registration_number"]
    if not _has_accreditation(kept) and _has_accreditation(removed):
        fields += [Company._meta.get_field(name) for name in ACCREDITATION_GROUP]
    return fields


@transaction.atomic
def merge_companies(*, kept_id: int, removed_id: int, by: User | None) -> CompanyMerge:
    """Merge company `removed_id` into `kept_id` in one transaction; the record of it is returned."""
    if kept_id == removed_id:
        raise ValidationError(_("A company cannot be merged with itself."))
    locked = Company.objects.select_for_update().filter(pk__in=[kept_id, removed_id]).order_by("pk")
    companies = {company.pk: company for company in locked}
    if len(companies) != 2:
        raise ValidationError(_("One of the two companies no longer exists; it may have been merged already."))
    kept, removed = companies[kept_id], companies[removed_id]
    moved: dict[str, int] = {}
    for link in company_links():
        dropped = _resolve(link, kept, removed, by, apply=True)
        rows = list(link.rows(removed))
        for row in rows:
            setattr(row, link.field.attname, kept.pk)
        _write(link.model, rows, [link.field.name], by)
        if rows or dropped:
            moved[link.model._meta.label_lower] = len(rows)
            if dropped:
                moved[f"{link.model._meta.label_lower}:dropped"] = dropped
    kept.refresh_from_db()  # a link of Company to itself may have changed it
    copied = fields_to_copy(kept, removed)
    if protected_among([removed]):  # nothing should be left on it; this is the last line
        raise ValidationError(_("The company still holds records that cannot be removed; nothing was merged."))
    snapshot = {f.attname: getattr(removed, f.attname) for f in copied}
    record = CompanyMerge(
        kept=kept,
        merged_company_id=removed.pk,
        merged_name=removed.name,
        merged_city=removed.city,
        merged_registration_number=removed.registration_number,
        merged_by=by,
        moved=moved,
        copied_fields=[f.name for f in copied],
    )
    removed._history_user, removed._change_reason = by, MERGE_REASON
    removed.delete()
    for attname, value in snapshot.items():
        setattr(kept, attname, value)
    kept._history_user, kept._change_reason = by, MERGE_REASON
    kept.save()
    record.save()
    return record
