"""Fixtures of the placements tests: the world's company's induction template and the checklist made from it."""

import pytest

from placements.induction.services import checklist_from_template
from placements.models import InductionTemplate, InductionTemplateItem, Section


@pytest.fixture
def template(world):
    template = InductionTemplate.objects.create(company=world.company, name="Bakery induction", is_default=True)
    for position, (section, title, responsible, due_day) in enumerate(
        [
            (Section.ORGANISATION, "Tour of the bakery", "Marieke", 1),
            (Section.HOUSE_RULES, "Hair net and clean apron", "Marieke", 1),
            (Section.CALAMITIES, "Assembly point at the church square", "Jan, emergency responder", 2),
            (Section.SAFETY, "Using the dough divider safely", "Marieke", 5),
        ],
        start=1,
    ):
        InductionTemplateItem.objects.create(
            template=template,
            section=section,
            title=title,
            responsible=responsible,
            due_day=due_day,
            position=position,
        )
    return template


@pytest.fixture
def checklist(world, template):
    return checklist_from_template(world.placement, template)
