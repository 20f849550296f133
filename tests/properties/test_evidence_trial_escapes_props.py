"""A transcript's terminal escape sequences are removed whole before anything is
counted or kept: no stored sentence holds a remnant ('[2J', ']0;pwned'), and the
word counts are those of the text without them (tests/hostile/evidence_trial/escapes.json)."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.evidence.transcript import examples, measure
from belonging_cli.evidence.transcript_read import read_transcript
from support.places import HOSTILE

CORPUS: dict[str, Any] = json.loads(
    (HOSTILE / "evidence_trial" / "escapes.json").read_text(encoding="utf-8")
)
SEQUENCES: list[str] = CORPUS["sequences"]
DAY = dt.date(2026, 3, 10)
ME = frozenset({"Dana Reyes"})
# What a sequence leaves behind when only its control characters go.
REMNANT = re.compile(r"\[[0-9;?]*[A-Za-z]|\][0-9]+;|[\x00-\x1f\x7f-\x9f]")


def _said(text: str, folder: Path) -> tuple[tuple[str, ...], int, int]:
    """The sentences kept, and Dana's and everyone's words, of a plain transcript."""
    path = folder / "meeting.txt"
    path.write_text(f"Dana Reyes: {text}\nSam Ortiz: Fine.\n", encoding="utf-8")
    read = read_transcript(path)
    meeting = measure(read.cues, ME, read.path, DAY)
    return examples([meeting]), meeting.my_words, meeting.all_words


@pytest.mark.parametrize("line", CORPUS["lines"], ids=lambda line: str(line["plain"]))
def test_a_hostile_line_is_kept_and_counted_as_it_reads(
    line: dict[str, Any], tmp_path: Path
) -> None:
    kept, mine, everyone = _said(line["said"], tmp_path)
    assert kept == (line["plain"],)
    assert (mine, everyone) == (line["words"], line["words"] + 1)


words = st.lists(st.sampled_from(["what", "is", "this", "send", "it", "how", "we"]), min_size=1)


@settings(max_examples=120, deadline=None)
@given(words, st.data())
def test_no_stored_sentence_holds_an_escape_remnant(said: list[str], data: st.DataObject) -> None:
    pieces = [
        data.draw(st.sampled_from(["", *SEQUENCES]))
        + word
        + data.draw(st.sampled_from(["", *SEQUENCES]))
        for word in said
    ]
    text = " ".join(pieces) + "?"
    with tempfile.TemporaryDirectory() as folder:
        kept, mine, _ = _said(text, Path(folder))
    plain = " ".join(said) + "?"
    assert mine == len(said)
    for sentence in kept:
        assert REMNANT.search(sentence) is None, sentence
        assert sentence == plain
