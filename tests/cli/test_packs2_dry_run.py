"""`exercises import --dry-run`: what an update would add, change (due dates included)
and withdraw, with nothing written (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from support.cli import CliRunner
from support.places import REPO

PACK = example_pack(load_rubric(REPO / "rubrics"))


def write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def version_2() -> str:
    """The coach's v2: one exercise gets a later due time and a reworded question, the
    weekly one is removed, a new one added."""
    cut = PACK.index("  - id: weekly-rhythm")
    kept = PACK[:cut].replace('version: "1"', 'version: "2"').replace("due: 8d", "due: 10d", 1)
    kept = kept.replace("Will you keep asking first?", "Will you go on asking first?")
    added = (
        PACK[cut:]
        .replace("id: weekly-rhythm", "id: one-no")
        .replace("title: Protect one hour a week", "title: Say no once")
    )
    added = added[: added.index("    cadence:")] + added[added.index("    due:") :]
    return kept + added


def test_dry_run_shows_the_update_and_writes_nothing(cli: CliRunner, tmp_path: Path) -> None:
    assert cli("exercises", "import", str(write(tmp_path, PACK, "v1.yaml"))).code == 0
    before = cli("exercises", "list", "--json").out
    due_before = {e["id"]: e["due"] for e in json.loads(before)["exercises"]}
    v2 = write(tmp_path, version_2(), "v2.yaml")
    result = cli("exercises", "import", "--dry-run", str(v2))
    assert result.code == 0, result.err
    text = result.err + result.out
    assert "would update pack first-month version 2 (was 1)" in text
    assert "add: first-month/one-no  Say no once" in text
    old_due = due_before["first-month/ask-dont-tell"]
    assert f"change: first-month/ask-dont-tell  due {old_due} ->" in text
    assert "questions" in text.split("change: first-month/ask-dont-tell", 1)[1].splitlines()[0]
    assert "withdraw: first-month/weekly-rhythm" in text
    assert "nothing written" in text
    assert cli("exercises", "list", "--json").out == before  # nothing changed
    real = cli("exercises", "import", str(v2))
    assert real.code == 0, real.err
    assert f"change: first-month/ask-dont-tell  due {old_due} ->" in real.err


def test_dry_run_of_a_first_import_lists_what_would_come(cli: CliRunner, tmp_path: Path) -> None:
    result = cli("exercises", "import", "--dry-run", str(write(tmp_path, PACK, "v1.yaml")))
    assert result.code == 0, result.err
    assert "would import pack first-month version 1: 3 added" in result.err
    assert "add: first-month/ask-dont-tell" in result.err
    assert "No exercises yet" in cli("exercises", "list").out
