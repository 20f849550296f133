"""The session prep sheet of a client built through the real flows prints on one page
(issue 16's "Done when"): the three clients of support/three_clients (one who works,
one who drops and goes quiet, one who relapses), each sheet printed by headless
chromium to PDF."""

from __future__ import annotations

from pathlib import Path

from support.chromium import require_chromium
from support.cli import CliRunner
from support.coach_runs import coach
from support.pdf_pages import printed_pages
from support.three_clients import DROP_REASON, SHARED, three_clients

# What each sheet must still hold once bounded to a page: the words the client wrote
# about what moved, what they learned, their exercise answer, a dropped reason, the
# relapse flag.
ON_THE_SHEET = {
    "maya": (SHARED["maya"][0], SHARED["maya"][1], SHARED["maya"][3]),
    "dev": (DROP_REASON, SHARED["dev"][0], "not reflected for 18 days"),
    "priya": ("down from 4 to 2", "not tried 2 weeks in a row"),
}


def test_each_real_clients_prep_sheet_fits_one_printed_page(cli: CliRunner, tmp_path: Path) -> None:
    bundles = three_clients(cli, tmp_path / "clients")
    pages = []
    for name, bundle in bundles.items():
        page = tmp_path / f"prep-{name}.html"
        coach(cli, "prep", str(bundle), "--out", str(page))
        sheet = page.read_text(encoding="utf-8")
        assert name.capitalize() in sheet
        for words in ON_THE_SHEET[name]:
            assert words in sheet, (name, words)
        pages.append(page)
    chromium = require_chromium()  # the words above are checked with or without it
    for page in pages:
        assert printed_pages(chromium, page, tmp_path) == 1, page.name
