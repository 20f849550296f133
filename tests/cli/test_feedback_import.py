"""`belonging feedback import`: a round from the collector's aggregate, stored once,
a hostile aggregate refused with one located line and nothing written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.feedback_hostile import HOSTILE, hostile
from support.feedback_samples import five_raters_three_groups
from support.places import REPO

CORPUS = REPO / "tests" / "hostile" / "feedback-import"
LOCATED = re.compile(r"^belonging: error: \S+:\d+:\d+: ")


def _write(tmp_path: Path, data: object, name: str = "aggregate.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_a_round_is_stored_with_its_date_and_rater_counts(cli: CliRunner, tmp_path: Path) -> None:
    result = cli("feedback", "import", str(_write(tmp_path, five_raters_three_groups())))
    assert result.code == 0, result.err
    assert "2026-11-20" in result.err + result.out
    assert "3 raters (3 direct-report)" in result.err + result.out
    with open_journal() as journal:
        (round,) = journal.feedback_rounds()
        assert round.collected_on.isoformat() == "2026-11-20"
        assert round.groups == (("direct-report", 3),)
        assert [b.id for b in round.behaviours][:2] == ["cultivate-belonging", "protect-time"]
        assert journal.load_all().feedback_rounds == (round,)


def test_the_same_round_again_is_a_no_op_saying_so(cli: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, five_raters_three_groups())
    assert cli("feedback", "import", str(path)).code == 0
    # The same aggregate, its keys spaced and ordered otherwise, is the same round.
    again = tmp_path / "again.json"
    again.write_text(json.dumps(five_raters_three_groups(), sort_keys=True), encoding="utf-8")
    result = cli("feedback", "import", str(again))
    assert result.code == 0
    assert "already in your journal" in result.err + result.out
    with open_journal() as journal:
        assert len(journal.feedback_rounds()) == 1


def test_a_second_round_is_a_second_round(cli: CliRunner, tmp_path: Path) -> None:
    first = _write(tmp_path, five_raters_three_groups(), "one.json")
    later = five_raters_three_groups(requested_on="2027-03-01", collected_on="2027-03-20")
    assert cli("feedback", "import", str(first)).code == 0
    assert cli("feedback", "import", str(_write(tmp_path, later, "two.json"))).code == 0
    with open_journal() as journal:
        days = [r.collected_on.isoformat() for r in journal.feedback_rounds()]
    assert days == ["2026-11-20", "2027-03-20"]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_aggregate_is_refused_on_one_located_line(
    cli: CliRunner, tmp_path: Path, name: str
) -> None:
    result = cli("feedback", "import", str(_write(tmp_path, hostile(name))))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert LOCATED.match(lines[0]), lines[0]
    assert HOSTILE[name][1] in lines[0]
    assert "\x1b" not in result.err and "Traceback" not in result.err
    with open_journal() as journal:
        assert journal.feedback_rounds() == []


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.json")), ids=lambda p: p.name)
def test_files_that_are_no_aggregate_are_refused(cli: CliRunner, path: Path) -> None:
    result = cli("feedback", "import", str(path))
    assert result.code == 1
    assert LOCATED.match(result.err), result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_file_too_large_is_refused_unread(cli: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (3 * 1024 * 1024))
    result = cli("feedback", "import", str(big))
    assert result.code == 1
    assert "too large" in result.err


def test_a_missing_file_is_one_line(cli: CliRunner, tmp_path: Path) -> None:
    result = cli("feedback", "import", str(tmp_path / "nope.json"))
    assert result.code == 1
    assert "no such file" in result.err
