"""Writes of the induction programme: company templates and the checklist of a placement."""

from django.db import transaction

from .models import InductionChecklist, InductionItem, InductionTemplate, Placement

COPIED_FIELDS = ("section", "title", "description", "responsible", "due_day", "position")


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
