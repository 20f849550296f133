"""Others' view in `belonging report` at a terminal (reports/terminal_report.py).

The same part of the model (sections/feedback.py) and the same words as the
Markdown and HTML reports, drawn with rich as one bullet a behaviour rather than
a table: six columns do not fit 60 columns, a line wrapped at words does. The
raters' comments go to rich as `Text`, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from belonging_cli.reports import words
from belonging_cli.reports.model import Report

# Every look-for seen as often: naming one "most" would pick it at random.
EVEN = "none stands out, all seen as often."

if TYPE_CHECKING:
    from rich.console import Console

    from belonging_cli.reports.sections.feedback import FeedbackView, SelfBesideOthers


def show_feedback(report: Report, console: Console, heading: Any, bullet: Any, note: Any) -> None:
    from rich.text import Text

    fb = report.feedback
    if fb is None:
        return
    heading(console, "Others' view")
    console.print(Text(_lead(fb)))
    for row in fb.behaviours:
        style = {"blind spot": "red", "hidden strength": "green"}.get(row.verdict or "", "")
        console.print(bullet(_row(row, bool(fb.previous_collected_on)), style))
    seen = [b for b in fb.behaviours if b.most_seen or b.look_fors_even]
    if seen:
        heading(console, "Look-fors others see most and least", level=3)
        for b in seen:
            console.print(bullet(f"{b.title}: {_looks(b)}"))
    for title, comments in (
        ("Keep doing, in their words", fb.keep),
        ("Do more or less of", fb.change),
    ):
        if comments:
            heading(console, title, level=3)
            for comment in comments:
                console.print(note(comment))


def _looks(b: SelfBesideOthers) -> str:
    """As the Markdown and HTML reports say it (without their italics)."""
    if b.look_fors_even or b.most_seen is None:
        return EVEN
    if b.least_seen is None:
        return f"most, {b.most_seen}"
    return f"most, {words.clause(b.most_seen)}; least, {b.least_seen}"


def _lead(fb: FeedbackView) -> str:
    groups = ", ".join(f"{g.n} {g.group}" for g in fb.groups)
    since = (
        f"; change since the round of {words.day(fb.previous_collected_on)}"
        if fb.previous_collected_on
        else ""
    )
    collected = words.day(fb.collected_on)
    return f"Feedback from {fb.raters_total} people ({groups}), collected {collected}{since}."


def _row(b: SelfBesideOthers, with_change: bool) -> str:
    you = str(b.self_level) if b.self_level is not None else "-"
    if b.others_mean is None:
        others = "too few answers"
    else:
        mean = words.one_decimal(b.others_mean)
        others = f"{mean} ({b.others_min}-{b.others_max}, {b.others_n})"
    line = f"{b.title}: you {you}, others {others}"
    if b.by_group:
        line += "; " + "; ".join(f"{g.group} {words.one_decimal(g.mean)}" for g in b.by_group)
    if b.verdict:
        line += f": {b.verdict}"
    if with_change and b.change is not None:
        line += f", {words.one_decimal(b.change, sign=True)} since last"
    return line + "."
