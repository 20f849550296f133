"""`belonging report` at a terminal: the report drawn with rich, not Markdown source.

Piped or written with --out, a report stays Markdown (reports/render.py); at a
terminal a person reads headings, tables that fit the window (cells wrap at words)
and sparklines, and no Mermaid block. The same model and the same words
(reports/words.py) as every other format. The user's words go to rich as `Text`,
never as markup, their line breaks kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from belonging_cli.reports import words
from belonging_cli.reports.charts import sparkline
from belonging_cli.reports.model import SHOWN, Report

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console, RenderableType

NOTES_SHOWN = 3  # the latest control-or-influence notes, as the other formats


def show_report(
    report: Report, console: Console, *, home: Path | None = None, period: Sequence[str] = ()
) -> None:
    """The whole report, section by section, to the width of `console`; the command
    it suggests keeps `home`, the one this run was given, and the `period` options it
    was given (a year's report on screen suggests a year's with charts)."""
    from rich.text import Text

    from belonging_cli.reminders import suggested

    say = console.print
    title = Text("Progress report", style="bold underline")
    say(title)
    person = report.person.name
    lead = f"For {person}, covering " if person else "Covering "
    say(Text(lead + words.period_phrase(report.period) + "."))
    show_glance(report, console)
    say()
    say(Text(words.rhythm(report.summary)))
    if report.summary.last_reflection:
        say(Text(f"Your last reflection was on {words.day(report.summary.last_reflection)}."))
    if report.shared:
        say(Text(f"Shared report: {words.left_out(report.private_left_out)}", style="bold"))
    sections = (
        _ratings,
        _evidence,
        _highs_and_lows,
        _moved,
        _reflections,
        _experiments,
        _balance,
        _writing,
        _exercises,
        _others,
        _next,
    )
    for section in sections:
        section(report, console)
    say()
    footer = (
        f"Rubric {report.rubric.id} {report.rubric.version} ({report.rubric.title}). "
        f"Made with belonging {report.tool_version} on {words.day(report.generated_at)}. "
        "The full report with charts: " + suggested(home, "report", *period, "--out", "report.html")
    )
    say(Text(footer, style="dim"))


def show_glance(report: Report, console: Console) -> None:
    """The two-minute top (sections/top.py), each line a bullet wrapped at words."""
    top = getattr(report, "top", None)
    lines = tuple(getattr(top, "lines", ()) or ())
    if lines:
        _heading(console, "At a glance")
        for line in lines:
            console.print(_bullet(str(line)))


def _heading(console: Console, text: str, *, level: int = 2) -> None:
    from rich.text import Text

    console.print()
    console.print(Text(text, style="bold underline" if level == 2 else "bold"))


def _bullet(text: str, style: str = "") -> RenderableType:
    """A list item whose wrapped lines hang under its first word."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row("•", Text(text, style=style))
    return grid


def _note(text: str) -> RenderableType:
    """A person's own words, indented under what they answer, line breaks kept."""
    from rich.padding import Padding
    from rich.text import Text

    lines = [" ".join(line.split()) for line in text.splitlines()]
    kept = "\n".join(line for line in lines if line) or " "
    return Padding(Text(kept), (0, 0, 0, 4), expand=False)


def _table(*columns: str, right: Iterable[str] = ()) -> Any:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
    aligned = set(right)
    for column in columns:
        table.add_column(column, justify="right" if column in aligned else "left")
    return table


def _ratings(report: Report, console: Console) -> None:
    from belonging_cli.reports.terminal_ratings import show_ratings

    show_ratings(report, console, _heading)


def _evidence(report: Report, console: Console) -> None:
    from belonging_cli.reports.terminal_evidence import show_evidence

    show_evidence(report, console, _heading, _bullet)


def _highs_and_lows(report: Report, console: Console) -> None:
    from belonging_cli.reports.terminal_insight import show_highs_and_lows

    show_highs_and_lows(report, console, _heading, _bullet)


def _writing(report: Report, console: Console) -> None:
    from belonging_cli.reports.terminal_insight import show_writing

    show_writing(report, console, _heading, _bullet)


def _moved(report: Report, console: Console) -> None:
    moved = sorted(
        ((p.week, r.title, p) for r in report.ratings if r.count for p in r.series if p.evidence),
        key=lambda item: item[0],
    )[-SHOWN:]
    if not moved:
        return
    _heading(console, "What moved your ratings")
    for week, title, point in moved:
        before = getattr(point, "previous", None)
        level = f"{before} → {point.level}" if before else f"rated {point.level}"
        private = " (private)" if point.private else ""
        console.print(_bullet(f"{week}, {title}, {level}{private}:"))
        console.print(_note(point.evidence or ""))


