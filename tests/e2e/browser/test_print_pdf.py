"""The HTML report printed to PDF (issue 14): white pages, a plausible page count, and no
chart cut across a page boundary (the print stylesheet keeps each figure whole).

Chromium prints the demo's report; poppler's pdftoppm draws its pages (skipped without
it). To see the chart boxes, a style paints each printed figure one flat green: a
figure cut in two shows as two green runs down the page column it stands in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support.chromium import read_png, require_chromium, run_chromium
from support.cli import CliRunner

GREEN = bytes((0, 255, 0))
BOXES = (
    "<style>@media print { figure { background: rgb(0, 255, 0) !important;"
    " print-color-adjust: exact; -webkit-print-color-adjust: exact; }"
    " figure * { visibility: hidden !important; } }</style>"
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The demo's report with its figures painted, printed: the PDF and its charts."""
    from belonging_cli import settings
    from belonging_cli.main import main

    chromium = require_chromium()
    folder = tmp_path_factory.mktemp("print")
    home, page = folder / "demo", folder / "report.html"
    try:
        assert main(["demo", str(home), "--weeks", "12"]) == 0
        assert main(["--home", str(home), "report", "--format", "html", "--out", str(page)]) == 0
    finally:
        settings.install(None)
    html = page.read_text(encoding="utf-8")
    charts = html.count("<figure>")
    page.write_text(html.replace("</head>", BOXES + "</head>", 1), encoding="utf-8")
    pdf = folder / "report.pdf"
    run_chromium(
        chromium, page, folder / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer"
    )
    return pdf, charts


def pages_of(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def drawn(pdf: Path, folder: Path) -> list[list[bytes]]:
    """Each page's RGB rows, at a low resolution."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed (apt-get install poppler-utils)")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(folder / "p")], check=True)
    return [read_png(p.read_bytes())[2] for p in sorted(folder.glob("p-*.png"))]


def runs(rows: list[bytes], left: int, right: int) -> int:
    """Runs of rows with green between pixel columns left and right."""
    found, inside = 0, False
    for row in rows:
        green = GREEN in row[left * 3 : right * 3]
        found += green and not inside
        inside = green
    return found


def test_the_report_prints_on_a_plausible_number_of_pages(
    printed: tuple[Path, int], cli: CliRunner
) -> None:
    pdf, charts = printed
    assert charts == 11  # the overview and one per behaviour
    assert 4 <= pages_of(pdf) <= 40


def test_printed_pages_are_white_and_no_chart_is_cut_across_pages(
    printed: tuple[Path, int], tmp_path: Path
) -> None:
    pdf, charts = printed
    pages = drawn(pdf, tmp_path)
    assert len(pages) == pages_of(pdf)
    for rows in pages:
        corner = rows[2][6:9]
        assert corner == b"\xff\xff\xff", corner  # a white page, not the screen's colours
    width = len(pages[0][0]) // 3
    # The overview spans the page (a run in each half); the others two a row, one a half.
    halves = sum(runs(rows, 0, width // 2) + runs(rows, width // 2, width) for rows in pages)
    assert halves == charts + 1, halves
