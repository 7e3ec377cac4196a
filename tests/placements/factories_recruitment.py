"""Small builders for recruitment and selection tests: an opening of the `world` company, candidates, scores."""

from datetime import timedelta

from django.utils import timezone

from placements.models import Candidate, CandidateProfile, InductionTemplate, Opening, SelectionCriterion
from placements.selection.services import Entry, sheet_save

CRITERIA = (
    ("Works hygienically", "How do you keep your workplace clean? What do you do when you drop dough on the floor?"),
    ("Customer contact", "Tell about a time you helped a customer who was not satisfied."),
    ("Motivation for the trade", "Why bakery? What did you bake last at home?"),
)


def make_opening(world, **kwargs) -> Opening:
    """A published opening of the bakery, starting well after the `world` placement has ended.

    `programmes` defaults to the world's programme, `interviewers` to the bakery's two work mentors.
    """
    today = timezone.localdate()
    programmes = kwargs.pop("programmes", [world.programme])
    interviewers = kwargs.pop("interviewers", [world.mentor, world.colleague_mentor])
    kwargs.setdefault("company", world.company)
    kwargs.setdefault("created_by", world.company_admin)
    kwargs.setdefault("title", "Assistant baker")
    kwargs.setdefault("tasks", "Knead the dough\nServe customers")
    kwargs.setdefault("required_skills", ["baking", "hygiene"])
    kwargs.setdefault("hours_per_week", 32)
    kwargs.setdefault("city", "Utrecht")
    kwargs.setdefault("country", "NL")
    kwargs.setdefault("start_date", today + timedelta(days=120))
    kwargs.setdefault("end_date", today + timedelta(days=300))
    kwargs.setdefault("status", Opening.Status.PUBLISHED)
    if kwargs["status"] != Opening.Status.DRAFT:
        kwargs.setdefault("published_at", timezone.now())
    opening = Opening.objects.create(**kwargs)
    opening.programmes.set(programmes)
    opening.interviewers.set(interviewers)
    return opening


def add_criteria(opening: Opening, criteria=CRITERIA) -> list[SelectionCriterion]:
    return [
        SelectionCriterion.objects.create(opening=opening, title=title, questions=questions, position=index)
        for index, (title, questions) in enumerate(criteria)
    ]


def make_profile(learner, school, **kwargs) -> CandidateProfile:
    """A filled-in candidate profile, available for a year from today, that fits the default opening."""
    today = timezone.localdate()
    kwargs.setdefault("energisers", "Early mornings and the smell of fresh bread.")
    kwargs.setdefault("qualities", ["baking", "friendly"])
    kwargs.setdefault("points_of_attention", "Asks for help late.")
    kwargs.setdefault("preferences", "A small team.")
    kwargs.setdefault("network", "My uncle runs Bakkerij Jansen in Gouda.")
    kwargs.setdefault("preferred_sectors", ["food production"])
    kwargs.setdefault("preferred_locations", ["utrecht"])
    kwargs.setdefault("hours_per_week", 32)
    kwargs.setdefault("available_from", today)
    kwargs.setdefault("available_until", today + timedelta(days=365))
    return CandidateProfile.objects.create(learner=learner, school=school, **kwargs)


def make_candidate(opening: Opening, learner, alias: str | None = None, **kwargs) -> Candidate:
    """A candidate for `opening`; the alias defaults to the next letter (A, B, ...)."""
    kwargs.setdefault("motivation", "I love baking bread for people.")
    if alias is None:
        alias = chr(ord("A") + opening.candidates.count())
    return Candidate.objects.create(opening=opening, learner=learner, alias=alias, **kwargs)


def score(candidate: Candidate, interviewer, values, *, submit=True, evidence="Said so in the interview ({})."):
    """Fill in the interviewer's sheet through the service: `values` are the scores in the criteria's order."""
    criteria = list(candidate.opening.criteria.order_by("position", "pk"))
    entries = {
        criterion.pk: Entry(value, evidence.format(f"{interviewer.email} {criterion.title} {value}"))
        for criterion, value in zip(criteria, values, strict=False)
    }
    return sheet_save(candidate=candidate, interviewer=interviewer, entries=entries, submit=submit)


def default_induction_template(company, items=(("house_rules", "Read the house rules", "the work mentor"),)):
    template = InductionTemplate.objects.create(company=company, name="Bakery induction", is_default=True)
    for position, (section, title, responsible) in enumerate(items):
        template.items.create(section=section, title=title, responsible=responsible, position=position)
    return template
