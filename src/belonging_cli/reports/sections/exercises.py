"""The exercises section: a coach's exercises, judged against today, with the answers
given in the sessions that did them (absent when no coach's pack was imported)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from belonging_cli.coaching.progress import pressing, state
from belonging_cli.reports.model import ExerciseAnswer, ExerciseCounts, ExerciseItem, Exercises
from belonging_cli.reports.scope import answer_text, clean, tallied
from belonging_cli.safe_text import strip_controls

if TYPE_CHECKING:
    from belonging_cli.reports.scope import Scope


def exercises(scope: Scope) -> Exercises | None:
    if not scope.data.assignments:
        return None
    answers = exercise_answers(scope)
    items: list[ExerciseItem] = []
    for assignment in scope.data.assignments:
        if not scope.wanted(assignment.behaviour_id):
            continue
        judged = state(assignment, scope.today)
        done_before = (
            judged == "done"
            and assignment.completed_at is not None
            and scope.local_date(assignment.completed_at) < scope.period.start
        )
        if done_before or scope.local_date(assignment.imported_at) > scope.period.end:
            continue
        items.append(
            ExerciseItem(
                id=assignment.id,
                title=assignment.title,
                behaviour_id=assignment.behaviour_id,
                coach=assignment.coach,
                due=assignment.due,
                state=judged,
                times_done=assignment.times_done,
                completed_at=assignment.completed_at,
                answers=tuple(answers.get(assignment.id, ())),
                reason=assignment.drop_reason if judged == "dropped" else None,
                imported_on=scope.local_date(assignment.imported_at),
            )
        )
    items.sort(key=lambda i: (*pressing(i.due), i.title))
    tally = Counter(i.state for i in items)
    return Exercises(counts=tallied(ExerciseCounts, tally), items=tuple(items))


def exercise_answers(scope: Scope) -> dict[str, list[ExerciseAnswer]]:
    """Assignment id -> the answers given in the period's sessions doing it."""
    found: dict[str, list[ExerciseAnswer]] = {}
    for session in scope.exercise_sessions:
        assert session.assignment_id is not None
        for answer in session.answers:
            # Without control characters, as an experiment's words (sections/experiments):
            # the coach's roll-up refuses a bundle holding one (coaching/bundle.Words).
            text = strip_controls(answer_text(answer.value))
            if not text:
                continue
            key = ("answer", session.id, answer.step_id)
            if not scope.privacy.keep(
                answer.private, key, section="Exercises", week=session.week, text=text
            ):
                continue
            found.setdefault(session.assignment_id, []).append(
                ExerciseAnswer(
                    week=session.week,
                    date=scope.local_date(answer.answered_at),
                    question=clean(answer.question),
                    answer=text,
                    private=answer.private,
                )
            )
    return found
