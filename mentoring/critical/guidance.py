"""What a mentor can do when their own conduct as a coach is at stake: seed 001's critical situations.

The seed names the situations (corruption, a double agenda, unrealistic demands, relationships out of hand,
a weak network); the advice below is our own wording.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..models import CriticalSituation

Category = CriticalSituation.Category


@dataclass(frozen=True)
class Guidance:
    category: str
    steps: tuple[Promise, ...]

    @property
    def label(self) -> str:
        return Category(self.category).label


_STEPS: dict[str, tuple[Promise, ...]] = {
    Category.GIFTS: (
        _("Say no kindly but clearly: you cannot accept money or gifts in return for favours."),
        _("Check your company's rules on gifts; a small thank-you at the end is not the same as a favour bought."),
        _("Record what was offered and by whom, and tell your own manager and the school supervisor."),
    ),
    Category.DOUBLE_AGENDA: (
        _("Tell the learner and the employer the same story: what the learner can do now, and what not yet."),
        _("Do not make the situation look better than it is to keep someone happy; it costs trust later."),
        _("When interests clash (the company's and the learner's), name the clash and discuss it openly."),
    ),
    Category.UNREALISTIC_DEMANDS: (
        _("Check your demands against what the work and the company can really offer."),
        _("Turn good intentions into goals that are achievable within the placement; make them SMART."),
        _("Ask the school supervisor what is usual at this level of the programme."),
    ),
    Category.RELATIONSHIP: (
        _("Keep the relationship professional: no private contact outside work, no favourites."),
        _("In a serious conflict, pause the discussion and agree to talk again with a third person present."),
        _("Ask the school for support early; a supervisor can mediate or take over part of the coaching."),
    ),
    Category.WEAK_NETWORK: (
        _("Make a list of the people you need: colleagues, the school supervisor, the company admin, others."),
        _("Plan regular contact with the school, not only when something goes wrong."),
        _("Use the mentor course and peer consultation with other mentors to build your network."),
    ),
}

GUIDANCE = {category: Guidance(category=category, steps=steps) for category, steps in _STEPS.items()}


def guidance_for(category: str) -> Guidance | None:
    return GUIDANCE.get(category)


def all_guidance() -> list[Guidance]:
    return [GUIDANCE[value] for value in Category.values]
