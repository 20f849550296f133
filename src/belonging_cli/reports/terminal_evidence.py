"""Evidence in `belonging report` at a terminal (reports/terminal_report.py).

The same part of the model (sections/evidence.py) and the same words as the Markdown
and HTML reports: per source a table of its latest weeks, the ratings beside the
figures, then each figure's trend in words. A window too narrow for the table's
words whole gets each week stacked instead (terminal_layout.py: the Ratings' rule).
Only the tool's own figures and the rubric's titles, passed to rich as `Text`, never
markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belonging_cli.reports.model import Report
from belonging_cli.reports.terminal_layout import fits, longest_word, stacked, widths

if TYPE_CHECKING:
    from rich.console import Console

SHOWN_WEEKS = 12  # as the Markdown and HTML reports: the latest weeks of a source
WEEK = len("2026-W09")  # the Week column, never wrapped
LEAD = (
    "Figures from your own calendar and meetings, measured on your machine, beside the "
    "ratings they speak to. Evidence informs a rating; it never sets one."
)


def show_evidence(report: Report, console: Console, heading: Any, bullet: Any) -> None:
    from rich.text import Text

    if not report.evidence:
        return
    heading(console, "Evidence")
    console.print(Text(LEAD))
    for src in report.evidence:
        titles = " and ".join(b.title for b in src.behaviours)
        heading(console, f"{src.name}, beside {titles}", level=3)
        weeks = src.weeks[-SHOWN_WEEKS:]
        if len(weeks) < len(src.weeks):
            console.print(Text(f"The latest {len(weeks)} of {len(src.weeks)} weeks.", style="dim"))
        headers = [f"{b.title} (rating)" for b in src.behaviours] + [t.column for t in src.trends]
        rows = [
            (
                week.week,
                [str(week.ratings.get(b.behaviour_id, "-")) for b in src.behaviours]
                + [week.shown.get(t.figure, "-") for t in src.trends],
            )
            for week in weeks
        ]
        cells_of = [[cells[n] for _, cells in rows] for n in range(len(headers))]
        # Each column as wide as its longest word at least, the room left shared out
        # (widths given to rich: left to share the room itself, it could cut a word).
        whole = [max(len(h), *map(len, c)) for h, c in zip(headers, cells_of, strict=True)]
        needs = [longest_word(h, *c) for h, c in zip(headers, cells_of, strict=True)]
        if fits(console.width, [WEEK, *needs]):
            given = widths(console.width, [WEEK, *needs], [WEEK, *whole])[1:]
            _table(console, headers, given, rows)
        else:
            rated = len(src.behaviours)
            for week_name, cells in rows:
                said = [f"{h}: {c}" for h, c in zip(headers, cells, strict=True)]
                # Each rating on a line of its own, then the figures on one line.
                stacked(
                    console, week_name, [*map(Text, said[:rated]), Text(", ".join(said[rated:]))]
                )
        for t in src.trends:
            console.print(bullet(t.text))


def _table(
    console: Console, headers: list[str], widths: list[int], rows: list[tuple[str, list[str]]]
) -> None:
    """One row a week, each column `widths` wide (the room its words need whole)."""
    from rich.table import Table
    from rich.text import Text

    grid = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
    grid.add_column("Week", no_wrap=True, width=WEEK)
    for header, width in zip(headers, widths, strict=True):
        grid.add_column(header, justify="right", width=width)
    for week, cells in rows:
        grid.add_row(week, *(Text(cell) for cell in cells))
    console.print(grid)
