"""Practical guidance for a mentor facing a boundary situation, and the obstacles mentoring often meets.

The situations follow the exercise "Grenzen: hoe ver wil je gaan?" (seed 003) and the critical situations of
seed 001; the advice is our own. Categories in ALWAYS_ESCALATE touch the learner's safety or the integrity of
the placement, so the school hears of them the day they are recorded, whatever the mentor decides.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..models import Incident

Category = Incident.Category


@dataclass(frozen=True)
class Guidance:
    category: str
    steps: tuple[Promise, ...]
    always_escalate: bool = False

    @property
    def label(self) -> str:
        return Category(self.category).label


_STEPS: dict[str, tuple[Promise, ...]] = {
    Category.LATENESS: (
        _("Talk about it the same day, calmly and in private."),
        _("Agree on the rule: what time they start and whom they call when they are running late."),
        _("Record it here, so a pattern becomes visible before it becomes a problem."),
    ),
    Category.SICK_DAYS: (
        _("Follow the company's sick-leave procedure; do not ask about the illness itself."),
        _("Mention the pattern you see (for example always on Fridays) and ask whether something is going on."),
        _("Inform the school supervisor when the pattern continues; the school may know more."),
    ),
    Category.DISTRACTED: (
        _("Give the learner a clear task and a place where they can work on it."),
        _("Ask the colleagues involved to help the learner keep focus."),
        _("Review together at the end of the day what got done."),
    ),
    Category.NO_MOTIVATION: (
        _("Ask what the learner does find interesting, and link the goals to that."),
        _("Make the next goal smaller and reachable within a week."),
        _("Discuss it with the school supervisor at the next tripartite meeting."),
    ),
    Category.NOT_COOPERATING: (
        _("Describe the behaviour you saw, not the person, and ask how the learner sees it."),
        _("Agree on one concrete thing to do differently and give an example."),
        _("Let the learner work with one colleague first before the whole team."),
    ),
    Category.CONFLICT: (
        _("Separate the people involved first, then listen to each of them on their own."),
        _("Follow the house rules; a physical fight always goes to the manager."),
        _("Inform the school supervisor; escalate when someone was hurt or threatened."),
    ),
    Category.BELOW_LEVEL: (
        _("Check whether the tasks fit the learner's programme and level."),
        _("Offer a task with more responsibility and agree on what good work looks like."),
        _("Adjust the coaching plan with the school supervisor if the goals are too easy."),
    ),
    Category.GIVES_UP: (
        _("Split the new skill into small steps and celebrate each one."),
        _("Show it first, then do it together, then let the learner do it alone."),
        _("Talk about mistakes as part of learning, and share one of your own."),
    ),
    Category.BULLYING: (
        _("Take the learner seriously, thank them for telling you and write down what they say."),
        _("Make sure they are safe at work now, for example by changing who they work with."),
        _("Escalate to the school today and involve the manager or confidential adviser of the company."),
    ),
    Category.SUBSTANCE_USE: (
        _("Do not diagnose or accuse; describe only what you observed."),
        _("Ensure safety: someone who may be under the influence does not work with machines, vehicles or clients."),
        _("Escalate to the school today and follow the company's policy on alcohol and drugs."),
    ),
    Category.POLICE: (
        _("Listen without judging and do not investigate the matter yourself."),
        _("Consider whether it affects the work or the safety of others."),
        _("Escalate to the school today; the school decides who else needs to know."),
    ),
    Category.RAN_AWAY: (
        _("Ask whether the learner has a safe place to sleep tonight."),
        _("Do not take the learner into your own home."),
        _("Escalate to the school today; the school contacts the right care services."),
    ),
    Category.PRIVATE_CONTACT: (
        _("Keep contact through work channels: the work phone, the work e-mail or this site."),
        _("Explain why: a clear line between work and private life protects both of you."),
        _("Tell the learner how to reach you or a colleague when something urgent happens."),
    ),
    Category.SOCIAL_MEDIA: (
        _("Do not accept the request while the placement runs, and say so kindly in person."),
        _("Explain that it is a professional boundary, not a rejection."),
        _("Check the company's social-media policy and record what you agreed."),
    ),
    Category.GIFTS: (
        _("Refuse money or gifts in exchange for favours, and say clearly why."),
        _("Keep your assessment independent of it, and record what happened."),
        _("Escalate to the school today and inform your manager."),
    ),
    Category.OTHER: (
        _("Describe what happened factually: who, what, when and where."),
        _("Ask yourself whether the learner or others are at risk; if so, escalate today."),
        _("When in doubt, call the school supervisor."),
    ),
}

ALWAYS_ESCALATE = frozenset(
    {Category.BULLYING, Category.SUBSTANCE_USE, Category.POLICE, Category.RAN_AWAY, Category.GIFTS}
)

GUIDANCE: dict[str, Guidance] = {
    category: Guidance(category=category, steps=_STEPS[category], always_escalate=category in ALWAYS_ESCALATE)
    for category in Category.values
}


def guidance_for(category: str) -> Guidance | None:
    return GUIDANCE.get(category)


def all_guidance() -> list[Guidance]:
    """In the order of the category choices, so the page lists them as the select does."""
    return [GUIDANCE[category] for category in Category.values]


# Obstacles mentoring programmes often meet (seed 003, "Belemmeringen omvatten"), each with a first step.
COMMON_OBSTACLES: tuple[tuple[Promise, Promise], ...] = (
    (
        _("Mentor and learner are a poor match."),
        _("Name it early and discuss it with the school supervisor; another mentor is better than a lost year."),
    ),
    (
        _("Too little support from higher management."),
        _("Show management what the placement brings and agree on the time the mentor may spend on it."),
    ),
    (
        _("Resentment among colleagues who were not chosen to mentor."),
        _("Be open about how mentors are chosen and involve colleagues in parts of the coaching."),
    ),
    (
        _("Unrealistic expectations of what mentoring can achieve."),
        _("Write down together what the mentor will and will not do, and review it at each tripartite meeting."),
    ),
    (
        _("Blurred boundaries between the roles of manager and mentor."),
        _("Say which hat you are wearing in a conversation; keep assessment and coaching moments apart."),
    ),
)
