"""The Ratings section of `belonging report` at a terminal (reports/terminal_report.py).

A window wide enough gets one table row a behaviour; a narrow one (60 columns) gets
each behaviour's title on a line of its own, wrapped at words, with its figures and
trend under it, so no word is cut to "experimen…". Either way the sparkline keeps
every rating of the period that fits, and says so when it cannot keep them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belonging_cli.reports import words
from belonging_cli.reports.charts import sparkline
from belonging_cli.reports.model import Report
from belonging_cli.reports.terminal_layout import INDENT, fits, stacked

if TYPE_CHECKING:
    from rich.console import Console

TITLE_ROOM = 26  # the narrowest Behaviour column that keeps the rubric's words whole
MOST_POINTS = 52  # a year of weeks at most, however wide the window


def show_ratings(report: Report, console: Console, heading: Any) -> None:
    from rich.text import Text

    heading(console, "Ratings")
    rated = [r for r in report.ratings if r.count]
    if not rated:
        console.print(Text("No ratings in this period yet."))
        return
    longest = min(MOST_POINTS, max(len(r.series) for r in rated))
    trend_words = max(len(getattr(r, "trend", "") or "") for r in rated)
    latest = max(len(_latest(r)) for r in rated)
    # The title's room, From, Latest, Change and the trend (terminal_layout's rule; the
    # Behaviour column's min_width leaves the rest of the gaps: one space between).
    needs = [TITLE_ROOM, 4, latest, 6, longest + 1 + trend_words]
    if fits(console.width, needs, gap=1):
        points = longest
        _table(rated, console, points)
    else:
        points = min(longest, console.width - INDENT - 1 - trend_words)
        _stacked(rated, console, points)
    if points < max(len(r.series) for r in rated):
        most = max(len(r.series) for r in rated)
        console.print(Text(f"Trends show the latest {points} of {most} ratings.", style="dim"))
    unrated = [r.title for r in report.ratings if not r.count]
    if unrated:
        console.print(Text(f"Not rated in this period: {', '.join(unrated)}.", style="dim"))


def _latest(r: Any) -> str:
    return f"{r.latest} {r.latest_label}" if r.latest_label else str(r.latest)


def _from(r: Any) -> str:
    start = getattr(r, "previous", None)
    return str(r.first if start is None else start)


def _change(r: Any) -> Any:
    from rich.text import Text

    change = Text(words.signed(r.change))
    if r.change:
        change.stylize("green" if r.change > 0 else "red")
    return change


def _trend(r: Any, points: int) -> Any:
    from rich.text import Text

    word = getattr(r, "trend", "")
    line = Text(sparkline(p.level for p in r.series[-points:]), style="cyan")
    return line + Text(f" {word}" if word else "")


def _table(rated: list[Any], console: Console, points: int) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
    table.add_column("Behaviour", min_width=TITLE_ROOM - 2)
    table.add_column("From", justify="right", no_wrap=True)
    table.add_column("Latest", no_wrap=True)
    table.add_column("Change", justify="right", no_wrap=True)
    table.add_column("Trend", no_wrap=True)
    for r in rated:
        title = Text(f"{r.number}. {r.title}")
        table.add_row(title, _from(r), Text(_latest(r)), _change(r), _trend(r, points))
    console.print(table)


def _stacked(rated: list[Any], console: Console, points: int) -> None:
    """Title, then `From 2, latest 3 Intentional, +1`, then the trend, indented."""
    from rich.text import Text

    for r in rated:
        figures = Text(f"From {_from(r)}, latest {_latest(r)}, ")
        figures.append_text(_change(r))
        stacked(console, f"{r.number}. {r.title}", [figures, _trend(r, points)])
