"""Properties of the transcript readers and figures, over arbitrary input."""

from __future__ import annotations

import datetime as dt
import math
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.errors import BelongingError, ContentError
from belonging_cli.evidence.phrasing import read_sentence, sentences
from belonging_cli.evidence.transcript import measure, talk_shares
from belonging_cli.evidence.transcript_read import Cue, read_transcript

DAY = dt.date(2026, 3, 10)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
names = st.sampled_from(["Dana Reyes", "Sam", "Priya Nair", "Lee", "Alex Kim"])
cues = st.lists(
    st.tuples(
        names,
        st.floats(min_value=0, max_value=600, allow_nan=False),
        st.floats(min_value=0, max_value=120, allow_nan=False),
        st.text(alphabet="abc ?.!", max_size=40),
    ).map(lambda c: Cue(c[0], c[1], c[1] + c[2], c[3], 1)),
    min_size=1,
    max_size=40,
)


@given(cues)
def test_talk_shares_add_up_to_one_whenever_anyone_spoke(found: list[Cue]) -> None:
    shares = talk_shares(found)
    spoke = any(c.end > c.start for c in found) or any(c.text.split() for c in found)
    assert bool(shares) == spoke
    if shares:
        assert math.isclose(sum(shares.values()), 1.0, rel_tol=1e-9)
        assert all(0 <= share <= 1 for share in shares.values())


@given(cues)
def test_each_speakers_share_as_me_adds_up_to_one(found: list[Cue]) -> None:
    speakers = {c.speaker for c in found}
    meetings = [measure(found, frozenset({s}), "x.vtt", DAY) for s in speakers]
    total = sum(m.talk_share for m in meetings)
    assert total == 0 or math.isclose(total, 1.0, rel_tol=1e-9)
    for m in meetings:
        assert m.open_questions <= m.questions and 0 <= m.turns <= len(found)


@given(st.text(max_size=300))
def test_a_sentence_is_read_without_fail(text: str) -> None:
    for sentence in sentences(text):
        read = read_sentence(sentence)
        assert not read.open or read.question


def _read(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"t{suffix}"
        path.write_bytes(data)
        try:
            found = read_transcript(path)
        except ContentError as exc:
            lines = data.count(b"\n") + 1
            for line in exc.lines():
                place = re.match(rf"{re.escape(str(path))}:(\d+):(\d+): ", line)
                assert place is not None, line
                assert 1 <= int(place[1]) <= lines
            return
        except BelongingError:
            return
        for cue in found.cues:
            assert not CONTROL.search(cue.speaker + cue.text)
            assert 0 <= cue.start <= cue.end


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([".vtt", ".srt", ".txt"]), st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_at_a_place(suffix: str, data: bytes) -> None:
    _read(suffix, data)


line = st.one_of(
    st.just(""),
    st.just("WEBVTT"),
    st.just("00:00:01.000 --> 00:00:02.500"),
    st.just("00:00:01,000 --> 00:00:02,500"),
    st.just("00:00:09.000 --> 00:00:02.500"),
    st.just("1"),
    st.sampled_from(["<v Dana>Hi?</v>", "Dana: what now?", "Sam: ok.", "[Sam] 10:00:01"]),
    st.text(alphabet="<>v:-> \x1b\x07\x85\u2028aZ0?.", max_size=30),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([".vtt", ".srt", ".txt"]), st.lists(line, max_size=30))
def test_transcript_like_text_is_read_or_refused_at_a_place(suffix: str, lines: list[str]) -> None:
    _read(suffix, "\n".join(lines).encode("utf-8"))
