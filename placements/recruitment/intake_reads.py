"""Reads of intakes, workplace analyses and candidate preparations, and the fit they make together.

Who may see which is decided in placements/recruitment/access.py; these functions load what a page needs in a
fixed number of queries (one per kind of record, whatever the number of rows).
"""

from accounts.models import User

from ..models import Candidate, CandidatePreparation, CandidateProfile, Intake, Opening, WorkplaceAnalysis
from .workplace_fit import WorkplaceFit, workplace_fit


def intake_of(learner: User) -> Intake | None:
    return Intake.objects.filter(learner=learner).first()


def applications_of_learner(learner: User) -> list[Candidate]:
    """The learner's applications, for the job coach to prepare them (the interview, the job carving)."""
    return list(Candidate.objects.filter(learner=learner).select_related("opening__company").order_by("-created_at"))


def workplace_of(opening: Opening) -> WorkplaceAnalysis | None:
    return WorkplaceAnalysis.objects.filter(opening=opening).first()


def preparation_of(candidate: Candidate) -> CandidatePreparation | None:
    return CandidatePreparation.objects.filter(candidate=candidate).first()


def fit_for(workplace: WorkplaceAnalysis | None, intake: Intake | None, carved=()) -> WorkplaceFit | None:
    """None when there is nothing to compare: no workplace tasks, or no intake."""
    if workplace is None or intake is None or not workplace.tasks:
        return None
    return workplace_fit(workplace.tasks, intake.possibilities, intake.limitations, carved)


def fits_for_learners(opening: Opening, learner_ids, *, shared_only: bool) -> dict[int, WorkplaceFit]:
    """Learner id -> the fit of their intake with the opening's workplace. `shared_only`: for the company side,
    only the intakes the learner agreed to share."""
    workplace = workplace_of(opening)
    if workplace is None or not workplace.tasks:
        return {}
    intakes = Intake.objects.filter(learner_id__in=list(learner_ids))
    if shared_only:
        intakes = intakes.filter(share_with_employer=True)
    carved = dict(
        CandidatePreparation.objects.filter(candidate__opening=opening).values_list(
            "candidate__learner_id", "fitting_tasks"
        )
    )
    return {intake.learner_id: fit_for(workplace, intake, carved.get(intake.learner_id, ())) for intake in intakes}


def profile_draft(intake: Intake, profile: CandidateProfile | None) -> dict:
    """Initial values for the candidate profile form from the intake: only for fields the profile leaves empty,
    so drafting never replaces what someone wrote (and nothing is saved until the form is)."""
    attention = "\n".join(part for part in (", ".join(intake.limitations), intake.support_needs.strip()) if part)
    drafted = {
        "energisers": intake.wishes.strip(),
        "qualities": list(intake.possibilities),
        "points_of_attention": attention,
        "preferred_sectors": list(intake.preferred_sectors),
        "hours_per_week": intake.hours_per_week,
        "network": intake.network.strip(),
    }
    return {
        name: value
        for name, value in drafted.items()
        if value not in ("", [], None) and (profile is None or getattr(profile, name) in ("", [], None))
    }


def attach_workplace_fits(opening: Opening, ranked, learners, *, company_side: bool) -> None:
    """Sets `workplace_fit` on the matching page's candidates and learner rows (None where nothing compares).

    The company side sees the fit of the intakes the learner agreed to share; school staff (whose own learners
    the learner rows are) see every fit of their learners.
    """
    candidates = [candidate for candidate, _result in ranked or ()]
    rows = list(learners.object_list) if learners is not None else []
    ids = {candidate.learner_id for candidate in candidates} | {row.profile.learner_id for row in rows}
    if not ids:
        return
    everything = fits_for_learners(opening, ids, shared_only=False)
    shared = fits_for_learners(opening, ids, shared_only=True) if company_side else {}
    own_ids = {row.profile.learner_id for row in rows}
    for candidate in candidates:
        # A school's own learner shows their full fit to the school; the company only what was shared.
        source = everything if candidate.learner_id in own_ids or not company_side else shared
        candidate.workplace_fit = source.get(candidate.learner_id)
    for row in rows:
        row.profile.workplace_fit = everything.get(row.profile.learner_id)
