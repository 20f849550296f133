"""Writes that must land whole: a pack import, and an exercise saved as done."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from belonging_cli import ask
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal import rows
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner

PACK = example_pack(load_rubric(REPO / "rubrics"))
ENTER = "\r"


def version_2() -> str:
    """An update that changes one exercise, keeps one and withdraws the last: writes."""
    cut = PACK.index("  - id: weekly-rhythm")
    text = PACK[:cut].replace('version: "1"', 'version: "2"')
    return text.replace("two open questions", "three open questions")


def listing(cli: CliRunner) -> list[dict[str, Any]]:
    result = cli("exercises", "list", "--json")
    assert result.code == 0, result.err
    exercises: list[dict[str, Any]] = json.loads(result.out)["exercises"]
    return exercises


@contextmanager
def failing_write(number: int, error: BaseException) -> Iterator[None]:
    """Inside: the `number`th assignment written (counting from 1) fails with `error`."""
    real = rows.Table.row
    count = 0

    def failing(table: Any, record: Any, parent: str | None = None) -> tuple[Any, ...]:
        nonlocal count
        if table is rows.ASSIGNMENTS:
            count += 1
            if count == number:
                raise error
        return real(table, record, parent)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rows.Table, "row", failing)
        yield


@pytest.mark.parametrize(
    ("error", "code"),
    [(sqlite3.OperationalError("disk I/O error"), 1), (KeyboardInterrupt(), 130)],
)
def test_an_import_interrupted_midway_changes_nothing(
    cli: CliRunner,
    tmp_path: Path,
    error: BaseException,
    code: int,
) -> None:
    first = tmp_path / "v1.yaml"
    first.write_text(PACK, encoding="utf-8")
    assert cli("exercises", "import", str(first)).code == 0
    before = listing(cli)
    update = tmp_path / "v2.yaml"
    update.write_text(version_2(), encoding="utf-8")
    with failing_write(2, error):  # the first exercise is written, then it fails
        result = cli("exercises", "import", str(update))
    assert result.code == code
    assert "Traceback" not in result.err
    assert listing(cli) == before
    assert {e["pack_version"] for e in before} == {"1"}
    again = cli("exercises", "import", str(update))  # and the import can simply be run again
    assert again.code == 0, again.err
    states = {e["id"]: e["state"] for e in listing(cli)}
    assert states == {
        "first-month/ask-dont-tell": "due",
        "first-month/month-end": "due",
        "first-month/weekly-rhythm": "withdrawn",
    }


def test_a_new_pack_interrupted_midway_adds_nothing(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "v1.yaml"
    path.write_text(PACK, encoding="utf-8")
    with failing_write(2, sqlite3.OperationalError("disk I/O error")):
        assert cli("exercises", "import", str(path)).code == 1
    assert listing(cli) == []


@contextmanager
def typed(keys: str) -> Iterator[None]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        yield


def test_finishing_an_exercise_saves_answers_and_progress_together(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    assert cli("exercises", "import", str(path)).code == 0
    answers = "What happened\r" + "\r" + "2\r" + ENTER + ENTER  # ..., save
    with failing_write(1, sqlite3.OperationalError("disk I/O error")), typed(answers):
        failed = cli("exercises", "do", "ask-dont-tell")
    assert failed.code == 1
    with open_journal() as journal:
        assert journal.sessions() == []  # not complete without the assignment counted
        (draft,) = journal.drafts()  # but every answer given is kept
        waiting = journal.assignment("first-month/ask-dont-tell")
    assert waiting.status == "assigned" and waiting.times_done == 0
    assert {"what-happened", "how-hard", "again"} <= {a.step_id for a in draft.answers}
    with typed(ENTER):  # the draft is resumed with nothing left to ask: save
        saved = cli("exercises", "do", "ask-dont-tell")
    assert saved.code == 0, saved.err
    with open_journal() as journal:
        (session,) = journal.sessions()
        assert journal.drafts() == []
        done = journal.assignment("first-month/ask-dont-tell")
    assert session.id == draft.id and session.status == "complete"
    assert done.status == "done" and done.times_done == 1
