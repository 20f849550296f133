"""A few KB of nested YAML merge keys once crashed every YAML reader with a RecursionError.
Every reader (rubrics, flows, packs, answers files, journal edit) now names the file and
the place, like any other bad YAML."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from belonging_cli.content.source import parse_text
from belonging_cli.errors import ContentError
from belonging_cli.resources import packaged_dir
from support.cli import CliRunner
from support.poison import MERGE_BOMB, journal_bytes

LOCATED_BOMB = f"{MERGE_BOMB.name}:2:"


def _assert_bomb_refused(result: object, shown_as: str | None = None) -> None:
    code, err = result.code, result.err  # type: ignore[attr-defined]
    assert code == 1, err
    assert "RecursionError" not in err and "unexpected error" not in err, err
    assert (shown_as or LOCATED_BOMB) in err, err
    assert "too deeply nested" in err


def test_the_bomb_is_a_located_problem_even_deep_in_the_stack() -> None:
    # However little stack is left when a command reads the file.
    text = MERGE_BOMB.read_text(encoding="utf-8")

    def nested(levels: int) -> None:
        if levels:
            nested(levels - 1)
            return
        with pytest.raises(ContentError) as raised:
            parse_text(text, "bomb.yaml")
        assert raised.value.problems[0].line == 2

    nested(sys.getrecursionlimit() // 4)


def test_merge_keys_still_merge() -> None:
    doc = parse_text("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n", "merge.yaml")
    assert doc.data == {"base": {"x": 1}, "other": {"x": 1, "y": 2}}


def test_repeated_aliases_in_merges_are_measured_once() -> None:
    lines = ["a0: &a0 {x: 1}"] + [
        f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}], k{i}: {i}}}" for i in range(1, 40)
    ]
    doc = parse_text("\n".join(lines) + "\n", "wide.yaml")
    assert doc.data["a39"]["k1"] == 1


def test_an_answers_file(cli: CliRunner) -> None:
    _assert_bomb_refused(cli("reflect", "--answers", str(MERGE_BOMB)))


def test_a_pack(cli: CliRunner) -> None:
    _assert_bomb_refused(cli("exercises", "import", str(MERGE_BOMB)))
    _assert_bomb_refused(cli("coach", "pack", "validate", str(MERGE_BOMB)))


def test_a_rubric_and_a_flow(cli: CliRunner, tmp_path: Path) -> None:
    _assert_bomb_refused(cli("rubric", "validate", str(MERGE_BOMB)))
    _assert_bomb_refused(cli("flows", "validate", str(MERGE_BOMB)))
    rubrics = tmp_path / "rubrics"
    shutil.copytree(packaged_dir("rubrics"), rubrics)
    shutil.copy(MERGE_BOMB, rubrics / "01-cultivate-belonging.yaml")
    _assert_bomb_refused(
        cli("rubric", "list", "--rubrics", str(rubrics)), "01-cultivate-belonging.yaml:2:"
    )


def test_a_journal_edit(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    answers = tmp_path / "answers.yaml"
    template = cli("--home", str(home), "reflect", "--answers-template")
    answers.write_text(template.out, encoding="utf-8")
    assert cli("--home", str(home), "reflect", "--answers", str(answers)).code == 0
    session = cli("--home", str(home), "journal", "list", "--json")
    session_id = json.loads(session.out)[0]["id"]
    # The editor saves the bomb: without a terminal it is not reopened, the problem is
    # reported where it is and the edited text is kept aside, the journal untouched.
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\ncp "{MERGE_BOMB}" "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    before = journal_bytes(home)
    result = cli("--home", str(home), "journal", "edit", session_id)
    _assert_bomb_refused(result, ".yaml:2:")
    assert journal_bytes(home) == before
