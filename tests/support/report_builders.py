"""Hand-made journals for the report tests: a few weeks of a plausible practice.

No tests here; the report tests import these builders.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from belonging_cli.clock import iso_week, week_monday
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.schema import legacy_role
from belonging_cli.records import (
    Answer,
    AnswerValue,
    Assignment,
    Experiment,
    ExperimentOutcome,
    ExperimentStatus,
    JournalData,
    Rating,
    Session,
    StepKind,
)
from belonging_cli.reports.rubric_facts import RubricFacts, facts_of
from support.sessions import weekly_session

UTC = dt.timezone.utc
# A Friday: the report tests pretend today is 2026-11-27 (week 2026-W48).
TODAY = dt.date(2026, 11, 27)
NOW = dt.datetime(2026, 11, 27, 18, 0, tzinfo=UTC)

_RUBRIC: RubricFacts | None = None


def rubric() -> RubricFacts:
    """What reports need of the packaged rubric, loaded once for all report tests."""
    global _RUBRIC
    if _RUBRIC is None:
        _RUBRIC = facts_of(load_rubric())
    return _RUBRIC


def friday(week: str) -> dt.datetime:
    day = week_monday(week) + dt.timedelta(days=4)
    return dt.datetime(day.year, day.month, day.day, 16, 0, tzinfo=UTC)


def weeks_back(count: int, last: str = "2026-W48") -> list[str]:
    """`count` consecutive weeks ending with `last`, oldest first."""
    end = week_monday(last)
    return [iso_week(end - dt.timedelta(weeks=n)) for n in range(count - 1, -1, -1)]


def answer(
    step_id: str,
    value: AnswerValue,
    week: str,
    *,
    kind: StepKind = "text",
    prompt_id: str | None = None,
    behaviour_id: str | None = None,
    question: str | None = None,
    private: bool = False,
) -> Answer:
    # Written as the weekly flow writes them: `balance`, `control`... keep their roles.
    return Answer(
        step_id=step_id,
        kind=kind,
        value=value,
        answered_at=friday(week),
        prompt_id=prompt_id,
        behaviour_id=behaviour_id,
        private=private,
        question=question,
        role=legacy_role("weekly", step_id, kind),
    )


def session(
    week: str,
    levels: dict[str, int] | None = None,
    *,
    focus: str | None = None,
    answers: Sequence[Answer] = (),
    evidence: dict[str, tuple[str, bool]] | None = None,
    status: str = "complete",
    assignment_id: str | None = None,
    minutes_later: int = 0,
) -> Session:
    when = friday(week) + dt.timedelta(minutes=minutes_later)
    evidence = evidence or {}
    ratings = tuple(
        Rating(
            behaviour_id=b,
            level=level,
            rated_at=when,
            evidence=evidence.get(b, (None, False))[0],
            evidence_private=evidence.get(b, (None, False))[1],
        )
        for b, level in (levels or {}).items()
    )
    return weekly_session(
        when,
        week=week,
        status=status,
        focus_behaviour_id=focus,
        answers=tuple(answers),
        ratings=ratings,
        assignment_id=assignment_id,
    )


def experiment(
    week: str,
    behaviour_id: str,
    title: str,
    *,
    status: ExperimentStatus = "done",
    outcome: ExperimentOutcome | None = "tried",
    happened: str | None = None,
    learned: str | None = None,
    private: bool = False,
) -> Experiment:
    return Experiment(
        id=str(uuid.uuid4()),
        behaviour_id=behaviour_id,
        title=title,
        week=week,
        created_at=friday(week) - dt.timedelta(days=7),
        status=status,
        outcome=outcome if status != "open" else None,
        happened=happened,
        learned=learned,
        private=private,
    )


def assignment(
    exercise_id: str, behaviour_id: str, *, due: dt.date | None, status: str = "assigned"
) -> Assignment:
    done = status == "done"
    return Assignment(
        id=f"coach-pack/{exercise_id}",
        pack_id="coach-pack",
        pack_version="1",
        exercise_id=exercise_id,
        behaviour_id=behaviour_id,
        title=f"Exercise {exercise_id}",
        instructions="Do it.",
        imported_at=NOW - dt.timedelta(days=30),
        due=due,
        status="done" if done else "assigned" if status == "assigned" else "dropped",
        coach="Alex",
        completed_at=NOW - dt.timedelta(days=3) if done else None,
        times_done=1 if done else 0,
    )


def sample_journal(last: str = "2026-W48") -> JournalData:
    """Six weeks to `last`: ratings that move, focus reflections, experiments, balance."""
    weeks = weeks_back(6, last)
    sessions = []
    for n, week in enumerate(weeks):
        answers = [
            answer(
                "reflect.1",
                f"Week {n}: I asked before I spoke.",
                week,
                kind="long_text",
                prompt_id="cultivate-belonging.quietest-voice",
                behaviour_id="cultivate-belonging",
                question="Whose perspective did you not hear this week?",
            ),
            answer("balance", min(5, 2 + n // 2), week, kind="select"),
            answer("control", f"I rewrote the plan myself in week {n}.", week),
            answer("influence", f"I asked the team in week {n}.", week),
        ]
        sessions.append(
            session(
                week,
                {
                    "cultivate-belonging": min(5, 2 + n // 2),
                    "protect-time": 3,
                    "navigate-paradox": 2 if n < 5 else 1,
                },
                focus="cultivate-belonging",
                answers=answers,
            )
        )
    experiments = [
        experiment(
            weeks[1],
            "cultivate-belonging",
            "Ask first in the Monday meeting",
            happened="Two quiet people spoke.",
            learned="Silence is not agreement.",
        ),
        experiment(weeks[3], "protect-time", "Block Friday afternoons", outcome="partly"),
        experiment(weeks[5], "navigate-paradox", "Name the tension out loud", status="open"),
    ]
    return JournalData(sessions=tuple(sessions), experiments=tuple(experiments))
