"""What the person wants from their next coaching session: the answers of steps with
`role: prep` (prompts/prep.yaml), newest first, for the coach's prep sheet.

In the bundle only (`prep`, format_minor 2): the person's own report already shows
every answer in their journal. Sharing is decided by reports/privacy.py like every text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.reports.scope import answer_text, clean

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
    for session, answer in scope.answers_with("prep"):
        text = answer_text(answer.value)
        if not text:
            continue
        key = ("answer", session.id, answer.step_id)
        if scope.privacy.keep(
            answer.private, key, section="Session prep", week=session.week, text=text
        ):
            found.append(
                PrepAnswer(
                    session.week,
                    scope.local_date(answer.answered_at),
                    clean(answer.question),
                    text,
                    answer.private,
                )
            )
    found.sort(key=lambda a: a.date, reverse=True)  # the latest session's wishes first
    return tuple(found)
