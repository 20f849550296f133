"""The HTML report's charts read right: each title above its own chart, date ticks at
even steps, one week of ratings said in words (not a dot on an empty 12-week axis),
and a print stylesheet that keeps charts whole on white pages."""

from __future__ import annotations

import itertools
import re

import pytest

from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.charts import Line, svg_chart, weeks_between
from belonging_cli.reports.model import Report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.render import render
from support.report_builders import NOW, TODAY, rubric, sample_journal, session, weeks_back

FIGURE = re.compile(r"<figure[^>]*>(.*?)</figure>", re.DOTALL)
TICK = re.compile(r'<text x="([\d.]+)" y="\d+" text-anchor="\w+" fill="#555">([^<]*[A-Za-z][^<]*)<')


def report_of(data: JournalData, period: str = "quarter") -> Report:
    span = resolve_period(period, today=TODAY, journal_weeks=[s.week for s in data.sessions])
    return build_report(data, rubric(), span, now=NOW, share=False, tool_version="0.1.0")


def small_charts(page: str) -> list[str]:
    grid = page[page.index('<div class="charts">') :]
    return FIGURE.findall(grid[: grid.index("</div>")])


def test_each_small_charts_title_comes_before_its_chart() -> None:
    page = render(report_of(sample_journal()), "html")
    figures = small_charts(page)
    assert len(figures) == 3  # the three behaviours rated
    for figure in figures:
        title = figure.index("<figcaption")
        assert title < figure.index("<svg"), figure[:300]
        # The caption names the chart it sits on: the SVG's own title says the same.
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", figure, re.DOTALL)
        assert caption is not None
        name = caption.group(1).split(". ", 1)[1].strip()
        assert f"<title>{name}: rating by week</title>" in figure


def test_the_overview_chart_is_titled_above_it_too() -> None:
    page = render(report_of(sample_journal()), "html")
    overview = FIGURE.findall(page)[0]
    assert overview.index("<figcaption") < overview.index("<svg")


@pytest.mark.parametrize("count", [5, 12, 13, 27, 52, 60, 120, 300])
@pytest.mark.parametrize("width", [340, 720])
def test_date_ticks_are_evenly_spaced_and_label_the_latest_week(count: int, width: int) -> None:
    weeks = weeks_back(count)
    svg = svg_chart([Line("x", [(w, 3.0) for w in weeks], "#000")], weeks, width=width)
    ticks = [float(x) for x, _ in TICK.findall(svg)]
    assert len(ticks) >= 2
    steps = {round(b - a, 1) for a, b in itertools.pairwise(ticks)}
    assert max(steps) - min(steps) <= 0.2, (ticks, steps)  # rounding of one decimal
    assert ticks[-1] == pytest.approx(width - 12, abs=0.1)  # the last week has a label
    labels = [label for _, label in TICK.findall(svg)]
    assert len(set(labels)) == len(labels), labels  # no label said twice


def test_one_rated_week_says_so_instead_of_an_empty_axis() -> None:
    data = JournalData(sessions=(session("2026-W48", {"cultivate-belonging": 3}),))
    page = render(report_of(data), "html")
    assert "one week so far" in page.lower()
    assert page.count("<svg") == 0  # no 12-week axis holding one dot


def test_a_chart_starts_at_the_first_rated_week_of_the_period() -> None:
    # Two weeks of reflections in a quarter: the axis is those two weeks, not twelve.
    data = sample_journal()
    two = JournalData(sessions=data.sessions[-2:])
    report = report_of(two)
    page = render(report, "html")
    figure = small_charts(page)[0]
    labels = [label for _, label in TICK.findall(figure)]
    first, last = two.sessions[0].week, two.sessions[-1].week
    assert len(weeks_between(first, last)) == 2
    assert len(labels) == 2, labels


def test_the_print_stylesheet_keeps_charts_whole_on_white_pages() -> None:
    page = render(report_of(sample_journal()), "html")
    css = page[page.index("@media print") :]
    css = css[: css.index("</style>")]
    for rule in ("figure", "svg", "break-inside: avoid"):
        assert rule in css, rule
    assert re.search(r"background:\s*(#fff|white|none|transparent)", css)
    assert "@page" in page
