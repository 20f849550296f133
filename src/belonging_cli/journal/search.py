"""`journal search`: the lines of a journal that hold some text, whatever its case or accents.

"amelie" finds "Amélie" and "AMÉLIE": both sides are compared decomposed (NFKD),
without their combining marks, casefolded. Each hit keeps where its match is in
the line as typed, so the terminal can make exactly that bold. A hit names the
question it answers, not the flow's step id; a session's tags are one source
(the tags step's answer holds the same words).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any, NamedTuple

from belonging_cli.records import Session
from belonging_cli.reports.words import plural


class Hit(NamedTuple):
    session_id: str
    date: str
    step_id: str  # where it is, for scripts: a step id, `rating <behaviour>`, `tags`
    question: str  # where it is, for people
    line: str
    spans: tuple[tuple[int, int], ...]  # the matches in `line`, [start, end)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.session_id,
            "date": self.date,
            "where": self.step_id,
            "question": self.question,
            "line": self.line,
        }


def folded(text: str) -> tuple[str, list[int]]:
    """`text` compared as search compares it, and for each of its characters the index
    of the character of `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for piece in part.casefold():
                out.append(piece)
                origin.append(i)
    return "".join(out), origin


def matches(needle: str, line: str) -> tuple[tuple[int, int], ...]:
    """Where `needle` (already folded) is in `line`, as spans of `line`."""
    hay, origin = folded(line)
    spans: list[tuple[int, int]] = []
    start = hay.find(needle)
    while needle and start >= 0:
        end = start + len(needle)
        spans.append((origin[start], origin[end - 1] + 1))
        start = hay.find(needle, end)
    return tuple(spans)


def sources(s: Session, titles: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """Every line of text a session holds: (step id, question, line)."""
    found: list[tuple[str, str, str]] = []
    for a in s.answers:
        if a.kind == "tags":
            continue  # the session's tags, below
        values = a.value if isinstance(a.value, list) else [a.value]
        question = " ".join((a.question or a.step_id).split())
        for value in values:
            if isinstance(value, str):
                found += [(a.step_id, question, x) for x in value.splitlines() if x.strip()]
    for r in s.ratings:
        if r.evidence:
            name = titles.get(r.behaviour_id, r.behaviour_id)
            where = f"rating {r.behaviour_id}"
            found += [(where, f"{name} (rating)", x) for x in r.evidence.splitlines() if x.strip()]
    found += [("tags", "tags", tag) for tag in s.tags]
    return found


def search(sessions: list[Session], text: str, titles: Mapping[str, str]) -> list[Hit]:
    needle, _ = folded(text.strip())
    hits: list[Hit] = []
    for s in sessions:
        day = s.started_at.date().isoformat()
        for step_id, question, line in sources(s, titles):
            spans = matches(needle, line.strip())
            if spans:
                hits.append(Hit(s.id, day, step_id, question, line.strip(), spans))
    return hits


def count_line(hits: list[Hit]) -> str:
    """`1 matching line`, `3 matching lines in 2 sessions`."""
    lines = plural(len(hits), "matching line")
    if len(hits) == 1:
        return lines
    return f"{lines} in {plural(len({h.session_id for h in hits}), 'session')}"
