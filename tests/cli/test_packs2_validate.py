"""Pack validation as a coach meets it: the flows' rule for `when`, problems in the
coach's words, a due date already past warned about (issue 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from support.cli import CliRunner
from support.places import HOSTILE

MISTAKES: list[dict[str, Any]] = yaml.safe_load(
    (HOSTILE / "packs2" / "mistakes.yaml").read_text(encoding="utf-8")
)


def example(cli: CliRunner) -> str:
    result = cli("coach", "pack", "new")
    assert result.code == 0, result.err
    return result.out


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


@pytest.mark.parametrize("case", MISTAKES, ids=[m["name"] for m in MISTAKES])
def test_each_mistake_is_located_in_the_coachs_words(
    cli: CliRunner, tmp_path: Path, case: dict[str, Any]
) -> None:
    text = example(cli)
    assert case["old"] in text, case["name"]
    broken = text.replace(case["old"], case["new"], 1)
    path = tmp_path / "pack.yaml"
    path.write_text(broken, encoding="utf-8")
    result = cli("coach", "pack", "validate", str(path))
    assert result.code == 1
    assert result.out == ""
    lines = result.err.splitlines()
    where = f"{path}:{line_of(broken, case['at'])}:"
    ours = [line for line in lines if line.startswith(where) and f": {case['field']}: " in line]
    assert ours, result.err
    assert case["says"] in ours[0], result.err
    if "not_says" in case:
        assert case["not_says"] not in result.err
    assert "Traceback" not in result.err


def test_a_pack_with_a_broken_condition_is_not_imported(cli: CliRunner, tmp_path: Path) -> None:
    case = next(m for m in MISTAKES if "typo" in m["name"])
    path = tmp_path / "pack.yaml"
    path.write_text(example(cli).replace(case["old"], case["new"], 1), encoding="utf-8")
    result = cli("exercises", "import", str(path))
    assert result.code == 1
    assert case["says"] in result.err
    listed = cli("exercises", "list")
    assert "No exercises yet" in listed.out


def test_a_sound_condition_still_passes(cli: CliRunner, tmp_path: Path) -> None:
    sound = example(cli).replace(
        "      - id: again\n",
        "      - id: why-hard\n        kind: text\n        question: What made it hard?\n"
        "        when: {step: how-hard, in: [somewhat hard, very hard]}\n      - id: again\n",
        1,
    )
    path = tmp_path / "pack.yaml"
    path.write_text(sound, encoding="utf-8")
    result = cli("coach", "pack", "validate", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith("ok  ")


def test_a_due_date_already_past_warns_and_still_validates(cli: CliRunner, tmp_path: Path) -> None:
    text = example(cli).replace("    due: 8d ", "    due: 2020-01-01 ", 1)
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("coach", "pack", "validate", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith("ok  ")
    where = f"{path}:{line_of(text, 'due: 2020-01-01')}:"
    warning = [line for line in result.err.splitlines() if line.startswith(where)]
    assert warning and "exercises[0].due: warning: 2020-01-01 has already passed" in warning[0]
    # The client who imports it is told too, and the pack still lands.
    imported = cli("exercises", "import", str(path))
    assert imported.code == 0, imported.err
    assert "2020-01-01 has already passed" in imported.err
    future = cli("coach", "pack", "validate", str(write(tmp_path, example(cli))))
    assert "warning" not in future.err


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "fine.yaml"
    path.write_text(text, encoding="utf-8")
    return path
