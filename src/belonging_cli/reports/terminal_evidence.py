"""Evidence in `belonging report` at a terminal (reports/terminal_report.py).

The same part of the model (sections/evidence.py) and the same words as the Markdown
and HTML reports: per source a table of its latest weeks, the ratings beside the
figures, then each figure's trend in words. Only the tool's own figures and the
rubric's titles, passed to rich as `Text`, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belonging_cli.reports.model import Report

if TYPE_CHECKING:
    from rich.console import Console

SHOWN_WEEKS = 12  # as the Markdown and HTML reports: the latest weeks of a source
LEAD = (
    "Figures from your own calendar and meetings, measured on your machine, beside the "
    "ratings they speak to. Evidence informs a rating; it never sets one."
)


def show_evidence(report: Report, console: Console, heading: Any, bullet: Any, table: Any) -> None:
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
        rated = [f"{b.title} (rating)" for b in src.behaviours]
        columns = [t.column for t in src.trends]
        grid = table("Week", *rated, *columns, right=[*rated, *columns])
        for week in weeks:
            levels = [str(week.ratings.get(b.behaviour_id, "-")) for b in src.behaviours]
            figures = [week.shown.get(t.figure, "-") for t in src.trends]
            grid.add_row(week.week, *(Text(cell) for cell in (*levels, *figures)))
        console.print(grid)
        for t in src.trends:
            console.print(bullet(t.text))
