"""A filled rater form read back: robust to what email does to it, bounded, and every
problem at `file:line:col`.

What email does: quoting (`> ` at any depth), CRLF, the form pasted into a longer
message (only the text from the round line to the `[end]` line is read, so a
signature or the original quoted below are ignored), non-breaking spaces, curly
apostrophes. Items are found by their keys (form.py), so the order and the wording
around them do not matter; an item left out or unmarked means "can't say". A mark
other than x, two answers to one question, or a key the round did not ask is a
problem: the form is refused whole rather than half read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, NamedTuple, Protocol, TypeVar

from belonging_cli.errors import ContentError, Problem
from belonging_cli.feedback.form import (
    CANT_SAY,
    FORMAT,
    FREQUENCY,
    GROUPS,
    OTHER,
    VERSION,
    Round,
)
from belonging_cli.located import decode_text, read_bounded
from belonging_cli.safe_text import MAX_NAME, MAX_TEXT, strip_controls

MAX_BYTES = 256 * 1024  # a form with all ten behaviours is ~25 KB
MAX_LINES = 5_000

Kind = Literal["frequency", "level"]

_QUOTE = re.compile(r"^(?:[ \t]*>)+[ \t]?")
_KEY = re.compile(r"\[(round [^\]\n]*|leader|group|keep|change|end|[a-z0-9-]+/(?:l\d+|level))\]")
_ROUND = re.compile(
    r"round ([a-z-]+)/(\d+) ([a-z0-9-]+)/([^ \]]+) (\d{4}-\d{2}-\d{2})",
)
_OPTION = re.compile(r"\[([^\[\]\n]{0,3})\]")
_MARKED = frozenset({"x", "X"})
_GROUP_WORDS = {label: group for group, label in (*GROUPS, OTHER)}
_CANT = ("can't say", "cant say", "cannot say")

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class _Parse(Protocol[T_co]):
    def __call__(self, label: str, /) -> T_co | None: ...


class Filled(NamedTuple):
    """One rater's answers: nothing that names them."""

    round: Round
    group: str
    frequency: Mapping[str, int]  # look-for key -> 0 (never) .. 4 (always)
    levels: Mapping[str, int]  # behaviour id -> 1..5
    asked: frozenset[str]  # the behaviours the form held
    keep: str
    change: str
    round_place: tuple[int, int]  # line, column of the round line, for a round mismatch


class _Line(NamedTuple):
    number: int
    indent: int  # characters of quoting removed before `text`
    text: str


class _Section(NamedTuple):
    key: str
    line: _Line
    start: int  # where the text after the key begins in line.text
    body: list[_Line]


def read_form(path: Path, kinds: Mapping[str, Kind]) -> Filled:
    """The filled form at `path`; a ContentError listing every problem in it."""
    name = str(path)
    return parse_form(decode_text(read_bounded(path, MAX_BYTES), name), name, kinds)


