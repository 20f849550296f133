"""A coach's pack with a due date outside the supported range is refused at its line: once
imported, `exercises do` overflowed moving the date on, and the journal's export could
not be imported again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.poison import journal_bytes


def _pack(cli: CliRunner, tmp_path: Path, due: str) -> tuple[Path, int]:
    text = cli("coach", "pack", "new").out
    match = re.search(r"^(\s*due:) .*$", text, re.MULTILINE)
    assert match
    path = tmp_path / "pack.yaml"
    path.write_text(text[: match.start()] + f"{match[1]} {due}" + text[match.end() :])
    return path, text[: match.start()].count("\n") + 1


@pytest.mark.parametrize("due", ["9999-12-31", "0001-01-01", "1969-12-31", '"2101-01-01"'])
def test_a_due_date_outside_the_range_is_refused(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, due: str
) -> None:
    pack, line = _pack(cli, tmp_path, due)
    before = journal_bytes(isolated_home)
    for command in (("exercises", "import"), ("coach", "pack", "validate")):
        result = cli(*command, str(pack))
        assert result.code == 1, result.err
        assert f"{pack}:{line}:" in result.err and "1970-01-01 to 2100-12-31" in result.err
    assert journal_bytes(isolated_home) == before


def test_the_last_supported_day_imports(cli: CliRunner, tmp_path: Path) -> None:
    pack, _ = _pack(cli, tmp_path, "2100-12-31")
    assert cli("exercises", "import", str(pack)).code == 0
    assert cli("exercises", "list").code == 0
