"""Date and number options outside the supported range are usage errors (exit 2, one line
naming the option and the range), never a crash: the range every entrance keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.cli import CliRunner

RANGE = "1970-01-01 to 2100-12-31"

DATE_OPTIONS = [
    ("report", "--since", "0001-01-01"),
    ("report", "--until", "9999-12-31"),
    ("report", "--since", "1969-12-31"),
    ("report", "--until", "2101-01-01"),
    ("report", "--format", "json", "--since", "0001-01-01"),
    ("report", "--period", "all", "--until", "0001-01-01"),
    ("progress", "--since", "0001-01-01"),
    ("progress", "--until", "9999-12-31"),
    ("journal", "list", "--since", "0001-01-01"),
    ("journal", "list", "--until", "9999-12-31"),
    ("reflect", "--date", "0500-06-15"),
    ("reflect", "--answers-template", "--date", "0001-01-01"),
]


@pytest.fixture
def journal(cli: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(cli("reflect", "--answers-template").out, encoding="utf-8")
    assert cli("reflect", "--answers", str(answers)).code == 0


def _one_usage_line(result: object, option: str, expected: str) -> None:
    code, err = result.code, result.err  # type: ignore[attr-defined]
    assert code == 2, (code, err)
    assert "unexpected error" not in err and "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert option in lines[0] and expected in lines[0], err


@pytest.mark.parametrize("args", DATE_OPTIONS, ids=" ".join)
def test_a_date_outside_the_range_is_a_usage_error(
    cli: CliRunner, journal: None, args: tuple[str, ...]
) -> None:
    option = next(a for a in args if a in ("--since", "--until", "--date"))
    _one_usage_line(cli(*args), option, RANGE)


def test_a_roll_up_since_outside_the_range_is_a_usage_error(
    cli: CliRunner, journal: None, tmp_path: Path
) -> None:
    bundle = tmp_path / "client.json"
    bundle.write_text(cli("report", "--share", "--format", "json").out, encoding="utf-8")
    assert cli("coach", "summary", str(bundle), "--since", "2026-01-01").code == 0
    _one_usage_line(cli("coach", "summary", str(bundle), "--since", "0001-01-01"), "--since", RANGE)


def test_a_limit_beyond_what_sqlite_holds_is_a_usage_error(cli: CliRunner, journal: None) -> None:
    result = cli("journal", "list", "--limit", "99999999999999999999")
    assert result.code == 2, result.err
    assert "--limit" in result.err and "9223372036854775807" in result.err
    assert "unexpected error" not in result.err


def test_the_edges_of_the_range_work(cli: CliRunner, journal: None) -> None:
    for args in (
        ("report", "--since", "1970-01-01", "--until", "2100-12-31"),
        ("progress", "--until", "2100-12-31"),
        ("journal", "list", "--since", "1970-01-01", "--until", "2100-12-31"),
        ("journal", "list", "--limit", "9223372036854775807"),
        ("reflect", "--answers-template", "--date", "2000-01-01"),  # a reflection's first day
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
