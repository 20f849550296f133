"""Charts of levels over weeks: text sparklines, Mermaid `xychart-beta` blocks, inline SVG.

Pure string building from plain (week, value) pairs: no plotting library, no
scripts, nothing fetched. Values are levels on the 1-5 scale.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from belonging_cli.clock import next_week, week_monday
from belonging_cli.reports.movement import average

SPARK_BLOCKS = "▁▂▄▆█"  # levels 1..5
LOW, HIGH = 1, 5
MAX_MERMAID_POINTS = 26  # more labels than this crowd the axis: group by month, then year

Point = tuple[str, float]  # (ISO week, value)


# A whole level's mark (and a missing one's) looked up, not rounded and clamped: a
# roll-up draws ten strips for each of thousands of clients (issue 19).
_MARKS: dict[int | float | None, str] = {None: " "}
_MARKS.update((LOW + i, mark) for i, mark in enumerate(SPARK_BLOCKS))


def sparkline(levels: Iterable[int | float | None]) -> str:
    """`[1, 3, 5]` -> `▁▄█`; a missing level is a space."""
    levels = list(levels)
    try:
        return "".join([_MARKS[level] for level in levels])
    except (KeyError, TypeError):  # a mean between levels (1.5 is no key): rounded
        pass
    marks = []
    for level in levels:
        if level is None:
            marks.append(" ")
        else:
            index = min(max(round(level), LOW), HIGH) - LOW
            marks.append(SPARK_BLOCKS[index])
    return "".join(marks)


def weeks_between(first: str, last: str) -> list[str]:
    weeks = [first]
    while weeks[-1] < last:
        weeks.append(next_week(weeks[-1]))
    return weeks


def weekly_average(series: Iterable[Iterable[tuple[str, int]]]) -> list[Point]:
    """The mean level per week across several behaviours' series."""
    totals: dict[str, list[int]] = {}
    for points in series:
        for week, level in points:
            totals.setdefault(week, []).append(level)
    return [(w, average(v)) for w, v in sorted(totals.items())]


def grouped(points: Sequence[Point], limit: int = MAX_MERMAID_POINTS) -> list[Point]:
    """Few enough points to label: weekly, else monthly, else yearly means.

    Labels: `W37` (or `2025-W52` when the points span years), `2026-09`, `2026`.
    """
    if len(points) <= limit:
        years = {w[:4] for w, _ in points}
        return [(w[5:] if len(years) == 1 else w, v) for w, v in points]
    for width in (7, 4):  # "2026-09", "2026"
        buckets: dict[str, list[float]] = {}
        for week, value in points:
            buckets.setdefault(week_monday(week).isoformat()[:width], []).append(value)
        if len(buckets) <= limit or width == 4:
            return [(k, average(v)) for k, v in buckets.items()]
    raise AssertionError("unreachable")


def mermaid_xychart(title: str, points: Sequence[Point], y_label: str = "Level") -> str:
    """A Mermaid `xychart-beta` line chart (GitHub, GitLab and Obsidian draw it)."""
    shown = grouped(points)
    labels = ", ".join(f'"{_mermaid_text(label)}"' for label, _ in shown)
    values = ", ".join(_number(v) for _, v in shown)
    return "\n".join(
        [
            "xychart-beta",
            f'    title "{_mermaid_text(title)}"',
            f"    x-axis [{labels}]",
            f'    y-axis "{_mermaid_text(y_label)}" {LOW} --> {HIGH}',
            f"    line [{values}]",
        ]
    )


def _mermaid_text(text: str) -> str:
    # Mermaid strings have no escapes: keep them to safe characters.
    return "".join(c for c in text if c not in '"\\\n\r[]`').strip()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0")


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    points: Sequence[Point]
    colour: str
    dashed: bool = False


