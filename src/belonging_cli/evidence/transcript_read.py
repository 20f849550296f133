"""A meeting transcript read as hostile: WebVTT (Teams, Zoom), SRT, or plain "Name: text".

Someone else's export, so bounded (its size, its cues, its speakers, its times), its
escape sequences (whole: no "[2J" left to count as a word) and control characters
removed from everything kept, and every problem one `Problem` at
the file's line and column. What comes out is who spoke when and what they said,
in order (`Cue`); the measuring is evidence/transcript.py's. webvtt-py and srt are
imported only here, and only when a file of theirs is read.

Which reader: `.vtt` and `.srt` by name; any other file by its start (`WEBVTT`, a
subtitle's timing line), else plain text. A cue's speaker is its voice tag
(`<v Name>`, as Teams writes), else a `Name:` prefix (as Zoom writes); a cue with
neither continues the speaker before it. Plain text has no times: each turn lasts as
long as its words take at `WORDS_PER_SECOND` (150 a minute).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import NamedTuple

from belonging_cli.errors import ContentError, Problem
from belonging_cli.located import decode_text, read_bounded
from belonging_cli.safe_text import strip_escapes

MAX_BYTES = 5_000_000  # a two-hour meeting's VTT is ~300 kB
MAX_CUES = 50_000
MAX_LINES = 200_000  # a two-hour meeting's VTT has ~10,000: more is not a transcript
MAX_SPEAKERS = 200
MAX_NAME = 100
MAX_SECONDS = 24 * 3600  # a meeting is shorter than a day
WORDS_PER_SECOND = 2.5

# "Alice Smith: text", after an optional time stamp; a name of at most six words that
# holds no sentence punctuation (so "Note: ..." is a name, "http://x" and "Yes, and: x" are not).
_NAMED = re.compile(
    r"^(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\)?\]?\s+)?"
    r"([^\W\d_][^:?!;\"<>\[\]]{0,99}):(?:\s+(.*))?$"
)  # no two repeats can take the same characters: one try per line, never quadratic
# Zoom's saved plain transcript: "[Alice Smith] 10:02:13" on its own line.
_BRACKETED = re.compile(r"^\[([^\W\d_][^\]]{0,99})\]\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
# "Date: 2026-03-18" above the talk is the file's header, not a speaker called Date.
HEADER_WORDS = frozenset({"date", "time", "meeting", "title", "subject", "topic", "attendees"})
_TAG = re.compile(r"<[^<>\n]{0,200}>")
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NAME_DAY = re.compile(r"(?<!\d)(\d{4})[-_]?(\d{2})[-_]?(\d{2})(?!\d)")
_SRT_START = re.compile(r"^(?:\d+[ \t]*\n)?[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->")


class Cue(NamedTuple):
    """One stretch of one speaker's talk, in seconds from the meeting's start."""

    speaker: str
    start: float
    end: float
    text: str
    line: int


class Transcript(NamedTuple):
    path: str
    cues: tuple[Cue, ...]
    day: dt.date | None  # the meeting's date, from the file's header or name
    timed: bool  # False: times estimated from words (plain text)


def problem(path: str, line: int, column: int, message: str) -> ContentError:
    return ContentError([Problem(path, line, column, "", message)])


def read_transcript(path: Path) -> Transcript:
    """The transcript at `path`, or a BelongingError naming the place of its problem."""
    name = str(path)
    raw = read_bounded(path, MAX_BYTES)
    text = decode_text(raw, name).replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\n") >= MAX_LINES:
        raise problem(name, MAX_LINES + 1, 1, f"more than {MAX_LINES:,} lines")
    suffix = path.suffix.lower()
    timed = True
    if suffix == ".vtt" or (suffix != ".srt" and text.startswith("WEBVTT")):
        from belonging_cli.evidence.transcript_vtt import read_vtt

        cues, header = read_vtt(text, name)
    elif suffix == ".srt" or _SRT_START.match(text.lstrip()[:200]):
        from belonging_cli.evidence.transcript_vtt import read_srt

        cues, header = read_srt(text, name), ""
    else:
        cues, header, timed = *read_plain(text, name), False
    if not cues:
        raise problem(name, 1, 1, "nobody speaks in it (no cue with a speaker's name)")
    return Transcript(name, tuple(cues), meeting_day(header, path.name), timed)


def clean_name(text: str) -> str:
    """A speaker's name as shown: no control character, its spaces collapsed."""
    return " ".join(strip_escapes(text).split())


def clean_text(text: str) -> str:
    return " ".join(strip_escapes(_TAG.sub("", text)).split())


def split_named(text: str) -> tuple[str, str] | None:
    """("Alice", "hello") for "Alice: hello" (the name's rules above), else None."""
    found = _NAMED.match(text.strip())
    if found is None or len(found.group(1).split()) > 6:
        return None
    return clean_name(found.group(1)), found.group(2) or ""


class Speakers:
    """Counts the speakers a file names, refusing more than MAX_SPEAKERS or a long name."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.seen: set[str] = set()

    def check(self, name: str, line: int) -> str:
        if len(name) > MAX_NAME:
            raise problem(self.path, line, 1, f"a speaker's name longer than {MAX_NAME} characters")
        if name not in self.seen:
            if len(self.seen) >= MAX_SPEAKERS:
                raise problem(self.path, line, 1, f"more than {MAX_SPEAKERS} speakers")
            self.seen.add(name)
        return name


def read_plain(text: str, path: str) -> tuple[list[Cue], str]:
    """Plain "Name: text" lines; unnamed lines continue the turn before them."""
    speakers = Speakers(path)
    turns: list[tuple[str, list[str], int]] = []
    header: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        named = split_named(line)
        bracketed = _BRACKETED.match(line.strip())
        if bracketed is not None:
            named = (clean_name(bracketed.group(1)), "")
        if named is not None and not turns and named[0].casefold() in HEADER_WORDS:
            named = None
        if named is not None:
            if len(turns) >= MAX_CUES:
                raise problem(path, number, 1, f"more than {MAX_CUES:,} turns")
            turns.append((speakers.check(named[0], number), [named[1]], number))
        elif turns:
            turns[-1][1].append(line)
        else:
            header.append(line)
    cues: list[Cue] = []
    clock = 0.0
    for speaker, lines, number in turns:
        said = clean_text(" ".join(lines))
        if not said:
            continue
        length = len(said.split()) / WORDS_PER_SECOND
        cues.append(Cue(speaker, clock, clock + length, said, number))
        clock += length
    return cues, "\n".join(header[:20])


def meeting_day(header: str, file_name: str) -> dt.date | None:
    """The first real date in the file's header (before any talk), else in its name."""
    for pattern, source in ((_ISO_DAY, header), (_NAME_DAY, file_name)):
        for found in pattern.finditer(source):
            try:
                return dt.date(*(int(part) for part in found.groups()))
            except ValueError:
                continue
    return None
