"""`belonging exercises drop ID [--reason TEXT]`: the reason is kept and travels to the coach."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner

RHYTHM = "first-month/weekly-rhythm"


@pytest.fixture(autouse=True)
def imported(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    pack = tmp_path / "pack.yaml"
    pack.write_text(example_pack(load_rubric(REPO / "rubrics")), encoding="utf-8")
    assert cli("exercises", "import", str(pack)).code == 0


def bundle(cli: CliRunner, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "b.json"
    assert cli("report", "--share", "--format", "json", "--out", str(out)).code == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_reason_is_kept_and_shared(cli: CliRunner, tmp_path: Path) -> None:
    done = cli("exercises", "drop", RHYTHM, "--reason", "  No evenings free  ")
    assert done.code == 0, done.err
    with open_journal() as journal:
        assert journal.assignment(RHYTHM).drop_reason == "No evenings free"
    items = {i["id"]: i for i in bundle(cli, tmp_path)["exercises"]["items"]}
    assert items[RHYTHM]["state"] == "dropped"
    assert items[RHYTHM]["reason"] == "No evenings free"
    assert items["first-month/ask-dont-tell"]["reason"] is None


def test_without_a_terminal_or_reason_it_drops_without_one(cli: CliRunner) -> None:
    assert cli("exercises", "drop", RHYTHM).code == 0
    with open_journal() as journal:
        found = journal.assignment(RHYTHM)
    assert found.status == "dropped" and found.drop_reason is None


def test_at_a_terminal_it_asks_once(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)
    asked: list[str] = []

    def answer(question: Any) -> tuple[str, None]:
        asked.append(question.message)
        return "Too busy this month", None

    monkeypatch.setattr(ask, "ask", answer)
    assert cli("exercises", "drop", RHYTHM).code == 0
    assert len(asked) == 1 and "Your coach sees this" in asked[0]
    with open_journal() as journal:
        assert journal.assignment(RHYTHM).drop_reason == "Too busy this month"


@pytest.mark.parametrize("reason", ["two\nlines", "bell\x07", "x" * 301])
def test_a_bad_reason_is_one_line_and_changes_nothing(cli: CliRunner, reason: str) -> None:
    done = cli("exercises", "drop", RHYTHM, "--reason", reason)
    assert done.code == 2
    assert len(done.err.strip().splitlines()) == 1 and "--reason" in done.err
    assert "Traceback" not in done.err
    with open_journal() as journal:
        assert journal.assignment(RHYTHM).status == "assigned"
