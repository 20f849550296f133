"""The session prep sheet of a typical month prints on one page (headless chromium's PDF)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support.chromium import require_chromium
from support.cli import CliRunner
from support.pdf_pages import printed_pages
from support.prep_bundles import typical_month, write_bundle


def test_a_typical_month_fits_one_printed_page(cli: CliRunner, tmp_path: Path) -> None:
    chromium = require_chromium()
    bundle = write_bundle(tmp_path / "maya.json", typical_month("Maya", dt.date.today()))
    page = tmp_path / "prep.html"
    result = cli("coach", "prep", str(bundle), "--out", str(page))
    assert result.code == 0, result.err
    assert printed_pages(chromium, page, tmp_path) == 1
