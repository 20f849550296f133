"""The journal as Obsidian notes (`journal export --format obsidian DIR`): one a session.

Each note opens with YAML properties that Obsidian's Properties view, Dataview and
chart plugins read as typed values: `date` a date (YYYY-MM-DD), `week` and `flow`
text, `rating-<behaviour id>` a number for each behaviour rated (flat, because
Obsidian has no nested property type), `average` and `balance` numbers, `focus`
the behaviour id, `experiment` the title of the experiment set, `tags` a list.
The properties are written by a YAML dumper from plain values, so nothing a person
typed (`---`, `key: value` lines, controls) can end the block or add a property.

The body is the session as `journal show` reads it (markdown.session_body), private
answers included and marked: the export is the person's own. File names come from
the session's date and id only (`2026-11-27 1a2b3c4d.md`), never from typed text.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from typing import Any, NamedTuple

from belonging_cli.journal.labels import Labels
from belonging_cli.journal.markdown import experiments_by_session, session_body
from belonging_cli.records import Experiment, JournalData, Session
from belonging_cli.safe_text import strip_controls

INDEX_NAME = "Belonging journal"
# Obsidian tags may not hold spaces or these, nor be digits only.
_TAG_BREAKS = re.compile(r"[\s#,;:!?\"'()\[\]{}<>|\\/`*^=+~&%$@.]+")
_ID_TEXT = re.compile(r"[0-9A-Za-z-]+")


class Note(NamedTuple):
    name: str  # the file's name without `.md`
    text: str
    session_id: str | None  # None: the index


def notes(data: JournalData, labels: Labels) -> list[Note]:
    """One note per session, oldest first, then the index linking them all."""
    made, reviewed = experiments_by_session(data.experiments)
    sessions = sorted(data.sessions, key=lambda s: (s.started_at, s.id))
    names = note_names(sessions)
    found = [
        Note(
            names[s.id],
            _note(s, labels, made.get(s.id, []), reviewed.get(s.id, [])),
            s.id,
        )
        for s in sessions
    ]
    return [*found, Note(INDEX_NAME, _index(sessions, names, labels), None)]


def note_names(sessions: Sequence[Session]) -> dict[str, str]:
    """A file name for each session: its day and the start of its id, longer where two
    would share one; an id that is not plain letters, digits and dashes (a hand-edited
    journal) is named by a checksum instead: no typed text ever becomes a path."""

    def token(session_id: str) -> str:
        if _ID_TEXT.fullmatch(session_id):
            return session_id.lower()
        return f"{zlib.crc32(session_id.encode()):08x}{zlib.adler32(session_id.encode()):08x}"

    tokens = {s.id: token(s.id) for s in sessions}
    names: dict[str, str] = {}
    for length in (8, 13, 18, 36, 64):
        names = {
            s.id: f"{s.started_at.date().isoformat()} {tokens[s.id][:length]}" for s in sessions
        }
        if len(set(names.values())) == len(names):
            return names
    # Still shared (ids that differ only in case): number them in order.
    return {s.id: f"{names[s.id]} {i + 1}" for i, s in enumerate(sessions)}


def properties(s: Session, labels: Labels, made: Sequence[Experiment]) -> dict[str, Any]:
    """The note's properties as plain values, each of the type Obsidian reads."""
    found: dict[str, Any] = {
        "date": s.started_at.date(),
        "week": s.week,
        "flow": _one(s.flow_id),
        "status": s.status,
        "session": s.id,
    }
    if s.focus_behaviour_id:
        found["focus"] = _one(s.focus_behaviour_id)
        found["focus-title"] = _one(labels.title(s.focus_behaviour_id))
    for r in s.ratings:
        found[f"rating-{_one(r.behaviour_id)}"] = r.level
    average = s.average_rating()
    if average is not None:
        found["average"] = round(average, 2)
    balance = next((a.value for a in s.answers if a.role == "balance"), None)
    if isinstance(balance, int) and not isinstance(balance, bool):
        found["balance"] = balance
    if made:
        found["experiment"] = _one(made[0].title)
    tags = [t for t in (obsidian_tag(tag) for tag in s.tags) if t]
    found["tags"] = ["belonging", *dict.fromkeys(tags)]
    return found


def obsidian_tag(tag: str) -> str:
    """A tag as Obsidian accepts one: no spaces or punctuation, not digits only."""
    cleaned = _TAG_BREAKS.sub("-", strip_controls(tag)).strip("-")
    if cleaned.replace("-", "").isdigit():
        cleaned = f"week-{cleaned}" if cleaned else ""
    return cleaned


def _one(text: str) -> str:
    """A property's text on one line (a value Obsidian's Properties view can edit)."""
    return " ".join(strip_controls(text).split())


def front_matter(values: dict[str, Any]) -> str:
    """`---`, the properties as YAML, `---`: dumped, never concatenated."""
    import yaml

    dumped = yaml.safe_dump(
        values, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000
    )
    return f"---\n{dumped}---\n"


def _note(
    s: Session, labels: Labels, made: Sequence[Experiment], reviewed: Sequence[Experiment]
) -> str:
    heading = f"# {s.started_at.day} {s.started_at:%b %Y} · {s.week} · {_one(s.flow_id)}"
    body = session_body(s, labels, list(reviewed), list(made), heading="##")
    lines = [heading, "", f"Back to [[{INDEX_NAME}]]", "", *body]
    if s.tags and not any(a.kind == "tags" for a in s.answers):
        lines += ["Tags as typed: " + ", ".join(_one(t) for t in s.tags), ""]
    text = "\n".join(lines).rstrip("\n") + "\n"
    return front_matter(properties(s, labels, made)) + strip_controls(text)


def _index(sessions: Sequence[Session], names: dict[str, str], labels: Labels) -> str:
    lines = [
        "# Belonging journal",
        "",
        "Every reflection, newest first. Written by `belonging journal export --format "
        "obsidian`; run it again to update these notes.",
        "",
    ]
    for s in reversed(sessions):
        focus = f", focus {labels.title(s.focus_behaviour_id)}" if s.focus_behaviour_id else ""
        lines.append(f"- [[{names[s.id]}]] {s.week}, {_one(s.flow_id)}{focus}")
    if not sessions:
        lines.append("No reflections yet.")
    values = {"tags": ["belonging"], "sessions": len(sessions)}
    return front_matter(values) + strip_controls("\n".join(lines) + "\n")
