"""The journal as one Markdown document to read (`journal export --format md`, `journal show`).

Oldest first: every session with its ratings, answers and the experiments it set
or reviewed; what is private is marked, never left out (this is the person's own copy).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from belonging_cli.records import Experiment, JournalData


def export_markdown(data: JournalData, titles: Mapping[str, str] | None = None) -> str:
    """Every session in order, with ratings, answers and experiments; private marked."""
    titles = titles or {}

    def name(behaviour_id: str | None) -> str:
        if behaviour_id is None:
            return "none"
        return titles.get(behaviour_id, behaviour_id)

    set_by: dict[str, list[Experiment]] = {}
    reviewed_by: dict[str, list[Experiment]] = {}
    for e in data.experiments:
        if e.created_session_id:
            set_by.setdefault(e.created_session_id, []).append(e)
        if e.reviewed_session_id:
            reviewed_by.setdefault(e.reviewed_session_id, []).append(e)
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
        if s.ratings:
            lines += ["### Ratings", ""]
            for r in s.ratings:
                note = ""
                if r.evidence:
                    private = _private(s.id, f"{r.behaviour_id}.evidence", r.evidence_private)
                    note = f": {_one_line(r.evidence)}{private}"
                lines.append(f"- {name(r.behaviour_id)}: {r.level}/5{note}")
            lines.append("")
        if s.answers:
            lines += ["### Answers", ""]
            for a in s.answers:
                private = _private(s.id, a.step_id, a.private, emphasis="*")
                lines += [f"**{_one_line(a.question or a.step_id)}**{private}", ""]
                lines += [_markdown_value(a.value), ""]
        for title, experiments in (
            ("Experiments reviewed", reviewed_by.get(s.id, [])),
            ("Experiment set", set_by.get(s.id, [])),
        ):
            if experiments:
                lines += [f"### {title}", ""]
                lines += [_experiment_line(e, name) for e in experiments]
                lines.append("")
    others = [e for e in data.experiments if not e.created_session_id]
    if others:
        lines += ["## Other experiments", ""]
        lines += [_experiment_line(e, name) for e in others]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _private(record_id: str, field: str, private: bool, emphasis: str = "") -> str:
    """The mark of a private text, with the id `report --share --include` takes."""
    if not private:
        return ""
    from belonging_cli.reports.privacy import item_id  # plain code, no report machinery

    return f" {emphasis}(private){emphasis} `{item_id(record_id, field)}`"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _markdown_value(value: object) -> str:
    if value is None:
        return "*(skipped)*"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "\n".join(f"- {item}" for item in value) or "*(none)*"
    return str(value)


def _experiment_line(e: Experiment, name: Callable[[str | None], str]) -> str:
    text = f"- {e.title} ({name(e.behaviour_id)}, {e.week}): {e.status}"
    if e.outcome:
        text += f", {e.outcome.replace('_', ' ')}"
    text += "."
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
