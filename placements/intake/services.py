"""Writing the intake, the workplace analysis and a candidate's preparation. Forms validate; these save."""

from django.db import transaction

from accounts.models import School, User

from ..models import Candidate, CandidatePreparation, Intake, Opening, WorkplaceAnalysis

INTAKE_FIELDS = (
    "held_on",
    "wishes",
    "possibilities",
    "limitations",
    "support_needs",
    "labour_market",
    "network",
    "learning_style",
    "preferred_sectors",
    "hours_per_week",
    "share_with_employer",
)
WORKPLACE_FIELDS = ("mission", "way_of_working", "workplace_tasks", "carving_notes")
CARVING_FIELDS = ("fitting_tasks", "carving_notes")
INTERVIEW_FIELDS = ("interview_notes",)


def intake_save(*, learner: User, school: School, data: dict, by: User) -> Intake:
    intake = Intake.objects.filter(learner=learner).first() or Intake(learner=learner, school=school)
    for name in INTAKE_FIELDS:
        setattr(intake, name, data[name])
    intake.updated_by = by
    intake.save()
    return intake


@transaction.atomic
def workplace_save(*, opening: Opening, data: dict, by: User) -> WorkplaceAnalysis:
    """The orientation's culture is the opening's own culture notes (also on the opening form): one place for it."""
    workplace, _created = WorkplaceAnalysis.objects.get_or_create(opening=opening)
    for name in WORKPLACE_FIELDS:
        setattr(workplace, name, data[name])
    workplace.updated_by = by
    workplace.save()
    if opening.culture_notes != data["culture_notes"]:
        opening.culture_notes = data["culture_notes"]
        opening.save(update_fields=["culture_notes"])
    return workplace


def preparation_save(*, candidate: Candidate, data: dict, fields: tuple[str, ...]) -> CandidatePreparation:
    """Saves only `fields`: the company side writes the carving, the job coach also the interview preparation."""
    preparation, _created = CandidatePreparation.objects.get_or_create(candidate=candidate)
    for name in fields:
        setattr(preparation, name, data[name])
    preparation.save()
    return preparation
