"""A newer pack that renames or removes a question never loses what the client wrote
in a draft of that exercise: kept, shown as from an earlier version, said on import."""

from __future__ import annotations

from pathlib import Path

import pytest

from belonging_cli import ask
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner, Result
from support.keys import typed

PACK = example_pack(load_rubric(REPO / "rubrics"))
EARLIER = "from an earlier version of this exercise"


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


def do(cli: CliRunner, keys: str) -> Result:
    with typed(keys):
        return cli("exercises", "do", "ask-dont-tell")


def write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_renamed_question_keeps_the_draft_answer(cli: CliRunner, tmp_path: Path) -> None:
    assert cli("exercises", "import", str(write(tmp_path, PACK, "v1.yaml"))).code == 0
    assert do(cli, "Half an answer\r\x03").code == 130  # a draft: one answer
    v2 = PACK.replace('version: "1"', 'version: "2"').replace(
        "id: what-happened", "id: what-you-saw", 1
    )
    update = cli("exercises", "import", str(write(tmp_path, v2, "v2.yaml")))
    assert update.code == 0, update.err
    assert "ask-dont-tell" in update.err and EARLIER in update.err
    assert "1 answer" in update.err and "kept" in update.err
    shown = " ".join(cli("exercises", "show", "ask-dont-tell").out.split())
    assert f"Half an answer ({EARLIER})" in shown
    # Answering the new version never deletes the earlier answer.
    rest = "What I saw\r" + "\r" + "3\r" + "\r" + "\r"
    done = do(cli, rest)
    assert done.code == 0, done.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    values = {a.step_id: a.value for a in session.answers}
    assert values["what-happened"] == "Half an answer"
    assert values["what-you-saw"] == "What I saw"
