"""Properties of the feedback round: the form parser never crashes and locates its
problems; no aggregate reveals a group, or a set of answers, of fewer than 3 raters;
collecting again minus one or two raters is refused."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.errors import ContentError
from belonging_cli.feedback import state
from belonging_cli.feedback.collect import MIN_RATERS, aggregate, count, too_few
from belonging_cli.feedback.parse import parse_form
from support.feedback_forms import FORMS, ROUND, behaviours, filled, kinds

KINDS = kinds()
BEHAVIOURS = behaviours()
GROUP_IDS = ["direct-report", "peer", "manager", "other"]
PIECES = st.sampled_from(
    [
        ROUND.line(),
        "[end]",
        "[group]",
        "[x]",
        "[ ]",
        "[?]",
        "> ",
        "\r\n",
        "\n",
        "[keep]",
        "[protect-time/l1]",
        "[protect-time/level]",
        " 3 ",
        "often",
        "can't say",
        "\x1b[2J",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_arbitrary_text_never_crashes_and_every_problem_is_in_the_text(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        form = parse_form(text, "f.txt", KINDS)
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert 1 <= problem.line <= len(lines)
            assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1
        return
    assert "\x1b" not in form.keep + form.change + form.round.leader


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 200), st.integers(0, 200))
def test_a_real_form_mangled_anywhere_never_crashes(cut: int, where: int) -> None:
    text = (FORMS / "dr-1.txt").read_text()
    at = where * len(text) // 200
    with contextlib.suppress(ContentError):
        parse_form(text[: len(text) - cut * 10] + text[at : at + 7], "f.txt", KINDS)


RATERS = st.lists(st.tuples(st.sampled_from(GROUP_IDS), st.integers(1, 5)), max_size=14)


@settings(max_examples=300, deadline=None)
@given(RATERS)
def test_no_output_reveals_a_group_or_answers_of_fewer_than_three(
    raters: list[tuple[str, int]],
) -> None:
    forms = [filled(g, level, keep=f"keep {i}") for i, (g, level) in enumerate(raters)]
    counted = count(forms)
    if too_few(counted) is not None:
        assert len(counted.forms) < MIN_RATERS
        return
    data = aggregate(counted, ROUND, BEHAVIOURS, dt.date(2026, 12, 1))
    assert all(n >= MIN_RATERS for n in data["raters"]["groups"].values())
    assert sum(data["raters"]["groups"].values()) == data["raters"]["total"]
    for behaviour in data["behaviours"]:
        level = behaviour["level"]
        if level is None:
            continue
        shown = [g["n"] for g in level["by_group"].values()]
        assert all(n >= MIN_RATERS for n in shown)
        assert level["n"] - sum(shown) == 0 or level["n"] - sum(shown) >= MIN_RATERS
        assert all(lf["n"] >= MIN_RATERS for lf in behaviour["look_fors"])
    words = json.dumps(data)
    for group in GROUP_IDS:
        if sum(1 for g, _ in raters if g == group) < MIN_RATERS or group == "other":
            assert f'"{group}"' not in words
    # Every comment counted is from a rater counted, and they are as many.
    assert len(data["comments"]["keep"]) == data["raters"]["total"]


@settings(max_examples=100, deadline=None)
@given(st.integers(3, 12), st.integers(1, 2), st.booleans())
def test_collecting_again_with_one_or_two_raters_fewer_or_more_is_refused(
    size: int, gone: int, adding: bool
) -> None:
    with tempfile.TemporaryDirectory() as name:
        _refused(Path(name), size, gone, adding)


def _refused(folder: Path, size: int, gone: int, adding: bool) -> None:
    everyone = [filled("direct-report", 1 + i % 5, keep=f"k{i}") for i in range(size + gone)]
    memory = state.load(folder / state.STATE_NAME)
    first, second = (everyone[:size], everyone) if adding else (everyone, everyone[:size])
    state.record(memory, ROUND, first)
    again = state.load(folder / state.STATE_NAME)
    assert state.revealing(again, ROUND, second) == gone
    assert state.revealing(again, ROUND, first) == 0
