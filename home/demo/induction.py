"""Demo induction: host companies with a default template, and checklists on the demo mentor's placements.

The first learner's induction is done and confirmed; the second is half-way, with the house rules still to
confirm, so both views of the checklist are there to look at.
"""

from django.utils import translation

from placements.induction.services import (
    checklist_from_template,
    item_confirm,
    item_set_done,
    template_create,
    template_set_default,
)
from placements.models import SECTIONS_LEARNER_CONFIRMS, InductionTemplate, Placement

MENTOR_EMAIL = "mentor@demo.werkmentor.nl"


def _default_template(company) -> InductionTemplate:
    template = InductionTemplate.objects.filter(company=company, is_default=True).first()
    if template is None:
        with translation.override("en"):  # demo content is in English, like the rest of the demo
            template = template_create(company=company, name="Induction for new learners", with_standard_items=True)
        template_set_default(template=template)
    return template


def seed(placements: list[Placement], today) -> None:
    companies = {p.company_id: p.company for p in placements if p.is_open}
    templates = {company_id: _default_template(company) for company_id, company in companies.items()}
    mentored = [p for p in placements if p.mentor.email == MENTOR_EMAIL and p.status == Placement.Status.ACTIVE]
    for number, placement in enumerate(mentored[:2]):
        if hasattr(placement, "induction"):
            continue
        checklist = checklist_from_template(placement, templates[placement.company_id])
        items = list(checklist.items.order_by("due_day", "position"))
        # The first learner finished the induction; the second is half-way through it.
        to_tick = items if number == 0 else items[: len(items) // 2]
        for item in to_tick:
            item_set_done(item=item, by=placement.mentor, done=True)
            if number == 0 and item.section in SECTIONS_LEARNER_CONFIRMS:
                item_confirm(item=item)
