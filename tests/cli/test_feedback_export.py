"""A journal export carries its feedback rounds (issue 17): export, import into a
fresh journal, export again, the same bytes; an older export without rounds imports
fine; a round edited in an export to break the anonymity rules is refused at its place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.feedback_samples import five_raters_three_groups

HOSTILE = Path(__file__).parent.parent / "hostile" / "feedback-export"


def _exported(cli: CliRunner, tmp_path: Path) -> Path:
    aggregate = tmp_path / "aggregate.json"
    aggregate.write_text(json.dumps(five_raters_three_groups()), encoding="utf-8")
    assert cli("feedback", "import", str(aggregate)).code == 0
    second = five_raters_three_groups(requested_on="2027-04-01", collected_on="2027-04-20")
    aggregate.write_text(json.dumps(second), encoding="utf-8")
    assert cli("feedback", "import", str(aggregate)).code == 0
    out = tmp_path / "export.json"
    done = cli("journal", "export", "--out", str(out))
    assert done.code == 0, done.err
    return out


def test_export_import_export_is_the_same(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _exported(cli, tmp_path)
    rounds = json.loads(first.read_text(encoding="utf-8"))["feedback_rounds"]
    assert [r["aggregate"]["collected_on"] for r in rounds] == ["2026-11-20", "2027-04-20"]
    monkeypatch.setenv("BELONGING_HOME", str(tmp_path / "fresh"))
    done = cli("journal", "import", str(first))
    assert done.code == 0, done.err
    again = tmp_path / "again.json"
    assert cli("journal", "export", "--out", str(again)).code == 0
    assert again.read_bytes() == first.read_bytes()


def test_importing_it_twice_adds_no_second_round(cli: CliRunner, tmp_path: Path) -> None:
    first = _exported(cli, tmp_path)
    assert cli("journal", "import", str(first)).code == 0
    again = tmp_path / "again.json"
    assert cli("journal", "export", "--out", str(again)).code == 0
    assert len(json.loads(again.read_text(encoding="utf-8"))["feedback_rounds"]) == 2


def test_an_older_export_without_rounds_imports(cli: CliRunner, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps({"format": "belonging-journal", "format_version": 1, "sessions": []}),
        encoding="utf-8",
    )
    done = cli("journal", "import", str(old))
    assert done.code == 0, done.err


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.json")))
def test_a_hostile_round_is_refused_at_its_place(cli: CliRunner, tmp_path: Path, name: str) -> None:
    case = json.loads((HOSTILE / name).read_text(encoding="utf-8"))
    export = tmp_path / "export.json"
    document = {"format": "belonging-journal", "format_version": 1, "feedback_rounds": [case]}
    export.write_text(json.dumps(document, indent=2), encoding="utf-8")
    done = cli("journal", "import", str(export))
    assert done.code == 1, done.out
    assert f"{export}:" in done.err and "Traceback" not in done.err
    assert len(done.err.strip().splitlines()) <= 3
    later = tmp_path / "later.json"
    assert cli("journal", "export", "--out", str(later)).code == 0
    assert json.loads(later.read_text(encoding="utf-8"))["feedback_rounds"] == []
