"""Survey results per group, read in a fixed number of queries however many answers there are.

A group is the responses of one company, mentor, programme, cohort or course within what the reader may see
(access.py). Under its threshold a group shows only that it is too small; so does each questionnaire version
and each term inside a group that is large enough. Scores are on one 0–10 scale: each response's own mean
(Response.score, written with the answers), so group scores and trends read the responses only.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, QuerySet
from django.http import Http404

from accounts.models import Company, User
from placements.models import Programme
from registry.models import Course

from ..models import Answer, Question, Response
from .access import FIELDS, Reader, threshold_of, thresholds

CLOSED = (Question.Kind.AGREEMENT, Question.Kind.SCORE)


def scoped(reader: Reader) -> QuerySet[Response]:
    responses = Response.objects.all()
    return responses if reader.scope is None else responses.filter(reader.scope)


def _labels(by: str, keys) -> dict:
    keys = [key for key in keys if key not in (None, "")]
    if by == "company":
        return dict(Company.objects.filter(pk__in=keys).values_list("pk", "name"))
    if by == "mentor":
        return {u.pk: u.get_full_name() or u.email for u in User.objects.filter(pk__in=keys)}
    if by == "programme":
        return dict(Programme.objects.filter(pk__in=keys).values_list("pk", "name"))
    if by == "course":
        return dict(Course.objects.filter(pk__in=keys).values_list("pk", "title"))
    return {key: key for key in keys}


@dataclass
class Group:
    key: object
    label: str
    responses: int
    threshold: int
    score: float | None = None

    @property
    def shown(self) -> bool:
        return self.responses >= self.threshold


def groups(reader: Reader, by: str) -> list[Group]:
    """The groups of dimension `by` the reader may see, with their response counts and (when shown) score."""
    column = FIELDS[by]
    known = thresholds()
    counts: dict = defaultdict(int)
    schools: dict = defaultdict(set)
    for key, school_id, n in (
        scoped(reader).exclude(**{f"{column}__isnull": True}).exclude(**{column: ""} if by == "cohort" else {})
        .values_list(column, "school_id").annotate(n=Count("pk")).order_by()
    ):  # fmt: skip
        counts[key] += n
        schools[key].add(school_id)
    scores = dict(
        scoped(reader).filter(**{f"{column}__in": list(counts)}).values_list(column).annotate(score=Avg("score"))
        .order_by()
    )  # fmt: skip
    labels = _labels(by, counts)
    found = []
    for key, n in counts.items():
        group = Group(key, str(labels.get(key, key)), n, threshold_of(schools[key], known))
        if group.shown:
            group.score = scores.get(key)
        found.append(group)
    return sorted(found, key=lambda g: g.label.lower())


def parse_key(reader: Reader, by: str, key: str):
    """The group key from the URL, or 404 for a dimension or key the reader may not read."""
    if by not in reader.dimensions:
        raise Http404("No such results.")
    if by == "cohort":
        return key
    try:
        return int(key)
    except ValueError:
        raise Http404("No such group.") from None


@dataclass
class QuestionResult:
    question: Question
    counts: list[tuple[str, int]]  # (answer label, how many), in scale order
    total: int
    average: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class VersionBlock:
    title: str
    number: int
    responses: int
    shown: bool
    questions: list[QuestionResult] = field(default_factory=list)


@dataclass
class GroupResult:
    by: str
    key: object
    label: str
    responses: int
    threshold: int
    blocks: list[VersionBlock] = field(default_factory=list)
    trend: list[tuple[str, float | None, int]] = field(default_factory=list)  # term, average 0-10, responses

    @property
    def shown(self) -> bool:
        return self.responses >= self.threshold


def group_result(reader: Reader, by: str, key) -> GroupResult:
    """What a group's page and export show. Nothing is read beyond the counts when the group is too small."""
    column = FIELDS[by]
    group_responses = scoped(reader).filter(**{column: key})
    per_version = list(group_responses.values_list("version_id", "school_id").annotate(n=Count("pk")).order_by())
    if not per_version:
        raise Http404("No results for this group.")
    known = thresholds()
    threshold = threshold_of({school for _v, school, _n in per_version}, known)
    total = sum(n for *_rest, n in per_version)
    label = str(_labels(by, [key]).get(key, key))
    result = GroupResult(by, key, label, total, threshold)
    if not result.shown:
        return result
    version_counts: dict[int, int] = defaultdict(int)
    for version_id, _school, n in per_version:
        version_counts[version_id] += n
    shown_versions = [v for v, n in version_counts.items() if n >= threshold]
    questions = list(
        Question.objects.filter(version_id__in=version_counts)
        .select_related("version__questionnaire")
        .order_by("version__questionnaire_id", "version__number", "position", "pk")
    )
    shown_questions = {q.pk for q in questions if q.version_id in shown_versions}
    # Driven by the group's responses (the answers' response index), not by the questions: a group's answers are
    # read once, whatever the school's total.
    tallies: dict[int, dict[int, int]] = defaultdict(dict)
    for question_id, value, n in (
        Answer.objects.filter(response__in=group_responses, value__isnull=False)
        .values_list("question_id", "value").annotate(n=Count("pk")).order_by()
    ):  # fmt: skip
        if question_id in shown_questions:
            tallies[question_id][value] = n
    texts: dict[int, list[str]] = defaultdict(list)
    if reader.reads_texts:
        # Sorted by their wording, never by when they were given: the order says nothing about who wrote what.
        for question_id, text in (
            Answer.objects.filter(response__in=group_responses, value__isnull=True)
            .exclude(text="").values_list("question_id", "text").order_by("question_id", "text")
        ):  # fmt: skip
            if question_id in shown_questions:
                texts[question_id].append(text)
    blocks: dict[int, VersionBlock] = {}
    for question in questions:
        version = question.version
        block = blocks.get(version.pk)
        if block is None:
            block = blocks[version.pk] = VersionBlock(
                version.questionnaire.title, version.number, version_counts[version.pk], version.pk in shown_versions
            )
        if not block.shown:
            continue
        block.questions.append(_question_result(question, tallies.get(question.pk, {}), texts.get(question.pk, [])))
    result.blocks = list(blocks.values())
    result.trend = _trend(group_responses, threshold)
    return result


def _question_result(question: Question, tally: dict[int, int], texts: list[str]) -> QuestionResult:
    from ..distribution.forms import AGREEMENT

    if question.kind == Question.Kind.AGREEMENT:
        labels = [(value, str(label)) for value, label in AGREEMENT]
    elif question.kind == Question.Kind.SCORE:
        labels = [(value, str(value)) for value in range(11)]
    elif question.kind == Question.Kind.CHOICE:
        labels = list(enumerate(question.choices))
    else:
        labels = []
    counts = [(label, tally.get(value, 0)) for value, label in labels]
    total = sum(tally.values())
    average = None
    if question.kind in CLOSED and total:
        average = sum(value * n for value, n in tally.items()) / total
    return QuestionResult(question, counts, total, average, texts)


def _trend(group_responses: QuerySet[Response], threshold: int) -> list[tuple[str, float | None, int]]:
    rows = group_responses.values_list("term").annotate(n=Count("pk"), score=Avg("score")).order_by("term")
    return [(term, score if n >= threshold else None, n) for term, n, score in rows]
