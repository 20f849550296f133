"""Each small chart's title sits above its own chart, measured on chromium's screenshot.

A copy of the real report gets one extra stylesheet that paints every chart title's box
solid magenta and every chart's box solid green (nothing else changes: same layout).
On the screenshot, each green box must have a magenta box right above it, nearer than
any title below it, so no title reads as the next chart's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.chromium import require_chromium, screenshot
from support.cli import CliRunner

TITLE = (255, 0, 255)
CHART = (0, 255, 0)
PAINT = (
    "<style>.charts figcaption { background: rgb(255, 0, 255) !important;"
    " color: transparent !important; }"
    " .charts svg { background: rgb(0, 255, 0) !important; }"
    " .charts svg * { visibility: hidden !important; }</style>"
)
SIZE = (1200, 3600)

Box = tuple[int, int, int, int]  # left, top, right, bottom (inclusive)


@pytest.fixture(scope="module")
def chromium() -> str:
    return require_chromium()


def runs(values: list[int]) -> list[tuple[int, int]]:
    """Sorted numbers -> their unbroken runs, as (first, last)."""
    found: list[tuple[int, int]] = []
    for value in values:
        if found and value == found[-1][1] + 1:
            found[-1] = (found[-1][0], value)
        else:
            found.append((value, value))
    return found


def boxes(rows: list[bytes], colour: tuple[int, int, int]) -> list[Box]:
    """The solid rectangles of `colour`: bands of rows, then columns within each band."""
    pixel = bytes(colour)
    marked = [[x // 3 for x in range(0, len(row), 3) if row[x : x + 3] == pixel] for row in rows]
    found: list[Box] = []
    for top, bottom in runs([y for y, xs in enumerate(marked) if xs]):
        columns = sorted({x for y in range(top, bottom + 1) for x in marked[y]})
        for left, right in runs(columns):
            # Side by side boxes need not start on the same row (a title of two lines).
            own = [y for y in range(top, bottom + 1) if any(left <= x <= right for x in marked[y])]
            found.append((left, own[0], right, own[-1]))
    return found


def overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2]


@pytest.fixture
def painted(cli: CliRunner, tmp_path: Path) -> Path:
    home = tmp_path / "demo"
    assert cli("demo", str(home), "--weeks", "16").code == 0
    page = tmp_path / "report.html"
    assert cli("--home", str(home), "report", "--period", "all", "--out", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("</head>") == 1
    copy = tmp_path / "painted.html"
    copy.write_text(html.replace("</head>", PAINT + "</head>"), encoding="utf-8")
    return copy


def test_each_chart_title_sits_right_above_its_own_chart(
    chromium: str, painted: Path, tmp_path: Path
) -> None:
    rows = screenshot(chromium, painted, tmp_path, "report-chart-titles", size=SIZE)
    charts = boxes(rows, CHART)
    titles = boxes(rows, TITLE)
    assert len(charts) == len(titles) == 10, (charts, titles)  # every behaviour, none cut off
    for chart in charts:
        column = [t for t in titles if overlaps(t, chart)]
        above = [t for t in column if t[3] < chart[1]]
        below = [t for t in column if t[1] > chart[3]]
        assert above, f"no title above the chart at {chart}"
        own = chart[1] - max(t[3] for t in above)
        assert own <= 12, f"the title above the chart at {chart} is {own}px away"
        if below:
            nearest_below = min(t[1] for t in below) - chart[3]
            assert own < nearest_below, (chart, own, nearest_below)
