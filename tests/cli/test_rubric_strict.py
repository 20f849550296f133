"""`belonging rubric validate --strict`: each 2.0 content rule broken is one located line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.cli import REPO, CliRunner

CORPUS = REPO / "tests" / "hostile" / "rubric_strict"
CLEAN = CORPUS / "clean"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))


def _broken(tmp_path: Path, case: dict[str, Any]) -> Path:
    folder = tmp_path / "rubric"
    shutil.copytree(CLEAN, folder)
    target = folder / case["file"]
    text = target.read_text(encoding="utf-8")
    assert text.count(case["find"]) == 1, case["case"]
    target.write_text(text.replace(case["find"], case["replace"]), encoding="utf-8")
    return folder


def _line_of(path: Path, fragment: str) -> int:
    first = fragment.strip().splitlines()[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if first in line)


def test_the_clean_rubric_passes(cli: CliRunner) -> None:
    result = cli("rubric", "validate", "--strict", str(CLEAN))
    assert result.code == 0, result.err
    assert result.out.startswith("ok  ") and result.err == ""


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_each_broken_rule_is_one_line_at_its_place(
    cli: CliRunner, tmp_path: Path, case: dict[str, Any]
) -> None:
    folder = _broken(tmp_path, case)
    # Without --strict the rubric is still a usable one: these are content rules.
    assert cli("rubric", "validate", str(folder)).code == 0
    result = cli("rubric", "validate", "--strict", str(folder))
    assert result.code == 1 and result.out == ""
    (line,) = result.err.strip().splitlines()
    where = folder / case.get("in_file", case["file"])
    number = case.get("line") or _line_of(where, case["replace"])
    assert line.startswith(f"{where}:{number}:"), line
    assert f": {case['field']}: " in line and case["message"] in line, line


def test_one_behaviour_file_is_held_to_its_own_rules(cli: CliRunner, tmp_path: Path) -> None:
    folder = _broken(tmp_path, CASES[0])
    result = cli("rubric", "validate", "--strict", str(folder / CASES[0]["file"]))
    assert result.code == 1 and "asks 2 questions" in result.err
    assert cli("rubric", "validate", "--strict", str(folder / "02-hand-down.yaml")).code == 0


def test_every_problem_is_listed_at_once(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "rubric"
    shutil.copytree(CLEAN, folder)
    for case in CASES[:3]:
        target = folder / case["file"]
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace(case["find"], case["replace"]), encoding="utf-8")
    result = cli("rubric", "validate", "--strict", str(folder))
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 3


def test_a_1x_rubric_is_valid_but_not_strict(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "rubric"
    folder.mkdir()
    shutil.copy(CLEAN / "rubric.yaml", folder)
    shutil.copy(CORPUS / "one-x-behaviour.yaml", folder / "01.yaml")
    assert cli("rubric", "validate", str(folder)).code == 0
    result = cli("rubric", "validate", "--strict", str(folder))
    assert result.code == 1 and "Traceback" not in result.err
    assert "no strands" in result.err and "(signal: is 1.x)" in result.err
    assert "words: an anchor is one critical incident" in result.err


def test_the_packaged_rubric_is_2_0_and_passes_strict(cli: CliRunner) -> None:
    result = cli("rubric", "validate", "--strict", str(REPO / "rubrics"))
    assert result.code == 0, result.err
    assert "rubric belonging-core 2.0.0, 10 behaviours" in result.out
