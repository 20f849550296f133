"""The review screen's lines (engine/review_screen.py): one line per answer, cut at a
word to the width, wide characters counted as the terminal draws them; an answer
opened again starts from what was given; answers a change made moot are forgotten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.history import History
from belonging_cli.engine.kinds.base import Given
from belonging_cli.engine.review_screen import again, fit, rows, width_of
from belonging_cli.engine.session import Engine
from support.cli import REPO

HOSTILE = Path(__file__).resolve().parents[2] / "hostile" / "review"
AT = dt.datetime(2026, 11, 27, 12, tzinfo=dt.timezone.utc)
RUBRIC = load_rubric(REPO / "rubrics")
FLOWS = load_flows(REPO / "prompts")
WEEKLY = FLOWS.get("weekly")


def answers() -> list[str]:
    text = (HOSTILE / "answers.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("text", answers())
@pytest.mark.parametrize("width", [20, 40, 56, 76])
def test_a_hostile_answer_fits_its_line(text: str, width: int) -> None:
    shown = fit(text, width)
    assert width_of(shown) <= width
    assert "\n" not in shown and "\x1b" not in shown and "\r" not in shown


@given(st.text(), st.integers(min_value=4, max_value=200))
def test_any_text_fits_and_is_cut_at_a_word(text: str, width: int) -> None:
    shown = fit(text, width)
    assert width_of(shown) <= width
    words = " ".join(text.split())
    if shown.endswith("...") and not words.endswith("..."):
        kept = shown.removesuffix("...").split()
        if len(kept) > 1:  # every word kept but the one the room ran out in is whole
            assert kept[:-1] == words.split()[: len(kept) - 1]


def test_wide_characters_take_two_columns() -> None:
    assert width_of("李娜") == 4 and width_of("René") == 4
    assert width_of(fit("何もない " * 10, 20)) <= 20


def engine(flow_id: str = "weekly") -> Engine:
    return Engine(FLOWS.get(flow_id), RUBRIC, History(), "2026-W48", AT.date())


def answer(e: Engine, qid: str, value: object, private: bool | None = None) -> None:
    question = next(q for q in e.questions() if q.id == qid)
    e.answer(question, value, AT, private)  # type: ignore[arg-type]


def test_the_lines_follow_the_flow_and_a_rating_reads_as_a_level() -> None:
    e = engine()
    for behaviour in RUBRIC.ids():
        answer(e, f"pulse.{behaviour}", 3)
    answer(e, "focus", RUBRIC.ids()[0])
    lines = rows(e, 76)
    assert [qid for qid, _ in lines] == [*(f"pulse.{b}" for b in RUBRIC.ids()), "focus"]
    assert lines[0][1].startswith("3 Intentional")
    assert lines[-1][1].endswith(RUBRIC.behaviours[0].title)  # not "(suggested)"


def test_an_answer_opened_again_starts_from_it() -> None:
    e = engine()
    answer(e, f"pulse.{RUBRIC.ids()[0]}", 4)
    rating = next(q for q in e.questions() if q.id == f"pulse.{RUBRIC.ids()[0]}")
    assert again(rating, e.given[rating.id]).default == 4
    answer(e, "wellbeing", "low")
    wellbeing = next(q for q in e.questions() if q.id == "wellbeing")
    assert again(wellbeing, e.given["wellbeing"]).default == "low"  # not the usual steady
    dive = engine("deep-dive")  # the weekly asks no tags since 2.0; the deep dive does
    answer(dive, "tags", "team, hard talk")
    tags = next(q for q in dive.questions() if q.id == "tags")
    assert again(tags, dive.given["tags"]).default == "team, hard-talk"
    takeaway = next(q for q in e.questions() if q.id == "takeaway")
    shared = Given("Ask first", AT, private=True)
    assert again(takeaway, shared).default == "Ask first #private"  # the flip, visible


def test_answers_a_change_made_moot_are_forgotten() -> None:
    e = engine()
    answer(e, "wellbeing", "low")
    answer(e, "wellbeing-help", "A quiet Friday")
    assert "wellbeing-help" in e.given
    answer(e, "wellbeing", "stretched")
    assert e.forget_unasked() == ["wellbeing-help"]
    assert "wellbeing-help" not in e.given and e.forget_unasked() == []


def test_answers_about_another_behaviour_are_forgotten_when_the_focus_changes() -> None:
    # A new focus asks other prompts and offers other experiments: what was written for
    # the old one is not filed under the new one's prompts.
    e = engine()
    first, second = RUBRIC.ids()[0], RUBRIC.ids()[1]
    answer(e, "focus", first)
    answer(e, "reflect.1", f"about {first}")  # one prompt a week
    experiment = next(q for q in e.questions() if q.id == "next-experiment")
    answer(e, "next-experiment", experiment.default)
    answer(e, "next-experiment.when", "Monday, with Ana")  # its plan goes with it
    answer(e, "focus", second)
    forgotten = e.forget_unasked()
    assert {"reflect.1", "next-experiment", "next-experiment.when"} <= set(forgotten)
    assert e.given["focus"].value == second
