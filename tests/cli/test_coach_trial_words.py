"""The trial's wording: a dry run and the real import print the same lines, and a
roll-up of no readable bundle says so instead of "every client reflected"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support.cli import CliRunner
from support.coach_trial import PACK, at, client

DAY = dt.date(2026, 11, 2)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("  ")]


def test_a_real_import_prints_the_lines_of_its_dry_run(cli: CliRunner, tmp_path: Path) -> None:
    with client(cli, tmp_path, "a"):
        dry = at(cli, DAY, "exercises", "import", "--dry-run", str(PACK))
        real = at(cli, DAY, "exercises", "import", str(PACK))
    assert dry.code == 0 and real.code == 0, dry.err + real.err
    assert _lines(dry.err) == _lines(real.err)
    assert "  add: trial/hold-back  Hold back your answer, due 2026-11-09" in real.err


def test_a_rollup_of_no_readable_bundle_says_so(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    for fmt, out in (("md", tmp_path / "r.md"), ("html", tmp_path / "r.html")):
        result = at(cli, DAY, "coach", "summary", str(bad), "--format", fmt, "--out", str(out))
        assert result.code == 1 and "broken.json:1:" in result.err
        page = out.read_text(encoding="utf-8")
        assert "Every client reflected" not in page
        assert "No readable bundles" in page
