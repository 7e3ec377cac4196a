"""Reads of the selection interviews: criteria, score sheets, who may read whose scores, and the comparison.

The rule that keeps the interviews fair is decided here only: an interviewer reads other people's sheets
(and, for an anonymised opening, the candidate's identity) once their own sheet for that candidate is
submitted. Drafts are never read by anyone but their author. A company admin who does not interview reads
the submitted sheets straight away, because they decide.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, Min, Prefetch, QuerySet
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from accounts.selectors import roles_of

from ..models import Candidate, CandidateProfile, CriterionScore, Opening, ScoreSheet, SelectionCriterion
from ..recruitment.access import can_manage_opening, is_interviewer, opening_for_user

# Scoring is allowed while the candidate may still be appointed.
SCOREABLE_STATUSES = (Candidate.Status.OPEN, Candidate.Status.RESERVE)

# The same scale for every criterion, candidate and interviewer; the words say what a score means.
SCORE_LABELS = {
    1: gettext_lazy("no evidence"),
    2: gettext_lazy("little evidence"),
    3: gettext_lazy("some evidence"),
    4: gettext_lazy("clear evidence"),
    5: gettext_lazy("strong evidence"),
}


def criteria_fixed_reason(opening: Opening) -> str | None:
    """Why the criteria (and the way of scoring) can no longer change, or None while they still can."""
    if opening.criteria_locked_at is None:
        return None
    fixed_on = formats.date_format(timezone.localtime(opening.criteria_locked_at), "DATETIME_FORMAT")
    return _(
        "The selection criteria were fixed on %(date)s, when the first score was recorded. Every candidate is "
        "scored on the same criteria and in the same way, so this can no longer change."
    ) % {"date": fixed_on}


def appointed_count(opening: Opening) -> int:
    return Candidate.objects.filter(opening=opening, status=Candidate.Status.APPOINTED).count()


def criteria_of(opening: Opening) -> QuerySet[SelectionCriterion]:
    return SelectionCriterion.objects.filter(opening=opening).order_by("position", "pk")


def criterion_for_user(user: User, pk: int) -> SelectionCriterion:
    """A criterion of an opening `user` may see; 404 otherwise."""
    criterion = SelectionCriterion.objects.filter(pk=pk).first()
    if criterion is None:
        raise Http404("No such criterion.")
    criterion.opening = opening_for_user(user, criterion.opening_id)
    return criterion


def eligible_interviewers(opening: Opening) -> QuerySet[User]:
    """Who may be named an interviewer: the work mentors and company admins of the opening's company."""
    return User.objects.filter(
        is_active=True,
        memberships__role__in=(Role.MENTOR, Role.COMPANY_ADMIN),
        memberships__company_id=opening.company_id,
    ).distinct()


def interviewer_choices(opening: Opening) -> QuerySet[User]:
    """The eligible people plus whoever interviews already, so that saving the form never drops someone silently."""
    eligible = User.objects.filter(pk__in=eligible_interviewers(opening).values("pk"))
    current = User.objects.filter(openings_to_interview=opening)
    return (eligible | current).distinct().order_by("last_name", "first_name", "pk")


def interviewers_of(opening: Opening) -> list[User]:
    return list(opening.interviewers.order_by("last_name", "first_name", "pk"))


def learner_school_id(candidate: Candidate, profile: CandidateProfile | None) -> int | None:
    """The school the learner is placed from: the profile's when it still is one of theirs, else their only one."""
    schools = roles_of(candidate.learner).schools_as(Role.LEARNER)
    if profile is not None and profile.school_id in schools:
        return profile.school_id
    return next(iter(schools)) if len(schools) == 1 else None


def profile_of(candidate: Candidate) -> CandidateProfile | None:
    return (
        CandidateProfile.objects.select_related("school", "programme").filter(learner_id=candidate.learner_id).first()
    )


def sheet_of(user: User, candidate: Candidate) -> ScoreSheet | None:
    """`user`'s own sheet for the candidate, with its scores."""
    return (
        ScoreSheet.objects.filter(candidate=candidate, interviewer=user)
        .prefetch_related(Prefetch("scores", queryset=CriterionScore.objects.order_by("criterion__position", "pk")))
        .first()
    )


@dataclass(frozen=True)
class SelectionAccess:
    """What one person may do and read in the selection of one opening."""

    manages: bool
    interviews: bool

    @property
    def sees_submitted_without_scoring(self) -> bool:
        return self.manages and not self.interviews

    def reads_others(self, own_sheet: ScoreSheet | None) -> bool:
        """Whether others' submitted sheets for a candidate may be shown, given the person's own sheet."""
        if self.interviews:
            return own_sheet is not None and own_sheet.submitted_at is not None
        return self.manages

    def identity_hidden(self, opening: Opening, own_sheet: ScoreSheet | None) -> bool:
        """An anonymised opening hides who the candidate is from an interviewer until their sheet is in."""
        return opening.anonymised_scoring and self.interviews and not self.reads_others(own_sheet)


def selection_access(user: User, opening: Opening) -> SelectionAccess:
    return SelectionAccess(manages=can_manage_opening(user, opening), interviews=is_interviewer(user, opening))


