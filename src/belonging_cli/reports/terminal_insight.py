"""The insight sections of `belonging report` at a terminal (reports/terminal_report.py):
Highs and lows, what followed the experiments, In your words. The same parts of the
model and the same words as the Markdown report (report.md.j2), drawn with rich,
every line wrapped at words; the person's words go to rich as `Text`, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belonging_cli.reports.model import SHOWN, Report

if TYPE_CHECKING:
    from rich.console import Console


def show_highs_and_lows(report: Report, console: Console, heading: Any, bullet: Any) -> None:
    paths = [t for t in report.timeline if len(t.stretches) > 1]
    if not paths:
        return
    heading(console, "Highs and lows")
    for t in paths:
        line = f"{t.title}: {t.story}."
        if t.fell_back is not None:
            back = t.fell_back
            line += f" Fell back from {back.high} to {back.to} in {back.week}."
        console.print(bullet(line))


def show_links(report: Report, console: Console, bullet: Any) -> None:
    """`Followed by a rise` / `Followed by no rise`, under the experiments."""
    from rich.text import Text

    links = report.experiment_links
    for lead, group in (
        ("Followed by a rise:", [x for x in links if x.effect == "rose"]),
        ("Followed by no rise:", [x for x in links if x.effect != "rose"]),
    ):
        if group:
            console.print()
            console.print(Text(lead, style="bold"))
            for link in group:
                console.print(bullet(link.text))


def show_writing(report: Report, console: Console, heading: Any, bullet: Any) -> None:
    from rich.text import Text

    w = report.writing
    if not (w.takeaways or w.tags or w.people):
        return
    heading(console, "In your words")
    groups: dict[str | None, list[Any]] = {}
    for t in w.takeaways[-SHOWN:]:
        groups.setdefault(t.question, []).append(t)
    for question, said in groups.items():
        heading(console, question or "Your takeaways", level=3)
        for t in said:
            console.print(bullet(f"{t.week}{' (private)' if t.private else ''}: {t.text}"))
    if w.tags:
        tags = "; ".join(f"{t.tag} ({t.count}: {', '.join(t.weeks)})" for t in w.tags)
        console.print()
        console.print(Text(f"Your tags: {tags}."))
    if w.people:
        names = ", ".join(f"{m.name} ({m.count})" for m in w.people)
        console.print()
        console.print(Text(f"People you wrote about most (only in your own report): {names}."))
