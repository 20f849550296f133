"""Bad transcripts: each one problem at its file:line:col, bounded, never a traceback."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
import yaml

from belonging_cli.errors import BelongingError, ContentError
from belonging_cli.evidence import transcript_read
from belonging_cli.evidence.transcript_read import MAX_SPEAKERS, read_transcript
from support.places import HOSTILE

BAD = HOSTILE / "transcripts" / "bad"
PROBLEMS: dict[str, dict[str, str]] = yaml.safe_load((BAD / "problems.yaml").read_text())


def test_every_bad_file_is_listed() -> None:
    assert set(PROBLEMS) == {p.name for p in BAD.iterdir() if p.name != "problems.yaml"}


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_a_bad_transcript_is_one_problem_at_its_place(name: str) -> None:
    with pytest.raises(ContentError) as raised:
        read_transcript(BAD / name)
    (line,) = raised.value.lines()
    assert line.startswith(f"{BAD / name}:{PROBLEMS[name]['at']}: ")
    assert PROBLEMS[name]["says"] in line


def test_a_file_too_large_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.vtt"
    path.write_bytes(b"WEBVTT\n\n" + b"x" * transcript_read.MAX_BYTES)
    with pytest.raises(ContentError, match=r"huge\.vtt:1:1: larger than 5 MB"):
        read_transcript(path)


def test_too_many_cues_is_a_problem_at_the_first_one_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("belonging_cli.evidence.transcript_vtt.MAX_CUES", 3)
    cues = "".join(f"00:00:0{n}.000 --> 00:00:0{n}.500\nA: hi\n\n" for n in range(5))
    path = tmp_path / "many.vtt"
    path.write_text("WEBVTT\n\n" + cues, encoding="utf-8")
    with pytest.raises(ContentError, match=r"many\.vtt:12:1: more than 3 cues"):
        read_transcript(path)


def test_too_many_speakers(tmp_path: Path) -> None:
    lines = [f"Person {n}: hello." for n in range(MAX_SPEAKERS + 1)]
    path = tmp_path / "crowd.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError, match=rf"crowd\.txt:{MAX_SPEAKERS + 1}:1: more than"):
        read_transcript(path)


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(BelongingError, match=r"cannot read .*gone\.vtt"):
        read_transcript(tmp_path / "gone.vtt")


def test_a_folder_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(BelongingError, match="cannot read"):
        read_transcript(tmp_path)


def _spaces(n: int) -> str:
    return " " * n


# Long runs of what a reader's patterns might try again and again from every place:
# each file must be read or refused in well under a second (srt's own pattern and a
# `\s*` twice in a row took minutes on 50 kB of spaces).
SLOW_ONCE = {
    "spaces.srt": _spaces(4_000_000),
    "spaces.txt": _spaces(4_000_000),
    "spaced-name.txt": "A" * 90 + _spaces(4_000_000) + ": hi",
    "blank-lines.srt": " \n" * 190_000,
    "blank-lines.txt": "\n" * 190_000,
    "tags.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>" + "<a" * 1_000_000,
    "colons.txt": "a:" * 1_000_000,
    "srt-breaks.srt": "1\n00:00:01,000 --> 00:00:02,000\nA: hi" + "\n\nx" * 60_000,
}


@pytest.mark.parametrize("name", sorted(SLOW_ONCE))
def test_no_input_makes_a_reader_slow(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(SLOW_ONCE[name], encoding="utf-8")
    started = time.perf_counter()
    with contextlib.suppress(BelongingError):
        read_transcript(path)
    assert time.perf_counter() - started < 1.5


def test_too_many_lines_is_a_problem_where_they_go_past(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("A: hi\n" * transcript_read.MAX_LINES, encoding="utf-8")
    with pytest.raises(ContentError, match=r"lines\.txt:200001:1: more than 200,000 lines"):
        read_transcript(path)