def svg_chart(
    lines: Sequence[Line],
    weeks: Sequence[str],
    *,
    width: int = 720,
    height: int = 260,
    title: str = "",
    legend: bool = True,
    low_label: str = "",
    high_label: str = "",
) -> str:
    """An inline SVG line chart of levels 1-5 over `weeks`, with explicit width and height.

    A line breaks where a week has no value; lone points are drawn as dots.
    """
    left, right = 34, 12
    top = 30 if legend and lines else 10
    bottom = 24
    plot_w = width - left - right
    plot_h = height - top - bottom
    index = {week: i for i, week in enumerate(weeks)}

    def x(week: str) -> float:
        return _x_at(index[week], len(weeks), left, plot_w)

    def y(value: float) -> float:
        return top + plot_h * (HIGH - value) / (HIGH - LOW)

    # Each week's x and each value's y as text, worked out once: years of weeks are
    # ~10^5 points across a report's charts (ten of them one width over the same weeks),
    # and a value recurs (levels are 1-5).
    xs = _x_texts(tuple(weeks), left, plot_w)
    ys: dict[float, tuple[str, float]] = {}

    def point(week: str, value: float) -> tuple[str, str, float]:
        shown = ys.get(value)
        if shown is None:
            text = f"{y(value):.1f}"
            shown = ys[value] = (text, float(text))
        return xs[week], *shown

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'class="chart" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    for level in range(LOW, HIGH + 1):
        gy = y(level)
        parts.append(
            f'<line x1="{left}" y1="{gy:.1f}" x2="{width - right}" y2="{gy:.1f}" '
            f'stroke="#ddd" stroke-width="1"/>'
            f'<text x="{left - 8}" y="{gy + 4:.1f}" text-anchor="end" fill="#555">{level}</text>'
        )
    if low_label:
        parts.append(_axis_note(left, y(LOW) - 4, low_label))
    if high_label:
        parts.append(_axis_note(left, y(HIGH) + 12, high_label))
    ticks = _ticks(weeks, most=max(2, width // 110))
    for week, label in zip(ticks, _tick_labels(ticks, weeks), strict=True):
        # A label at either end aligns inwards so that it is never clipped.
        at = x(week) - left
        anchor = "start" if at < 20 and len(weeks) > 1 else "end" if plot_w - at < 20 else "middle"
        parts.append(
            f'<text x="{x(week):.1f}" y="{height - 6}" text-anchor="{anchor}" '
            f'fill="#555">{escape(label)}</text>'
        )
    few = len(weeks) <= 60
    for line in lines:
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        for segment in _segments(line.points, index):
            if len(segment) == 1 or few:
                for week, value in segment:
                    cx, cy, _ = point(week, value)
                    parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{line.colour}"/>')
            if len(segment) > 1:
                coords = " ".join(_corners([point(w, v) for w, v in segment]))
                parts.append(
                    f'<polyline points="{coords}" fill="none" stroke="{line.colour}" '
                    f'stroke-width="2"{dash}/>'
                )
    if legend:
        lx = left
        for line in lines:
            dash = ' stroke-dasharray="6 4"' if line.dashed else ""
            parts.append(
                f'<line x1="{lx}" y1="14" x2="{lx + 22}" y2="14" stroke="{line.colour}" '
                f'stroke-width="2"{dash}/>'
                f'<text x="{lx + 28}" y="18" fill="#222">{escape(line.label)}</text>'
            )
            lx += 40 + 7 * len(line.label)
    parts.append("</svg>")
    return "".join(parts)


def _corners(points: list[tuple[str, str, float]]) -> list[str]:
    """A polyline's points as written ("x,y"), without those on a straight run between
    their neighbours: the same level week after week (one y), or weeks narrower than a
    tenth of a pixel apart (one x) with the middle level between the others. The line
    drawn is the same; years of weeks are ~3,000 x positions, not 10,000 points."""
    kept: list[tuple[str, str, float]] = []
    for found in points:
        if len(kept) >= 2:
            (ax, ay, a), (bx, by, b) = kept[-2], kept[-1]
            if ay == by == found[1] or (
                ax == bx == found[0] and min(a, found[2]) <= b <= max(a, found[2])
            ):
                kept[-1] = found  # the middle one is on the line from the one before
                continue
        kept.append(found)
    return [f"{x},{y}" for x, y, _ in kept]


def _x_at(at: int, count: int, left: int, plot_w: int) -> float:
    """Where the week at place `at` of `count` sits on a chart `plot_w` wide from `left`
    (a lone week in the middle)."""
    return left + plot_w * (at / max(count - 1, 1) if count > 1 else 0.5)


@functools.lru_cache(maxsize=4)
def _x_texts(weeks: tuple[str, ...], left: int, plot_w: int) -> dict[str, str]:
    """Each week's x as `svg_chart` writes it, for every chart of one width over them."""
    return {week: f"{_x_at(i, len(weeks), left, plot_w):.1f}" for i, week in enumerate(weeks)}


def _axis_note(x: float, y: float, text: str) -> str:
    return f'<text x="{x + 4}" y="{y:.1f}" fill="#888" font-size="10">{escape(text)}</text>'


def _segments(points: Sequence[Point], position: dict[str, int]) -> list[list[Point]]:
    """Runs of points in consecutive weeks (`position`: each week's place on the axis): a
    skipped week breaks the line."""
    runs: list[list[Point]] = []
    previous = -2
    for week, value in points:
        at = position.get(week)
        if at is None:
            continue
        if at != previous + 1 or not runs:
            runs.append([])
        runs[-1].append((week, value))
        previous = at
    return runs


# Steps between date ticks, in weeks: a fortnight, a month, a quarter, half a year...
TICK_STEPS = (1, 2, 4, 13, 26, 52, 104, 260, 520)


def _ticks(weeks: Sequence[str], most: int = 7) -> list[str]:
    """At most `most` weeks to label, at one even step, counted back from the latest week
    (the one a reader looks for). A rounded fraction would space them unevenly."""
    count = len(weeks)
    if count <= 1:
        return list(weeks)
    fits = (s for s in TICK_STEPS if s < count and (count - 1) // s + 1 <= most)
    step = next(fits, -(-(count - 1) // (most - 1)))  # else the smallest even step that fits
    return [weeks[i] for i in range((count - 1) % step, count, step)]


def _tick_labels(ticks: Sequence[str], weeks: Sequence[str]) -> list[str]:
    """`7 Sep`, with the year where it changes when the weeks span years; `Sep 2026` for
    ticks a quarter or more apart."""
    mondays = [week_monday(week) for week in ticks]
    if len(mondays) > 1 and (mondays[1] - mondays[0]).days >= 13 * 7:
        return [f"{monday:%b %Y}" for monday in mondays]
    years = weeks[0][:4] != weeks[-1][:4]
    labels = []
    for n, monday in enumerate(mondays):
        label = f"{monday.day} {monday:%b}"
        if years and (n == 0 or monday.year != mondays[n - 1].year):
            label += f" {monday.year}"
        labels.append(label)
    return labels
