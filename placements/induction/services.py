"""Writes of the induction programme: company templates and the checklist of a placement."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Company, User

from ..models import (
    SECTIONS_LEARNER_CONFIRMS,
    InductionChecklist,
    InductionItem,
    InductionTemplate,
    InductionTemplateItem,
    Placement,
)
from .defaults import STANDARD_ITEMS

COPIED_FIELDS = ("section", "title", "description", "responsible", "due_day", "position")
ITEM_FIELDS = ("section", "title", "description", "responsible", "due_day")


@transaction.atomic
def checklist_from_template(
    placement: Placement, template: InductionTemplate | None = None
) -> InductionChecklist | None:
    """The placement's checklist, made from `template` or the company's default; None when there is neither.

    A placement has one checklist: when it exists already it is returned unchanged.
    """
    existing = InductionChecklist.objects.filter(placement=placement).first()
    if existing is not None:
        return existing
    if template is None:
        template = InductionTemplate.objects.filter(company_id=placement.company_id, is_default=True).first()
    if template is None:
        return None
    checklist = InductionChecklist.objects.create(placement=placement, template=template)
    InductionItem.objects.bulk_create(
        InductionItem(checklist=checklist, **{name: getattr(item, name) for name in COPIED_FIELDS})
        for item in template.items.all()
    )
    return checklist


# --- Company templates -----------------------------------------------------------------------------------


def _next_position(items) -> int:
    return (items.aggregate(highest=Max("position"))["highest"] or 0) + 1


def _touch(template: InductionTemplate) -> None:
    template.save(update_fields=["updated_at"])


@transaction.atomic
def template_create(*, company: Company, name: str, with_standard_items: bool = False) -> InductionTemplate:
    """A new template; with the standard items it covers all seven sections at once, in the creator's language."""
    template = InductionTemplate.objects.create(company=company, name=name)
    if with_standard_items:
        InductionTemplateItem.objects.bulk_create(
            InductionTemplateItem(
                template=template,
                section=item.section,
                title=str(item.title),
                description=str(item.description),
                responsible=str(item.responsible),
                due_day=item.due_day,
                position=position,
            )
            for position, item in enumerate(STANDARD_ITEMS, start=1)
        )
    return template


def template_rename(*, template: InductionTemplate, name: str) -> InductionTemplate:
    template.name = name
    template.save(update_fields=["name", "updated_at"])
    return template


def template_delete(*, template: InductionTemplate) -> None:
    """Checklists made from it keep their own copies of the items."""
    template.delete()


@transaction.atomic
def template_set_default(*, template: InductionTemplate, is_default: bool = True) -> InductionTemplate:
    """Make `template` the company's default (the previous one stops being it), or stop it being the default.

    The company's templates are locked first, so two admins switching at once end with one default and
    never trip over the database's one-default constraint.
    """
    siblings = InductionTemplate.objects.select_for_update().filter(company_id=template.company_id)
    list(siblings.order_by("pk"))
    if is_default:
        # The old default has to go before the new one comes: the constraint is checked per statement.
        siblings.filter(is_default=True).exclude(pk=template.pk).update(is_default=False)
    template.is_default = is_default
    template.save(update_fields=["is_default", "updated_at"])
    return template


@transaction.atomic
def template_item_add(*, template: InductionTemplate, data: dict) -> InductionTemplateItem:
    item = InductionTemplateItem.objects.create(
        template=template,
        position=_next_position(template.items),
        **{name: data[name] for name in ITEM_FIELDS},
    )
    _touch(template)
    return item


@transaction.atomic
def template_item_update(*, item: InductionTemplateItem, data: dict) -> InductionTemplateItem:
    """Checklists already made from the template keep the item as it was."""
    for name in ITEM_FIELDS:
        setattr(item, name, data[name])
    item.save(update_fields=list(ITEM_FIELDS))
    _touch(item.template)
    return item


@transaction.atomic
def template_item_delete(*, item: InductionTemplateItem) -> None:
    template = item.template
    item.delete()
    _touch(template)


# --- The checklist of a placement --------------------------------------------------------------------------


@transaction.atomic
def checklist_create(*, placement: Placement, template: InductionTemplate | None = None) -> InductionChecklist:
    """The placement's checklist from `template`, or an empty one; an existing checklist is returned unchanged."""
    if template is not None and template.company_id != placement.company_id:
        raise ValidationError(_("Choose one of the host company's own induction templates."), code="other_company")
    # Locking the placement makes a second click wait and then find the first checklist, instead of failing.
    Placement.objects.select_for_update().filter(pk=placement.pk).first()
    if template is not None:
        return checklist_from_template(placement, template)
    checklist, _created = InductionChecklist.objects.get_or_create(placement=placement)
    return checklist


@transaction.atomic
def item_add(*, checklist: InductionChecklist, data: dict) -> InductionItem:
    return InductionItem.objects.create(
        checklist=checklist,
        position=_next_position(checklist.items),
        **{name: data[name] for name in ITEM_FIELDS},
    )


def _locked_item(item: InductionItem) -> InductionItem:
    return InductionItem.objects.select_for_update().get(pk=item.pk)


def _refuse_if_confirmed(item: InductionItem, message: str) -> None:
    # The learner confirmed having received this text: changing it afterwards would change what they confirmed.
    if item.learner_confirmed_at is not None:
        raise ValidationError(message, code="confirmed")


@transaction.atomic
def item_update(*, item: InductionItem, data: dict) -> InductionItem:
    """Correct an item of this placement's checklist; the company's templates stay as they are."""
    item = _locked_item(item)
    _refuse_if_confirmed(item, _("The learner has confirmed receiving this item, so it can no longer be changed."))
    for name in ITEM_FIELDS:
        setattr(item, name, data[name])
    item.save(update_fields=list(ITEM_FIELDS))
    return item


@transaction.atomic
def item_delete(*, item: InductionItem) -> None:
    """Remove an item that is neither done nor confirmed: what happened in the induction stays on record."""
    item = _locked_item(item)
    _refuse_if_confirmed(item, _("The learner has confirmed receiving this item, so it stays on the checklist."))
    if item.done_at is not None:
        raise ValidationError(_("This item is done; mark it open again before removing it."), code="done")
    item.delete()


@transaction.atomic
def item_set_done(*, item: InductionItem, by: User, done: bool) -> InductionItem:
    """Tick an item done or take the tick back. Ticking a done item again keeps who did it first, and when."""
    item = InductionItem.objects.select_for_update().get(pk=item.pk)
    if done and item.done_at is None:
        item.done_at, item.done_by = timezone.now(), by
    elif not done:
        item.done_at, item.done_by = None, None
    item.save(update_fields=["done_at", "done_by"])
    return item


@transaction.atomic
def item_confirm(*, item: InductionItem) -> InductionItem:
    """The learner confirms having received a house-rules or calamity item; confirming again changes nothing."""
    if item.section not in SECTIONS_LEARNER_CONFIRMS:
        raise ValidationError(
            _("Only the house rules and the calamity and emergency procedures are confirmed by the learner."),
            code="not_confirmable",
        )
    item = InductionItem.objects.select_for_update().get(pk=item.pk)
    if item.learner_confirmed_at is None:
        item.learner_confirmed_at = timezone.now()
        item.save(update_fields=["learner_confirmed_at"])
    return item
