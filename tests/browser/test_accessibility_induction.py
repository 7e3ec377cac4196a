"""axe-core on the induction checklist with overdue items: the red "Remove" buttons sit on a warning row and
must keep 4.5:1 contrast there (issue 12)."""

import pytest
from playwright.sync_api import expect

from placements.induction.services import checklist_from_template
from placements.models import InductionTemplate, InductionTemplateItem, Section


@pytest.fixture
def overdue_checklist(world):
    """The world's placement started a month ago, so items due on its first days are overdue and not done."""
    template = InductionTemplate.objects.create(company=world.company, name="Bakery induction", is_default=True)
    for position, (section, title, due_day) in enumerate(
        [
            (Section.ORGANISATION, "Tour of the bakery", 1),
            (Section.SAFETY, "Using the dough divider safely", 2),
            (Section.HOUSE_RULES, "Hair net and clean apron", 3),
        ],
        start=1,
    ):
        InductionTemplateItem.objects.create(
            template=template, section=section, title=title, responsible="Marieke", due_day=due_day, position=position
        )
    return checklist_from_template(world.placement, template)


def _contrast(page, locator) -> float:
    """The WCAG contrast ratio of the element's text colour against the background it sits on."""
    return locator.evaluate(
        """(el) => {
            const rgb = (s) => s.match(/[\\d.]+/g).slice(0, 4).map(Number);
            const lum = ([r, g, b]) => {
                const c = [r, g, b].map((v) => {
                    v /= 255;
                    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
                });
                return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            };
            let bg = el, colour;
            while (bg) {
                const value = rgb(getComputedStyle(bg).backgroundColor);
                if (value.length < 4 || value[3] > 0) { colour = value; break; }
                bg = bg.parentElement;
            }
            const fg = lum(rgb(getComputedStyle(el).color));
            const back = lum(colour || [255, 255, 255]);
            return (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
        }"""
    )


@pytest.mark.parametrize("language", ["en", "nl"])
def test_induction_checklist_with_overdue_items(page, axe, log_in, set_language, world, overdue_checklist, language):
    log_in(world.mentor)
    set_language(language)
    page.goto(f"/placements/{world.placement.pk}/induction/")
    overdue_rows = page.locator("main li.list-group-item-warning")
    expect(overdue_rows).to_have_count(3)
    remove = overdue_rows.first.locator("button.btn-outline-danger")
    expect(remove).to_be_visible()
    assert _contrast(page, remove) >= 4.5
    violations = axe(lang=language)  # fails on any serious or critical violation, colour contrast included
    assert not [v for v in violations if v["id"] == "color-contrast"]


def test_induction_template_remove_buttons(page, axe, log_in, world, overdue_checklist):
    log_in(world.company_admin)
    page.goto(f"/placements/induction-templates/{overdue_checklist.template_id}/")
    remove = page.locator("main button.btn-outline-danger").first
    expect(remove).to_be_visible()
    assert _contrast(page, remove) >= 4.5
    axe(lang="en")
