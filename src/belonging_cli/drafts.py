"""An unfinished session as every screen tells of it: how far it got, and its day.

`status`, `reflect` (offering to resume, and picking up) and `exercises do` say
how far a draft got in one way: questions answered, each rating one (its "what
happened?" another), each answer one, so five ratings are "5 questions answered"
everywhere. Days are written one way too: "Tue 1 Dec".

The words a person was typing when Ctrl-C came are kept with the draft as an
answer of their own, filed under the question's id and `TYPED` (engine/sitting.py
writes and reads them): they are not an answer yet, so they count for nothing.

Cheap to import: `status` is on the start-up path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol, TypeVar

# After a question id: the words half typed there (no step or question id has a "~").
TYPED = "~typed"


class _Answer(Protocol):
    @property
    def step_id(self) -> str: ...


class _Rating(Protocol):
    @property
    def evidence(self) -> str | None: ...


A = TypeVar("A", bound=_Answer)


def is_typed(step_id: str) -> bool:
    """Whether a draft's answer is the words half typed at Ctrl-C, not an answer."""
    return step_id.endswith(TYPED)


def from_earlier_version(answers: Iterable[A], step_ids: Iterable[str]) -> list[A]:
    """A draft's answers to steps its flow no longer has (a newer version of an exercise
    renamed or removed the question): never asked again, and never lost."""
    have = set(step_ids)
    return [a for a in answers if not is_typed(a.step_id) and a.step_id.split(".")[0] not in have]


def answered(answers: Iterable[_Answer], ratings: Iterable[_Rating]) -> int:
    """How many questions a draft has answered (status counts the same in SQL)."""
    words = sum(1 for a in answers if not is_typed(a.step_id))
    return words + sum(1 + (r.evidence is not None) for r in ratings)


def progress(done: int, total: int | None = None) -> str:
    """`5 of 32 questions answered`, or `5 questions answered` when the total is not known."""
    if total is not None:
        return f"{done} of {total} question{'s' if total != 1 else ''} answered"
    return f"{done} question{'s' if done != 1 else ''} answered"


# What resuming a draft says when nothing is left to ask: the review screen comes next.
EVERY_ONE_ANSWERED = "every question answered; look it over, then save it."


def day(when: dt.date) -> str:
    """A day as every screen writes it: `Tue 1 Dec`."""
    return f"{when:%a} {when.day} {when:%b}"
