"""Whatever a person typed reaches a shared bundle without control characters, so the
coach's own roll-up never refuses a client's bundle for what the journal holds (issue
11's rule, kept in one place: reports/data.plain). A C1 character (U+0085, NEL) in a
shared takeaway, a win shared with #share and a rating's shared note, through the real
CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.weekly_answers import weekly_answers, write_answers

NEL, ESC = "\u0085", "\x1b"


@pytest.mark.parametrize(
    "changed",
    [
        {"takeaway": f"Ask{NEL} first"},
        {"win": {"text": f"Shipped{ESC}[2J it", "private": False}},
        {"pulse.protect-time": {"level": 2, "evidence": f"Cancelled{NEL} twice"}},
    ],
    ids=["takeaway", "win", "rating-note"],
)
def test_a_shared_bundle_carries_no_control_character(
    cli: CliRunner, tmp_path: Path, changed: dict[str, object]
) -> None:
    answers = weekly_answers(**changed)
    assert cli("reflect", "--answers", str(write_answers(tmp_path, answers))).code == 0
    bundle = tmp_path / "me.json"
    shared = cli("report", "--share", "--out", str(bundle))
    assert shared.code == 0, shared.err
    text = bundle.read_text(encoding="utf-8")
    assert NEL not in text and ESC not in text and "\\u0085" not in text and "\\u001b" not in text
    json.loads(text)
    rolled = cli("coach", "summary", str(bundle), "--format", "json")
    assert rolled.code == 0, rolled.err
