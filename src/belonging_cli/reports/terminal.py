"""`belonging progress`: the report's story in the terminal, drawn with rich.

Reads only the report model. The user's words are passed to rich as `Text`,
never as markup, so a note with `[bold]` in it prints as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.reports import words
from belonging_cli.reports.charts import sparkline
from belonging_cli.reports.model import Report
from belonging_cli.reports.terminal_report import show_glance

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console


def show_progress(report: Report, console: Console, *, home: Path | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    from belonging_cli.reminders import suggested

    period = report.period
    title = Text("Your progress", style="bold")
    title.append(f"  {words.period_phrase(period)}")
    console.print(title)
    show_glance(report, console)  # the two-minute top first, as `report` at a terminal
    console.print()
    console.print(words.rhythm(report.summary))
    console.print()

    rated = [r for r in report.ratings if r.count]
    if rated:
        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
        table.add_column("#", justify="right")
        table.add_column("Behaviour")
        table.add_column("Latest")
        table.add_column("Trend")
        table.add_column("Change", justify="right")
        for r in rated:
            change = Text(words.signed(r.change))
            if r.change:
                change.stylize("green" if r.change > 0 else "red")
            table.add_row(
                str(r.number),
                Text(r.title),
                Text(f"{r.latest} {r.latest_label}"),
                Text(sparkline(p.level for p in r.series[-26:]), style="cyan").append(
                    f" {r.trend}", style="default"
                ),
                change,
            )
        console.print(table)
        unrated = len(report.ratings) - len(rated)
        if unrated:
            console.print(
                Text(
                    f"Not rated in this period: {words.plural(unrated, 'behaviour')}.", style="dim"
                )
            )
        console.print()

    balance = report.balance
    if balance.series:
        line = Text("Control or influence  ", style="bold")
        line.append(sparkline(p.value for p in balance.series[-26:]), style="cyan")
        console.print(line)
        console.print(words.balance_words(balance))
        console.print()

    if report.experiments.counts.total:
        line = Text("Experiments  ", style="bold")
        line.append(words.experiments_words(report.experiments.counts))
        console.print(line)
    found = report.experiments
    for n, shown in enumerate(found.open_now):  # status's one first, then the newest
        line = Text("Open experiment  " if n == 0 else "  also open  ", style="bold")
        line.append(shown.title or "a private experiment")
        about = shown.behaviour_title or shown.behaviour_id
        line.append(f"  ({about}, {shown.week})", style="dim")
        console.print(line)
    more = found.open_total - len(found.open_now)
    if more > 0:
        console.print(Text(f"  and {more} more open", style="dim"))

    if report.exercises is not None:
        counts = report.exercises.counts
        if counts.due or counts.overdue:
            line = Text("Coach exercises  ", style="bold")
            line.append(f"{counts.due} due, {counts.overdue} overdue")
            console.print(line)

    if report.suggested_next_focus is not None:
        suggestion = report.suggested_next_focus
        line = Text("Next week's focus  ", style="bold")  # not to be read as the experiment
        line.append(suggestion.title)
        console.print(line)
        console.print(Text(suggestion.reason, style="dim"))
    console.print()
    story = suggested(home, "report", "--format", "html", "--out", "report.html")
    console.print(Text(f"The full story: {story}", style="dim"))
