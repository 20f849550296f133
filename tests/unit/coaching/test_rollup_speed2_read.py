"""A bundle's texts are checked as pydantic-core reads them (issue 19: a roll-up of
2,000 bundles within twice the time of only reading them): no Python call for each of
a bundle's thousands of names and words, and a text holding a control character or a
line break is refused as before, at its field, saying the first bad character as
safe_text words it. Hostile texts: tests/hostile/rollup_speed2/texts.json."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from belonging_cli import safe_text
from belonging_cli.coaching.bundle import BadBundle, parse_bundle
from belonging_cli.coaching.samples import sample_bundle
from belonging_cli.content.source import format_loc

CORPUS = json.loads(
    (Path(__file__).parents[2] / "hostile" / "rollup_speed2" / "texts.json").read_text("utf-8")
)
END = dt.date(2026, 11, 27)


def good() -> dict[str, Any]:
    """A shared bundle holding every kind of text: names, titles, a person's words."""
    bundle = sample_bundle("Sam", 3, END, weeks=26)
    bundle["writing"] = {"takeaways": [{"week": "2026-W40", "text": "Ask first"}]}
    item: dict[str, Any] = {"week": "2026-W40", "behaviour_id": "protect-time"}
    item |= {"behaviour_title": None, "title": "One hour", "status": "done"}
    item |= {"private": False, "learned": "It helps"}
    bundle["experiments"]["items"] = [item]
    bundle["exercises"]["items"][0]["answers"] = [{"week": "2026-W40", "answer": "Done"}]
    return bundle


def changed(case: dict[str, Any]) -> bytes:
    bundle = good()
    *above, key = case["path"]
    place: Any = bundle
    for step in above:
        place = place[step]
    place[key] = case["value"] * case.get("repeat", 1)
    return json.dumps(bundle, indent=2).encode("utf-8")


def test_good_bundle_reads() -> None:
    assert parse_bundle(json.dumps(good()).encode(), "good.json").person.name == "Sam"


@pytest.mark.parametrize("case", CORPUS["refused"], ids=lambda c: c["name"])
def test_a_bad_character_is_refused_at_its_field(case: dict[str, Any]) -> None:
    with pytest.raises(BadBundle) as refused:
        parse_bundle(changed(case), "bad.json")
    problem = refused.value.problem
    assert problem.field == format_loc(tuple(case["path"]))
    assert problem.line > 1  # at the field's own line, not the file's start
    value = case["value"] * case.get("repeat", 1)
    said = safe_text.text_problem(value, one_line=case["one_line"])
    assert said is not None
    assert problem.message == case.get("says", said)


@pytest.mark.parametrize("case", CORPUS["accepted"], ids=lambda c: c["name"])
def test_a_text_a_writer_keeps_is_read(case: dict[str, Any]) -> None:
    parse_bundle(changed(case), "fine.json")


def test_no_python_check_for_each_text() -> None:
    raw = json.dumps(good()).encode("utf-8")
    parse_bundle(raw, "warm.json")
    checks = {safe_text.one_line.__code__, safe_text.no_controls.__code__}
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code in checks:
            calls += 1

    sys.setprofile(count)
    try:
        parse_bundle(raw, "good.json")
    finally:
        sys.setprofile(None)
    # Without: one call for each name, title, label and note (~300 in this bundle).
    assert calls == 0