def others_sheets(user: User, candidate: Candidate, access: SelectionAccess, own: ScoreSheet | None) -> list:
    """The submitted sheets of the other interviewers, or nothing while `user` may not read them yet."""
    if not access.reads_others(own):
        return []
    return list(
        ScoreSheet.objects.filter(candidate=candidate, submitted_at__isnull=False)
        .exclude(interviewer=user)
        .select_related("interviewer")
        .prefetch_related(Prefetch("scores", queryset=CriterionScore.objects.order_by("criterion__position", "pk")))
        .order_by("submitted_at", "pk")
    )


@dataclass(frozen=True)
class SheetRow:
    criterion: SelectionCriterion
    score: CriterionScore | None

    @property
    def label(self):
        return SCORE_LABELS.get(self.score.score, "") if self.score else ""


def sheet_rows(sheet: ScoreSheet, criteria: list[SelectionCriterion]) -> list[SheetRow]:
    """The sheet's scores in the order of the criteria (prefetched scores, no extra query)."""
    scores = {score.criterion_id: score for score in sheet.scores.all()}
    return [SheetRow(criterion, scores.get(criterion.pk)) for criterion in criteria]


def missing_for_appointment(candidate: Candidate) -> list[str]:
    """Why the candidate cannot be appointed yet: every interviewer must have submitted a full sheet."""
    opening = candidate.opening
    criteria = {criterion.pk: criterion.title for criterion in criteria_of(opening)}
    interviewers = interviewers_of(opening)
    problems = []
    if not criteria:
        problems.append(_("The opening has no selection criteria."))
    if not interviewers:
        problems.append(_("The opening has no interviewers."))
    sheets = {
        sheet.interviewer_id: sheet
        for sheet in ScoreSheet.objects.filter(candidate=candidate).prefetch_related(
            Prefetch("scores", queryset=CriterionScore.objects.only("pk", "sheet_id", "criterion_id"))
        )
    }
    for interviewer in interviewers:
        name = interviewer.get_full_name() or interviewer.email
        sheet = sheets.get(interviewer.pk)
        if sheet is None:
            problems.append(_("%(name)s has not scored this candidate.") % {"name": name})
        elif sheet.submitted_at is None:
            problems.append(_("%(name)s has not submitted their score sheet yet (it is a draft).") % {"name": name})
        else:
            missing = [
                title for pk, title in criteria.items() if pk not in {s.criterion_id for s in sheet.scores.all()}
            ]
            if missing:
                problems.append(
                    _("%(name)s has no score for: %(criteria)s.") % {"name": name, "criteria": ", ".join(missing)}
                )
    return problems


@dataclass
class Cell:
    average: float | None = None
    low: int | None = None
    high: int | None = None
    sheets: int = 0


@dataclass
class Column:
    """One candidate in the comparison; `shown` is False while the reader must score them first."""

    candidate: Candidate
    shown: bool
    named: bool
    sheets: int = 0
    cells: list[Cell] = field(default_factory=list)

    @property
    def total(self) -> float | None:
        averages = [cell.average for cell in self.cells if cell.average is not None]
        return round(sum(averages), 1) if averages else None


@dataclass
class Comparison:
    criteria: list[SelectionCriterion]
    columns: list[Column]
    interviewer_count: int

    @property
    def rows(self):
        """Per criterion, (column, cell) for each candidate, for a table with candidates as columns."""
        return [
            (criterion, [(column, column.cells[index]) for column in self.columns])
            for index, criterion in enumerate(self.criteria)
        ]


def comparison(user: User, opening: Opening, access: SelectionAccess, *, reveal_names: bool) -> Comparison:
    """Average, spread and number of submitted sheets per criterion and candidate, in a fixed number of queries."""
    criteria = list(criteria_of(opening))
    candidates = list(
        Candidate.objects.filter(opening=opening)
        .exclude(status=Candidate.Status.WITHDRAWN)
        .select_related("learner", "placement")
        .order_by("alias", "pk")
    )
    submitted_by_me = set(
        ScoreSheet.objects.filter(candidate__opening=opening, interviewer=user, submitted_at__isnull=False).values_list(
            "candidate_id", flat=True
        )
    )
    sheet_counts = dict(
        ScoreSheet.objects.filter(candidate__opening=opening, submitted_at__isnull=False)
        .values("candidate_id")
        .annotate(n=Count("pk"))
        .values_list("candidate_id", "n")
    )
    stats = {
        (row["sheet__candidate_id"], row["criterion_id"]): row
        for row in CriterionScore.objects.filter(sheet__candidate__opening=opening, sheet__submitted_at__isnull=False)
        .values("sheet__candidate_id", "criterion_id")
        .annotate(average=Avg("score"), low=Min("score"), high=Max("score"), n=Count("pk"))
    }
    columns = []
    for candidate in candidates:
        shown = candidate.pk in submitted_by_me if access.interviews else access.manages
        named = not opening.anonymised_scoring or (shown and reveal_names and access.manages)
        column = Column(candidate=candidate, shown=shown, named=named)
        if shown:
            column.sheets = sheet_counts.get(candidate.pk, 0)
            for criterion in criteria:
                row = stats.get((candidate.pk, criterion.pk))
                column.cells.append(
                    Cell(round(row["average"], 1), row["low"], row["high"], row["n"]) if row else Cell()
                )
        else:
            column.cells = [Cell() for _criterion in criteria]
        columns.append(column)
    return Comparison(criteria=criteria, columns=columns, interviewer_count=opening.interviewers.count())
