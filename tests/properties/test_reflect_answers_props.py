"""Property tests for the answers-file parser: any input gives located problems or
valid records, never a crash."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.content.source import Document, parse_text
from belonging_cli.engine.history import History
from belonging_cli.engine.session import Engine
from belonging_cli.engine.sources import FromMapping, run_flow
from belonging_cli.errors import ContentError, Problem

RUBRIC = load_rubric()
FLOWS = load_flows()
AT = dt.datetime(2026, 11, 27, 12, tzinfo=dt.timezone.utc)
QUESTION_IDS = sorted(
    {
        "review",
        "review.happened",
        "focus",
        "reflect.1",
        "reflect.2",
        "reflect.3",
        "control",
        "balance",
        "tip",
        "next-experiment",
        "tags",
        "place",
        "place.evidence",
        *(f"pulse.{b}" for b in RUBRIC.ids()),
        *(f"pulse.{b}.evidence" for b in RUBRIC.ids()),
    }
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 9),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from([*RUBRIC.ids(), "tried", "skip", "cultivate-belonging.last-word", "own"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["text", "private", "x"]), inner, max_size=3),
    ),
    max_leaves=8,
)
answer_maps = st.dictionaries(
    st.one_of(st.sampled_from(QUESTION_IDS), st.text(min_size=1, max_size=12)),
    values,
    max_size=30,
)


def engine_for(flow_id: str) -> Engine:
    return Engine(FLOWS.get(flow_id), RUBRIC, History(), "2026-W48", AT.date())


def run_answers(engine: Engine, answers: dict[str, Any], doc: Document) -> list[Problem]:
    """The flow answered from `answers` as `reflect --answers` does; the problems found."""
    source = FromMapping(engine, answers, doc)
    run_flow(engine, source, lambda: AT)
    return source.problems()


@settings(max_examples=80, deadline=None)
@given(flow_id=st.sampled_from(FLOWS.ids()), answers=answer_maps)
def test_any_answers_give_problems_or_valid_records(flow_id: str, answers: dict[str, Any]) -> None:
    text = yaml.safe_dump({"answers": answers}, allow_unicode=True)
    doc = parse_text(text, "a.yaml")
    engine = engine_for(flow_id)
    problems = run_answers(engine, doc.data["answers"] or {}, doc)
    for problem in problems:
        assert problem.path == "a.yaml" and problem.line >= 1 and problem.column >= 1
        assert problem.message
    if not problems:
        records, ratings = engine.records()
        assert all(1 <= r.level <= 5 for r in ratings)
        assert all(isinstance(a.value, (str, int, float, bool, list, type(None))) for a in records)


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_crashes_the_reader(text: str) -> None:
    try:
        doc = parse_text(text, "a.yaml")
    except ContentError:
        return
    data = doc.data if isinstance(doc.data, dict) else {}
    answers = data.get("answers")
    if isinstance(answers, dict):
        run_answers(engine_for("weekly"), answers, doc)