def _reflections(report: Report, console: Console) -> None:
    from rich.text import Text

    shown = report.focus_reflections[-SHOWN:]
    if not shown:
        return
    _heading(console, "Focus reflections")
    if len(shown) < report.listed.focus_reflections:
        total = report.listed.focus_reflections
        console.print(Text(f"The latest {len(shown)} of {total} reflections.", style="dim"))
    titles = {r.behaviour_id: r.title for r in report.ratings}
    order = [r.behaviour_id for r in report.ratings]
    groups: dict[str | None, list[Any]] = {}
    for item in shown:
        key = item.behaviour_id if item.behaviour_id in titles else None
        groups.setdefault(key, []).append(item)
    for key in [*(b for b in order if b in groups), *([None] if None in groups else [])]:
        _heading(console, titles[key] if key else "Other reflections", level=3)
        for n, item in enumerate(groups[key]):
            if n:
                console.print()
            private = ", private" if item.private else ""
            question = Text(item.question or "Your reflection", style="italic")
            question.append(f" ({item.week}{private})", style="dim")
            console.print(question)
            console.print(_note(item.answer))


def _experiments(report: Report, console: Console) -> None:
    from rich.text import Text

    from belonging_cli.reports.render import outcome_word

    found = report.experiments
    if not found.items and found.open is None:
        return
    _heading(console, "Experiments")
    console.print(Text(words.experiments_words(found.counts)))
    for n, shown in enumerate(found.open_now):  # status's one first, then the newest
        line = Text("Open now: " if n == 0 else "Also open: ")
        line.append(shown.title or "a private experiment", style="bold")
        about = shown.behaviour_title or shown.behaviour_id
        line.append(f" ({about}, for {shown.week})")
        console.print(line)
    if found.open_total > len(found.open_now):
        console.print(Text(f"And {found.open_total - len(found.open_now)} more open."))
    for item in found.items[-SHOWN:]:
        title = item.title or "(private)"
        if item.private and item.title:
            title += " (private)"
        state = getattr(item, "state", "") or item.status
        about = item.behaviour_title or item.behaviour_id
        console.print(_bullet(f"{item.week}, {title} ({about}): {outcome_word(state)}"))
        for lead, text in (("What happened", item.happened), ("What you learned", item.learned)):
            if text:
                console.print(_note(f"{lead}: {text}"))
    from belonging_cli.reports.terminal_insight import show_links

    show_links(report, console, _bullet)


def _balance(report: Report, console: Console) -> None:
    from rich.text import Text

    balance = report.balance
    if not balance.series and not balance.notes and not balance.levers:
        return
    _heading(console, "Control or influence")
    if balance.levers:
        console.print(Text(words.levers_words(balance)))
        console.print(Text(f"Week by week: {words.levers_weeks(balance)}."))
    if balance.series:
        console.print(Text(words.balance_words(balance)))
        line = Text("Week by week: ")
        line.append(sparkline(p.value for p in balance.series[-26:]), style="cyan")
        line.append(" (1 mostly control, 5 mostly influence)", style="dim")
        console.print(line)
    if balance.notes:  # as the other formats label them: notes, not more levers
        console.print(Text("Your latest notes:"))
    for note in balance.notes[-NOTES_SHOWN:]:
        private = " (private)" if note.private else ""
        console.print(_bullet(f"{note.week}{private}"))
        if note.control:
            console.print(_note(f"Control: {note.control}"))
        if note.influence:
            console.print(_note(f"Influence: {note.influence}"))


def _exercises(report: Report, console: Console) -> None:
    from rich.text import Text

    exercises = report.exercises
    if exercises is None:
        return
    _heading(console, "Coach exercises")
    if not exercises.items:
        console.print(Text("No coach exercises in this period."))
        return
    counts = exercises.counts
    console.print(Text(f"Done {counts.done}, due {counts.due}, overdue {counts.overdue}."))
    titles = {r.behaviour_id: r.title for r in report.ratings}
    table = _table("Exercise", "Behaviour", "Due", "Status")
    for item in exercises.items:
        status = Text(words.STATE_WORDS.get(item.state, item.state))
        if item.state == "overdue":
            status.stylize("red")
        behaviour = titles.get(item.behaviour_id, item.behaviour_id)
        table.add_row(Text(item.title), Text(behaviour), words.day(item.due), status)
    console.print(table)
    for item in exercises.items:
        for answer in item.answers:
            private = ", private" if answer.private else ""
            asked = answer.question or "Your answer"
            console.print(_bullet(f"{item.title} ({answer.week}{private}): {asked}"))
            console.print(_note(answer.answer))


def _others(report: Report, console: Console) -> None:
    from belonging_cli.reports.terminal_feedback import show_feedback

    show_feedback(report, console, _heading, _bullet, _note)


def _next(report: Report, console: Console) -> None:
    from rich.text import Text

    suggestion = report.suggested_next_focus
    if suggestion is None:
        return
    _heading(console, "Next week")
    line = Text("Suggested focus: ")
    line.append(suggestion.title, style="bold")
    line.append(f". {suggestion.reason}")
    console.print(line)
