"""What the person wants from their next coaching session: the answers of steps with
`role: prep` (prompts/prep.yaml), newest first, for the coach's prep sheet.

In the bundle only (`prep`, format_minor 2): the person's own report already shows
every answer in their journal. Sharing is decided by reports/privacy.py like every text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.reports.scope import clean

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.reports.scope import Scope


@dataclass(slots=True)
class PrepAnswer:
    week: str
    date: dt.date
    question: str | None  # the words asked
    text: str
    private: bool


def prep_answers(scope: Scope) -> tuple[PrepAnswer, ...]:
    found: list[PrepAnswer] = []
    for session, answer, text in scope.shown_answers("prep", "Session prep"):
        when = scope.local_date(answer.answered_at)
        found.append(PrepAnswer(session.week, when, clean(answer.question), text, answer.private))
    found.sort(key=lambda a: a.date, reverse=True)  # the latest session's wishes first
    return tuple(found)
