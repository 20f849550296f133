"""docs/report-json.md tells a reader the bundle's current format: its table and its
example give the `format_minor` reports/data.py writes (issue 14 trial, part F)."""

from __future__ import annotations

import re

from belonging_cli.reports.data import FORMAT_MINOR
from belonging_cli.reports.words import date_range
from support.places import REPO

DOC = (REPO / "docs" / "report-json.md").read_text(encoding="utf-8")


def test_the_docs_format_minor_is_the_one_written() -> None:
    (row,) = re.findall(r"^\| `format_minor` \| integer \| `(\d+)`", DOC, re.MULTILINE)
    (example,) = re.findall(r'^\s*"format_minor": (\d+),', DOC, re.MULTILINE)
    assert int(row) == int(example) == FORMAT_MINOR


def test_between_two_dates_reads_and() -> None:
    assert date_range("2019-12-30", "2020-02-02", "and") == "30 Dec 2019 and 2 Feb 2020"
    assert date_range("2026-09-07", "2026-11-29") == "7 Sep to 29 Nov 2026"
