"""The HTML report and the coach's HTML roll-up in a real browser (Debian's chromium,
headless): no console message at all (a script error, a refused resource, a broken
Content-Security-Policy all log one), charts drawn at a visible size, and a screenshot
kept in test-artifacts/ for a person to look at.

Skipped only where chromium is not installed; in CI (CI=true) a missing chromium fails,
as .ci/run installs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.chromium import (
    AVERAGE_COLOUR,
    BALANCE_COLOUR,
    console_messages,
    extent,
    read_png,
    require_chromium,
    run_chromium,
    screenshot,
)
from support.cli import CliRunner


@pytest.fixture(scope="module")
def chromium() -> str:
    return require_chromium()


def test_the_checks_see_a_console_error_and_a_chart(chromium: str, tmp_path: Path) -> None:
    """The detectors themselves, on a page with a script error and a known drawing."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<html><body><script>console.error('boom'); notDefined();</script>"
        '<svg width="400" height="200"><rect x="10" y="10" width="300" height="150" '
        'fill="#1f5f8b"/></svg></body></html>',
        encoding="utf-8",
    )
    _, err = run_chromium(chromium, page, tmp_path / "profile", "--dump-dom")
    assert len(console_messages(err)) == 2
    shot = tmp_path / "bad.png"
    run_chromium(chromium, page, tmp_path / "profile", f"--screenshot={shot}")
    _, _, rows = read_png(shot.read_bytes())
    count, wide, high = extent(rows, AVERAGE_COLOUR)
    assert (wide, high) == (300, 150) and count == 300 * 150


@pytest.fixture
def demo_home(cli: CliRunner, tmp_path: Path) -> Path:
    home = tmp_path / "demo"
    result = cli("demo", str(home), "--weeks", "16")
    assert result.code == 0, result.err
    return home


def test_the_html_report_draws_its_charts_without_console_errors(
    chromium: str, cli: CliRunner, demo_home: Path, tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    result = cli("--home", str(demo_home), "report", "--period", "all", "--out", str(page))
    assert result.code == 0, result.err
    dom, err = run_chromium(chromium, page, tmp_path / "profile-dom", "--dump-dom")
    assert console_messages(err) == []
    assert dom.count("<svg") >= 11  # the overview and one per behaviour, as rendered
    rows = screenshot(chromium, page, tmp_path, "report")
    lines, wide, high = extent(rows, AVERAGE_COLOUR)
    assert lines > 2000 and wide > 500 and high > 400, (lines, wide, high)
    # The demo answers the 2.0 weekly: its levers are counted in words, and there is no
    # 1.x control-influence scale to draw as the dashed line.
    dashed, _, _ = extent(rows, BALANCE_COLOUR)
    assert dashed == 0, dashed


def test_the_html_roll_up_renders_without_console_errors(
    chromium: str, cli: CliRunner, demo_home: Path, tmp_path: Path
) -> None:
    bundles = []
    for n, weeks in enumerate((16, 6)):
        bundle = tmp_path / f"client-{n}.json"
        home = demo_home if n == 0 else tmp_path / "other"
        if n:
            assert cli("demo", str(home), "--weeks", str(weeks)).code == 0
        result = cli(
            "--home", str(home), "report", "--share", "--period", "all", "--out", str(bundle)
        )
        assert result.code == 0, result.err
        bundles.append(str(bundle))
    page = tmp_path / "rollup.html"
    result = cli("coach", "summary", *bundles, "--out", str(page))
    assert result.code == 0, result.err
    dom, err = run_chromium(chromium, page, tmp_path / "profile-dom", "--dump-dom")
    assert console_messages(err) == []
    assert "<table" in dom and "Sam (demo)" in dom
    rows = screenshot(chromium, page, tmp_path, "rollup")
    ink = sum(len(row) - row.count(b"\xff") for row in rows)
    assert ink > 50_000  # text and tables drawn, not a blank page
