"""How the tasks of a workplace fit a learner's intake: the possibilities that support a task, the limitations
that conflict with it, and the tasks the job coach and the company carved out for the candidate.

Pure functions on words, so that the fit can be explained on the page: a keyword meets a task when one of
its words (four letters or more, not a general word) shares its first five letters with a word of the task,
so "heavy lifting" conflicts with "Lifting crates" and "customer contact" supports "Serving customers".
"""

import re
from dataclasses import dataclass, field

MIN_WORD = 4
# Words too general to say anything about a task, in both languages.
_GENERAL = frozenset(
    "with from into work working werk werken voor niet geen door naar over have heeft make maken doen".split()  # noqa: SIM905
)
_WORD = re.compile(r"\w+")

FITS, CONFLICTS, OPEN = "fits", "conflicts", "open"


def _words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if len(word) >= MIN_WORD and word not in _GENERAL]


def _stem(word: str) -> str:
    return word[: MIN_WORD + 1] if len(word) > MIN_WORD + 1 else word


def _meets(keyword: str, task_words: set[str]) -> bool:
    return any(_stem(word) == _stem(other) for word in _words(keyword) for other in task_words)


@dataclass(frozen=True)
class TaskFit:
    task: str
    supports: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    carved: bool = False

    @property
    def outcome(self) -> str:
        if self.conflicts:
            return CONFLICTS
        return FITS if self.supports or self.carved else OPEN


@dataclass(frozen=True)
class WorkplaceFit:
    tasks: list[TaskFit]

    @property
    def fitting(self) -> int:
        return sum(1 for task in self.tasks if task.outcome == FITS)

    @property
    def conflicting(self) -> int:
        return sum(1 for task in self.tasks if task.outcome == CONFLICTS)

    @property
    def total(self) -> int:
        return len(self.tasks)


def workplace_fit(tasks: list[str], possibilities: list[str], limitations: list[str], carved=()) -> WorkplaceFit:
    carved = set(carved)
    fits = []
    for task in tasks:
        words = {_stem(word) for word in _words(task)}
        fits.append(
            TaskFit(
                task=task,
                supports=[keyword for keyword in possibilities if _meets(keyword, words)],
                conflicts=[keyword for keyword in limitations if _meets(keyword, words)],
                carved=task in carved,
            )
        )
    return WorkplaceFit(fits)
