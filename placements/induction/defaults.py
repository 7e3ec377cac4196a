"""Suggested items for a company's induction programme (work process 1.2: introduce and induct).

A company admin who starts a template "from the standard items" gets these, one or more for each section,
and adapts them to the company. They only spare a blank page: nothing here is binding.
"""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from ..models import Section


class SuggestedItem(NamedTuple):
    section: str
    title: str
    description: str
    responsible: str
    due_day: int


WORK_MENTOR = _("the work mentor")
COMPANY_RESPONDER = _("the company emergency responder (BHV)")
RECEPTION = _("reception or the office")

STANDARD_ITEMS = (
    SuggestedItem(
        Section.ORGANISATION,
        _("Welcome and tour of the premises"),
        _("Meet at the agreed time, walk through the building and the workplaces, and show where everything is."),
        WORK_MENTOR,
        1,
    ),
    SuggestedItem(
        Section.ORGANISATION,
        _("Who is who"),
        _("Introduce the direct colleagues, the manager and the people to turn to with questions."),
        WORK_MENTOR,
        1,
    ),
    SuggestedItem(
        Section.ORGANISATION,
        _("What the company does"),
        _("Products and services, customers, how the company is organised and where the learner fits in."),
        WORK_MENTOR,
        3,
    ),
    SuggestedItem(
        Section.PROCESSES,
        _("The main work processes"),
        _("Walk through the daily work from start to finish: who does what, in which order, and why."),
        WORK_MENTOR,
        2,
    ),
    SuggestedItem(
        Section.PROCESSES,
        _("Procedures and systems"),
        _("How orders, planning, quality checks and reporting work; the systems and forms the learner uses."),
        WORK_MENTOR,
        5,
    ),
    SuggestedItem(
        Section.HOUSE_RULES,
        _("Working hours, breaks and calling in sick"),
        _("Start and end times, breaks, clocking in, and whom to call before the start of the day when ill."),
        WORK_MENTOR,
        1,
    ),
    SuggestedItem(
        Section.HOUSE_RULES,
        _("Phone use, clothing and conduct"),
        _("When a phone may be used, the dress code or work clothes, and how we treat colleagues and customers."),
        WORK_MENTOR,
        1,
    ),
    SuggestedItem(
        Section.HOUSE_RULES,
        _("Confidentiality and privacy"),
        _("What stays inside the company: customer data, prices, recipes, photos and social media."),
        WORK_MENTOR,
        2,
    ),
    SuggestedItem(
        Section.DIRECTIONS,
        _("Company directions and work instructions"),
        _("The written instructions for the learner's tasks: where they are kept and how to follow them."),
        WORK_MENTOR,
        3,
    ),
    SuggestedItem(
        Section.DIRECTIONS,
        _("Whom to ask, and when to stop"),
        _("Which decisions the learner takes alone, and when to stop and ask the work mentor first."),
        WORK_MENTOR,
        3,
    ),
    SuggestedItem(
        Section.CALAMITIES,
        _("Emergency exits and the assembly point"),
        _("Walk the escape routes, show the emergency exits and the assembly point outside."),
        COMPANY_RESPONDER,
        1,
    ),
    SuggestedItem(
        Section.CALAMITIES,
        _("Alarm, first aid and the emergency responders"),
        _(
            "What the alarm sounds like, what to do when it goes, who the emergency responders are, and where "
            "the first-aid kit and fire extinguishers hang."
        ),
        COMPANY_RESPONDER,
        1,
    ),
    SuggestedItem(
        Section.CALAMITIES,
        _("Reporting accidents and near misses"),
        _("Whom to tell straight away, and how an accident or a near miss is recorded."),
        WORK_MENTOR,
        2,
    ),
    SuggestedItem(
        Section.SAFETY,
        _("Safety instructions for the workplace"),
        _("The risks of the machines, tools and substances the learner works with, and the safe way to work."),
        WORK_MENTOR,
        1,
    ),
    SuggestedItem(
        Section.SAFETY,
        _("Personal protective equipment"),
        _("Which protective equipment is required where, how to wear it, and where to get new."),
        WORK_MENTOR,
        1,
    ),
    SuggestedItem(
        Section.PRACTICAL,
        _("Locker, badge and keys"),
        _("Hand out the locker, the access badge and any keys; explain what to do when one is lost."),
        RECEPTION,
        1,
    ),
    SuggestedItem(
        Section.PRACTICAL,
        _("Canteen, parking and travel"),
        _("Where to eat and park, bicycle storage, and travel expenses where they apply."),
        RECEPTION,
        1,
    ),
    SuggestedItem(
        Section.PRACTICAL,
        _("Accounts and equipment"),
        _("Log-ins, e-mail, work phone or tablet, and the tools the learner gets on loan."),
        RECEPTION,
        2,
    ),
)
