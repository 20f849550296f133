"""Sharing is decided in one place (reports/privacy.py), once, before any renderer runs.

With `--share` every text the person marked private is left out of the report
itself: focus reflections, notes on a rating, balance notes, exercise answers,
experiments (done ones and the person's own open one). Levels, counts and
outcomes stay. The report says how many things it left out, each counted once.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.data import report_data
from belonging_cli.reports.model import BehaviourTrend, Report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.privacy import Privacy
from support.report_builders import (
    NOW,
    TODAY,
    answer,
    assignment,
    experiment,
    friday,
    rubric,
    session,
)

WEEK = "2026-W47"
LAST = "2026-W48"
# Each private text once, so that what is left out can be counted.
SECRETS = {
    "reflection": "SECRET-REFLECTION",
    "evidence": "SECRET-EVIDENCE",
    "control": "SECRET-CONTROL",
    "experiment": "SECRET-EXPERIMENT",
    "experiment-happened": "SECRET-HAPPENED",
    "own-experiment": "SECRET-OWN-EXPERIMENT",
    "exercise": "SECRET-EXERCISE-ANSWER",
}
# Reflection, evidence, control note, an experiment's title and its note (each its own
# text), own experiment, exercise.
LEFT_OUT = 7


def journal() -> JournalData:
    """A journal with one private text of every kind, and open words beside each."""
    own = experiment("2026-W49", "protect-time", SECRETS["own-experiment"], status="open")
    own = replace(own, created_at=friday(LAST), private=True)  # set for next week
    return JournalData(
        sessions=(
            session(
                WEEK,
                {"protect-time": 2},
                evidence={"protect-time": ("Open evidence.", False)},
            ),
            session(
                LAST,
                {"protect-time": 4},
                focus="protect-time",
                evidence={"protect-time": (SECRETS["evidence"], True)},
                answers=[
                    answer(
                        "reflect.1",
                        SECRETS["reflection"],
                        LAST,
                        prompt_id="protect-time.calendar",
                        behaviour_id="protect-time",
                        private=True,
                    ),
                    answer(
                        "reflect.2",
                        "Open reflection.",
                        LAST,
                        prompt_id="protect-time.calendar",
                        behaviour_id="protect-time",
                    ),
                    answer("control", SECRETS["control"], LAST, private=True),
                    answer("influence", "Open influence.", LAST),
                ],
            ),
            session(
                LAST,
                assignment_id="coach-pack/late",
                minutes_later=30,
                answers=[
                    answer("q1", SECRETS["exercise"], LAST, private=True),
                    answer("q2", "Open exercise answer.", LAST),
                ],
            ),
        ),
        experiments=(
            replace(
                experiment(
                    WEEK,
                    "protect-time",
                    SECRETS["experiment"],
                    happened=SECRETS["experiment-happened"],
                    private=True,
                ),
                happened_private=True,
            ),
            experiment(WEEK, "protect-time", "Open experiment."),
            own,
        ),
        assignments=(assignment("late", "protect-time", due=TODAY - dt.timedelta(days=1)),),
    )


def report_of(data: JournalData, *, share: bool) -> Report:
    span = resolve_period("quarter", today=TODAY, journal_weeks=[s.week for s in data.sessions])
    return build_report(data, rubric(), span, now=NOW, share=share)


def text_of(report: Report) -> str:
    """Everything any renderer or user template can reach: the report's data."""
    return json.dumps(report_data(report))


# The decision ----------------------------------------------------------------------


def test_without_share_every_text_is_kept_and_nothing_is_counted() -> None:
    privacy = Privacy(share=False)
    assert privacy.keep(True, ("answer", "s1", "q1"))
    assert privacy.keep(False, ("answer", "s1", "q2"))
    assert (privacy.share, privacy.left_out) == (False, 0)


def test_with_share_private_text_is_refused_and_each_thing_counted_once() -> None:
    privacy = Privacy(share=True)
    assert privacy.keep(False, ("answer", "s1", "open"))
    assert not privacy.keep(True, ("answer", "s1", "q1"))
    # The same experiment is both an item and the open one: left out once.
    assert not privacy.keep(True, ("experiment", "e1"))
    assert not privacy.keep(True, ("experiment", "e1"))
    assert not privacy.keep(True, ("evidence", "s1", "protect-time"))
    assert (privacy.share, privacy.left_out) == (True, 3)


# The report ------------------------------------------------------------------------


def test_the_persons_own_report_has_every_private_text_marked_private() -> None:
    report = report_of(journal(), share=False)
    text = text_of(report)
    assert all(secret in text for secret in SECRETS.values())
    assert (report.shared, report.private_left_out) == (False, 0)
    assert report.experiments.open is not None and report.experiments.open.private
    assert [r.private for r in report.focus_reflections] == [True, False]


def test_a_shared_report_leaves_out_every_private_text_and_counts_it() -> None:
    report = report_of(journal(), share=True)
    text = text_of(report)
    assert [s for s in SECRETS.values() if s in text] == []
    assert (report.shared, report.private_left_out) == (True, LEFT_OUT)
    # What was not private is all still there.
    for words in ("Open evidence.", "Open reflection.", "Open influence.", "Open experiment."):
        assert words in text
    assert "Open exercise answer." in text


def test_a_shared_report_keeps_levels_counts_and_outcomes() -> None:
    mine, shared = report_of(journal(), share=False), report_of(journal(), share=True)
    assert [p.level for p in shared.ratings[1].series] == [2, 4]
    assert shared.ratings == replace_evidence(mine.ratings)
    assert shared.experiments.counts == mine.experiments.counts
    item = next(i for i in shared.experiments.items if i.private)
    assert (item.title, item.happened, item.outcome, item.status) == (None, None, "tried", "done")
    own = shared.experiments.open
    assert own is not None and (own.title, own.week, own.status) == (None, "2026-W49", "open")
    assert shared.balance.notes[0].control is None
    assert shared.balance.notes[0].influence == "Open influence."


def replace_evidence(ratings: tuple[BehaviourTrend, ...]) -> tuple[BehaviourTrend, ...]:
    """`ratings` as a shared report shows them: private notes on a rating gone."""
    out = []
    for trend in ratings:
        series = tuple(
            replace(p, evidence=None, private=False) if p.private else p for p in trend.series
        )
        out.append(replace(trend, series=series))
    return tuple(out)
