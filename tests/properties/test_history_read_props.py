"""Hypothesis: for any generated journal and any sitting week, the history read in SQL
shaped to what a sitting asks (journal/history_read.py) answers as the whole journal
does: latest ratings and focus, prompts and wordings in turn, the pulse's plan, the
focus suggestion (with a feedback round's blind spots), the recap, the review's plan,
the experiment menu, and the answers template a person is given, for every flow."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.feedback.round import FeedbackRound, from_aggregate
from belonging_cli.journal.store import open_journal
from belonging_cli.records import JournalData
from belonging_cli.synthetic import generate
from support.feedback_samples import five_raters_three_groups
from support.history_whole import answers, both

END = dt.date(2026, 6, 12)  # a Friday
UTC = dt.timezone.utc
RUBRIC = load_rubric()
FLOWS = load_flows()


def journal(weeks: int, seed: int, drafts: int, round_back: int | None) -> JournalData:
    data = generate(RUBRIC, weeks=weeks, end=END, seed=seed)
    # A few sessions left as drafts: a history reads completed sessions only.
    sessions = tuple(
        dataclasses.replace(s, status="draft", completed_at=None) if i < drafts else s
        for i, s in enumerate(data.sessions[::-1])
    )
    rounds: tuple[FeedbackRound, ...] = ()
    if round_back is not None:
        collected = END - dt.timedelta(days=round_back)
        aggregate = five_raters_three_groups(
            requested_on=(collected - dt.timedelta(days=14)).isoformat(),
            collected_on=collected.isoformat(),
        )
        rounds = (from_aggregate(aggregate, dt.datetime(2025, 1, 1, tzinfo=UTC)),)
    return dataclasses.replace(data, sessions=sessions, feedback_rounds=rounds)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 40),
    st.integers(0, 10_000),
    st.integers(0, 2),
    st.none() | st.integers(-10, 300),
    st.integers(-3, 45),  # weeks back from END the sitting is for (back-dated), or ahead
    st.sampled_from(FLOWS.ids()),
)
def test_the_history_read_answers_as_the_whole_journal(
    weeks: int, seed: int, drafts: int, round_back: int | None, back: int, flow_id: str
) -> None:
    day = END - dt.timedelta(weeks=back)
    week = iso_week(day)
    flow = FLOWS.get(flow_id)
    with tempfile.TemporaryDirectory() as folder, open_journal(Path(folder) / "j.db") as opened:
        opened.import_data(journal(weeks, seed, drafts, round_back))
        read, whole = both(opened, RUBRIC, flow, week, day)
    assert answers(read, RUBRIC, flow, week, day) == answers(whole, RUBRIC, flow, week, day)
    assert len(read.sessions) <= len(whole.sessions)
