"""The journal as one Markdown document to read (`journal export --format md`, `journal show`).

Oldest first: every session with its ratings, answers and the experiments it set
or reviewed; what is private is marked, never left out (this is the person's own copy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from belonging_cli.journal.labels import Labels, outcome
from belonging_cli.records import Experiment, JournalData, Session


def export_markdown(data: JournalData, labels: Labels | None = None) -> str:
    """Every session in order, with ratings, answers and experiments; private marked."""
    labels = labels or Labels()
    name = labels.title
    set_by, reviewed_by = experiments_by_session(data.experiments)
    lines = ["# Leadership journal", ""]
    if not data.sessions:
        lines += ["No reflections yet.", ""]
    for s in sorted(data.sessions, key=lambda s: (s.started_at, s.id)):
        lines += [f"## {s.started_at.strftime('%Y-%m-%d %H:%M %z')} · {s.week} · {s.flow_id}", ""]
        facts = [f"id `{s.id}`", s.status]
        if s.focus_behaviour_id:
            facts.append(f"focus: {name(s.focus_behaviour_id)}")
        if s.tags:
            facts.append("tags: " + ", ".join(s.tags))
        lines += ["*" + " · ".join(facts) + "*", ""]
        lines += session_body(
            s, labels, reviewed_by.get(s.id, []), set_by.get(s.id, []), heading="###"
        )
    others = [e for e in data.experiments if not e.created_session_id]
    if others:
        lines += ["## Other experiments", ""]
        lines += [_experiment_line(e, name) for e in others]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def experiments_by_session(
    experiments: Iterable[Experiment],
) -> tuple[dict[str, list[Experiment]], dict[str, list[Experiment]]]:
    """The experiments each session set, and those it reviewed, by session id."""
    set_by: dict[str, list[Experiment]] = {}
    reviewed_by: dict[str, list[Experiment]] = {}
    for e in experiments:
        if e.created_session_id:
            set_by.setdefault(e.created_session_id, []).append(e)
        if e.reviewed_session_id:
            reviewed_by.setdefault(e.reviewed_session_id, []).append(e)
    return set_by, reviewed_by


def session_body(
    s: Session,
    labels: Labels,
    reviewed: list[Experiment],
    made: list[Experiment],
    *,
    heading: str,
) -> list[str]:
    """A session's ratings, answers and experiments as Markdown lines, each answer as a
    person reads it (labels, titles); what is private marked. `journal show`, the
    Markdown export and the Obsidian notes share it."""
    lines: list[str] = []
    if s.ratings:
        lines += [f"{heading} Ratings", ""]
        for r in s.ratings:
            note = ""
            if r.evidence:
                private = _private(s.id, f"{r.behaviour_id}.evidence", r.evidence_private)
                note = f": {_one_line(r.evidence)}{private}"
            lines.append(f"- {labels.title(r.behaviour_id)}: {labels.rating(r.level)}{note}")
        lines.append("")
    if s.answers:
        lines += [f"{heading} Answers", ""]
        for a in s.answers:
            private = _private(s.id, a.step_id, a.private, emphasis="*")
            question = f"**{_one_line(a.question or a.step_id)}**"
            value = labels.answer(s, a)
            if value is None:  # one line, not a heading over nothing
                lines += [f"{question} *(skipped)*{private}", ""]
            else:
                lines += [f"{question}{private}", "", _markdown_value(value), ""]
    for title, experiments in (("Experiments reviewed", reviewed), ("Experiment set", made)):
        if experiments:
            lines += [f"{heading} {title}", ""]
            lines += [_experiment_line(e, labels.title) for e in experiments]
            lines.append("")
    return lines


def _private(record_id: str, field: str, private: bool, emphasis: str = "") -> str:
    """The mark of a private text, with the id `report --share --include` takes."""
    if not private:
        return ""
    from belonging_cli.reports.privacy import item_id  # plain code, no report machinery

    return f" {emphasis}(private){emphasis} `{item_id(record_id, field)}`"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _markdown_value(value: str | list[str]) -> str:
    if isinstance(value, list):
        return "\n".join(f"- {item}" for item in value)
    return value


def _experiment_line(e: Experiment, name: Callable[[str | None], str]) -> str:
    text = f"- {e.title} ({name(e.behaviour_id)}, {e.week}): {outcome(e)}."
    text += _private(e.id, "title", e.private, emphasis="*")
    if e.happened:
        text += f" Happened: {_sentence(e.happened)}"
        text += _private(e.id, "happened", e.happened_private, emphasis="*")
    if e.learned:
        text += f" Learned: {_sentence(e.learned)}"
        text += _private(e.id, "learned", e.learned_private, emphasis="*")
    return text


def _sentence(text: str) -> str:
    line = _one_line(text)
    return line if line.endswith((".", "!", "?")) else line + "."
