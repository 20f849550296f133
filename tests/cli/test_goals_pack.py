"""A coach's pack may carry the client's goals: checked at `file:line:col`, imported as
the coach's, updated by a newer version, never past three open."""

from __future__ import annotations

import json
from pathlib import Path

from support.cli import CliRunner

PACK = """\
format_version: 1
id: first-month
title: The first month
version: "{version}"
coach:
  name: Sam Rivera
exercises:
  - id: ask-first
    behaviour: prompt-insight
    title: Ask first
    instructions: Ask two open questions before you answer.
    questions:
      - id: what
        kind: text
        question: What happened?
goals:
{goals}
"""


def _goal(behaviour: str, by: str = "2099-03-01", success: str = "Two free afternoons") -> str:
    return f"  - behaviour: {behaviour}\n    target: 4\n    by: {by}\n    success: {success}\n"


def _pack(tmp_path: Path, *goals: str, version: str = "1") -> Path:
    path = tmp_path / f"pack-{version}.yaml"
    path.write_text(PACK.format(version=version, goals="".join(goals)), encoding="utf-8")
    return path


def _goals(cli: CliRunner) -> list[dict[str, object]]:
    result = cli("goals", "--json")
    assert result.code == 0, result.err
    found: list[dict[str, object]] = json.loads(result.out)
    return found


def test_a_packs_goals_are_imported_as_the_coachs(cli: CliRunner, tmp_path: Path) -> None:
    result = cli("exercises", "import", str(_pack(tmp_path, _goal("protect-time"))))
    assert result.code == 0, result.err
    assert "new goal:" in result.err and "Protect time" in result.err
    [goal] = _goals(cli)
    assert (goal["behaviour_id"], goal["by_coach"], goal["coach"]) == (
        "protect-time",
        True,
        "Sam Rivera",
    )
    review = cli("goals", "review")
    assert "From your coach Sam Rivera's pack" in review.out


def test_a_newer_pack_updates_its_goal_and_adds_none_twice(cli: CliRunner, tmp_path: Path) -> None:
    assert cli("exercises", "import", str(_pack(tmp_path, _goal("protect-time")))).code == 0
    newer = _pack(tmp_path, _goal("protect-time", success="One free afternoon"), version="2")
    result = cli("exercises", "import", str(newer))
    assert result.code == 0, result.err
    assert "goal updated:" in result.err
    assert [g["success"] for g in _goals(cli)] == ["One free afternoon"]


def test_a_pack_never_opens_a_fourth_goal(cli: CliRunner, tmp_path: Path) -> None:
    for behaviour in ("1", "2", "3"):
        assert (
            cli("goals", "add", behaviour, "--target", "4", "--by", "8w", "--success", "x").code
            == 0
        )
    result = cli("exercises", "import", str(_pack(tmp_path, _goal("prompt-insight"))))
    assert result.code == 0, result.err  # the exercises land; the goal is refused, said so
    assert "goal not added" in result.err and "3 open goals" in result.err
    assert len(_goals(cli)) == 3


def test_a_bad_goal_in_a_pack_is_located(cli: CliRunner, tmp_path: Path) -> None:
    unknown = cli("coach", "pack", "validate", str(_pack(tmp_path, _goal("no-such"))))
    assert unknown.code == 1
    assert "pack-1.yaml:17:16:" in unknown.err and "no behaviour 'no-such'" in unknown.err
    # Quoted: YAML's own reading of an unquoted impossible day fails at 1:1 (source.py)
    bad_day = _pack(tmp_path, _goal("protect-time", by='"2027-02-30"'), version="3")
    result = cli("coach", "pack", "validate", str(bad_day))
    assert result.code == 1 and "pack-3.yaml:19:" in result.err and "goals" in result.err
    four = _pack(tmp_path, *(_goal(b) for b in ("1", "2", "3", "4")), version="4")
    assert cli("coach", "pack", "validate", str(four)).code == 1


def test_a_past_goal_in_a_pack_is_said_and_left_out(cli: CliRunner, tmp_path: Path) -> None:
    result = cli(
        "exercises", "import", str(_pack(tmp_path, _goal("protect-time", by="2001-01-01")))
    )
    assert result.code == 0, result.err
    assert "already past" in result.err
    assert _goals(cli) == []
