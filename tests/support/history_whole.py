"""A flow's history two ways: read from the store in SQL (`History.read`), and over the
whole journal in memory (`History.from_journal`, every session given), with everything
a sitting asks of it, so tests can check the two agree answer for answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from belonging_cli.content.flows import Flow
from belonging_cli.content.rubrics import Rubric
from belonging_cli.engine.history import History, choose_prompts, suggest_focus, trend
from belonging_cli.engine.kinds.plan import plan_of
from belonging_cli.engine.pulse_plan import plan_pulse
from belonging_cli.engine.rotation import least_recent, turn_of
from belonging_cli.engine.session import Engine
from belonging_cli.engine.sources import template
from belonging_cli.feedback.round import FeedbackRound
from belonging_cli.journal.store import Journal
from belonging_cli.records import Assignment, Experiment, JournalData, Session


class WholeJournal:
    """A journal's every record in memory, as History.from_journal reads one."""

    def __init__(self, data: JournalData) -> None:
        self.data = data

    def sessions(self) -> Sequence[Session]:
        done = [s for s in self.data.sessions if s.status == "complete"]
        return sorted(done, key=lambda s: (s.started_at, s.id), reverse=True)

    def experiments(self) -> Sequence[Experiment]:
        return self.data.experiments

    def assignments(self) -> Sequence[Assignment]:
        return self.data.assignments

    def feedback_rounds(self) -> Sequence[FeedbackRound]:
        return self.data.feedback_rounds


def both(
    journal: Journal, rubric: Rubric, flow: Flow, week: str, today: dt.date
) -> tuple[History, History]:
    """(read in SQL, over the whole journal) for `flow` in `week`."""
    read = History.read(journal, rubric, flow, week, today)
    return read, History.from_journal(WholeJournal(journal.load_all()))


def answers(history: History, rubric: Rubric, flow: Flow, week: str, today: dt.date) -> Any:
    """Everything a sitting of `flow` in `week` asks its history, and the answers template
    a person would be given."""
    per_behaviour = {
        b.id: (
            history.last_rating(b.id),
            history.last_rating(b.id, before_week=week),
            history.last_explored(b.id),
            [p.id for p in choose_prompts(b, history, 3)],
            history.fresh_experiment(b).id,
            [e.id for e in history.tried_lately(b, week)],
        )
        for b in rubric.behaviours
    }
    steps = {s.id: least_recent(s, flow.id, history).id for s in flow.steps if s.variants}
    turns = {t: turn_of(flow, t, history) for t in {s.turn for s in flow.steps if s.turn}}
    due = history.experiments_to_review(week)
    since = today - dt.timedelta(days=31)
    recap = [(b.id, levels) for b, levels in trend(rubric, history.sessions, since)]
    reviewed = sorted(
        e.id for e in history.past_experiments if e.reviewed_at and e.reviewed_at.date() >= since
    )
    engine = Engine(flow, rubric, history, week, today)
    return {
        "behaviours": per_behaviour,
        "wordings": steps,
        "turns": turns,
        "due": [(e.id, plan_of(e, history.sessions)) for e in due],
        "pulse": plan_pulse(rubric, history, week),
        "focus": suggest_focus(rubric, history, {}, week),
        "recap": (recap, reviewed),
        "template": template(engine, today),
    }
