"""The balance section, "Control or influence": which levers each week was led with
(the 2.0 weekly's `levers` role: structural, relational, both, neither), the 1.x
weekly's control-to-influence level (the `balance` role) from older sessions, and
the notes on control and influence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.reports.model import Balance, BalanceNote, BalancePoint, LeversPoint
from belonging_cli.reports.movement import movement, trend
from belonging_cli.reports.scope import answer_text

if TYPE_CHECKING:
    from belonging_cli.records import AnswerValue, Session
    from belonging_cli.reports.scope import Scope

# The roles of the steps the report reads, whatever their ids (docs/flows.md).
NOTE_ROLES = frozenset({"control", "influence"})
LEVERS = ("structural", "relational", "both", "neither")  # the `levers` role's values


def balance(scope: Scope) -> Balance:
    values: dict[str, int] = {}
    levers: dict[str, str] = {}  # week -> the latest answer of that week
    noted: dict[str, Session] = {}  # week -> the latest session with notes on it
    for session, answer in scope.answers_with("balance", "levers", *NOTE_ROLES):
        if answer.role == "balance" and _is_level(answer.value):
            assert isinstance(answer.value, int)
            values[session.week] = answer.value
        elif answer.role == "levers" and answer.value in LEVERS:
            assert isinstance(answer.value, str)
            levers[session.week] = answer.value
        elif answer.role in NOTE_ROLES and answer_text(answer.value):
            noted[session.week] = session
    series = tuple(BalancePoint(w, v) for w, v in values.items())
    first, latest, change, average = movement(list(values.values()))
    notes = (balance_note(scope, s) for s in noted.values())
    return Balance(
        series=series,
        first=first,
        latest=latest,
        change=change,
        average=average,
        notes=tuple(n for n in notes if n is not None),
        trend=trend(list(values.values())),
        levers=tuple(LeversPoint(w, v) for w, v in levers.items()),
    )


def balance_note(scope: Scope, session: Session) -> BalanceNote | None:
    texts: dict[str, str] = {}
    private = False
    for answer in session.answers:
        text = answer_text(answer.value)
        if answer.role not in NOTE_ROLES or not text:
            continue
        key = ("answer", session.id, answer.step_id)
        if scope.privacy.keep(
            answer.private, key, section="Control or influence", week=session.week, text=text
        ):
            texts[answer.role] = text
            private = private or answer.private
    if not texts:
        return None
    return BalanceNote(session.week, texts.get("control"), texts.get("influence"), private)


def _is_level(value: AnswerValue) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5