def parse_form(text: str, path: str, kinds: Mapping[str, Kind]) -> Filled:
    """`text` read as a filled form; `kinds` is every item key the round asks."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(raw_lines) > MAX_LINES:
        raise ContentError([Problem(path, MAX_LINES + 1, 1, "", f"more than {MAX_LINES} lines")])
    lines = []
    for number, line in enumerate(raw_lines, 1):
        quote = _QUOTE.match(line)
        indent = quote.end() if quote else 0
        lines.append(_Line(number, indent, line[indent:].replace("\xa0", " ")))
    reader = _Reader(path, kinds)
    return reader.read(lines)


class _Reader:
    def __init__(self, path: str, kinds: Mapping[str, Kind]) -> None:
        self.path = path
        self.kinds = kinds
        self.problems: list[Problem] = []

    def problem(self, line: _Line, column: int, message: str) -> None:
        self.problems.append(Problem(self.path, line.number, line.indent + column + 1, "", message))

    def read(self, lines: list[_Line]) -> Filled:
        sections = self.sections(lines)
        by_key: dict[str, _Section] = {}
        for section in sections:
            key = "round" if section.key.startswith("round ") else section.key
            if key in by_key:
                self.problem(section.line, 0, f"[{key}] is answered twice: keep one")
            elif key not in ("round", "leader", "group", "keep", "change") and (
                key not in self.kinds
            ):
                self.problem(section.line, 1, f"[{key}] is not a question of this round")
            by_key.setdefault(key, section)
        round_ = self.round(by_key.get("round"), by_key.get("leader"))
        group = self.choice(by_key.get("group"), _GROUP_WORDS.get) or OTHER[0]
        frequency: dict[str, int] = {}
        levels: dict[str, int] = {}
        for key, kind in self.kinds.items():
            found = by_key.get(key)
            if kind == "frequency":
                value = self.choice(found, _frequency)
                if value is not None:
                    frequency[key] = value
            else:
                level = self.choice(found, _level)
                if level is not None:
                    levels[key.split("/")[0]] = level
        keep, change = self.comment(by_key.get("keep")), self.comment(by_key.get("change"))
        if self.problems or round_ is None:
            raise ContentError(self.problems)
        asked = frozenset(key.split("/")[0] for key in by_key if "/" in key)
        start = by_key["round"].line
        return Filled(
            round_, group, frequency, levels, asked, keep, change, (start.number, start.indent + 1)
        )

    def sections(self, lines: list[_Line]) -> list[_Section]:
        """The keyed sections from the round line to the `[end]` line."""
        first = next((i for i, line in enumerate(lines) if _starts(line, "round ")), None)
        if first is None:
            message = "no round line [round ...]: paste the whole form, from its round line"
            self.problems.append(Problem(self.path, 1, 1, "", message))
            return []
        sections: list[_Section] = []
        for line in lines[first:]:
            found = _KEY.match(line.text)
            if found is None:
                if sections:
                    sections[-1].body.append(line)
                continue
            if found.group(1) == "end":
                return sections
            sections.append(_Section(found.group(1), line, found.end(), []))
        last = lines[-1]
        self.problem(last, 0, "the form has no [end] line: was it cut off? Paste it whole")
        return sections

    def round(self, section: _Section | None, leader: _Section | None) -> Round | None:
        if section is None:
            return None
        found = _ROUND.fullmatch(section.key)
        if found is None or found.group(1) != FORMAT:
            self.problem(section.line, 1, "the round line is not one belonging wrote")
            return None
        if int(found.group(2)) != VERSION:
            self.problem(section.line, 1, f"a form of version {found.group(2)}: update belonging")
            return None
        try:
            day = dt.date.fromisoformat(found.group(5))
        except ValueError:
            self.problem(section.line, 1, f"{found.group(5)!r} is not a date")
            return None
        name = ""
        if leader is not None:
            name = " ".join(strip_controls(leader.line.text[leader.start :]).split())
            if len(name) > MAX_NAME:
                self.problem(leader.line, leader.start, f"a name longer than {MAX_NAME}")
        return Round(found.group(3), found.group(4), day, name)

    def choice(self, section: _Section | None, word: _Parse[T]) -> T | None:
        """The one marked answer of a question (None: can't say)."""
        if section is None:
            return None
        chosen: list[tuple[_Line, int, T | None]] = []
        for index, line in enumerate([section.line, *section.body]):
            begin = section.start if index == 0 else 0
            for option in _OPTION.finditer(line.text, begin):
                mark = option.group(1).strip()
                if not mark:
                    continue
                if mark not in _MARKED:
                    self.problem(line, option.start(1), f"unknown mark {mark!r}: mark with an x")
                    continue
                label = _label(line.text[option.end() :])
                if label == CANT_SAY:
                    chosen.append((line, option.start(), None))
                    continue
                value = word(label)
                if value is None:
                    self.problem(line, option.end(), f"{label[:40]!r} is not one of the answers")
                    continue
                chosen.append((line, option.start(), value))
        if len(chosen) > 1:
            line, column, _ = chosen[1]
            self.problem(line, column, f"[{section.key}] has {len(chosen)} answers: mark one")
            return None
        return chosen[0][2] if chosen else None

    def comment(self, section: _Section | None) -> str:
        if section is None:
            return ""
        text = "\n".join(strip_controls(line.text).rstrip() for line in section.body).strip()
        if len(text) > MAX_TEXT:
            self.problem(section.line, 0, f"an answer longer than {MAX_TEXT} characters")
        return text


def _starts(line: _Line, word: str) -> bool:
    found = _KEY.match(line.text)
    return found is not None and found.group(1).startswith(word)


def _label(after: str) -> str:
    """The answer's words after its brackets, as the form wrote them."""
    text = after.split("[", 1)[0].replace("\u2019", "'").replace("\u2018", "'")
    label = " ".join(text.split()).lower().rstrip(":")
    return CANT_SAY if label.startswith(_CANT) else label


def _frequency(label: str) -> int | None:
    return FREQUENCY.index(label) if label in FREQUENCY else None


def _level(label: str) -> int | None:
    head = label.split(" ", 1)[0]
    return int(head) if head in ("1", "2", "3", "4", "5") else None
