"""What the client sees of a pack: the coach's words (description), contact and the
client's name on import and in `exercises show`, each question's text and whether its
answer is private or shared; a rubric reflect step private by default (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from support.cli import CliRunner
from support.places import REPO

PACK = example_pack(load_rubric(REPO / "rubrics"))
REFLECT = "      - id: think\n        kind: reflect\n        count: 1\n"


def imported(cli: CliRunner, tmp_path: Path, text: str = PACK) -> str:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("exercises", "import", str(path))
    assert result.code == 0, result.err
    return result.err


def test_import_shows_the_coachs_words_contact_and_client(cli: CliRunner, tmp_path: Path) -> None:
    err = imported(cli, tmp_path)
    assert "Answer as you would talk to me" in err
    assert "Sam Rivera (sam@example.org)" in err
    assert "for Alex" in err


def test_show_names_the_coach_the_words_and_each_question(cli: CliRunner, tmp_path: Path) -> None:
    imported(cli, tmp_path)
    result = cli("exercises", "show", "ask-dont-tell")
    assert result.code == 0, result.err
    out = " ".join(result.out.split())
    assert "Sam Rivera (sam@example.org)" in out
    assert "for Alex" in out
    assert "Answer as you would talk to me" in out
    assert "What did the person come up with once you asked first? (shared with your coach)" in out
    assert "Whose answer surprised you most? (private: stays on this machine)" in out
    assert "How hard was it to hold back your own answer? (shared with your coach)" in out
    assert "(long_text)" not in out  # no internals
    data = json.loads(cli("exercises", "show", "ask-dont-tell", "--json").out)
    assert data["description"].startswith("Three short exercises")
    assert data["coach_contact"] == "sam@example.org" and data["client"] == "Alex"
    assert [q["private"] for q in data["questions"]] == [False, True, False, False, False]


def test_a_reflect_step_in_an_exercise_is_private_by_default(
    cli: CliRunner, tmp_path: Path
) -> None:
    text = PACK.replace("      - id: again\n", REFLECT + "      - id: again\n", 1)
    imported(cli, tmp_path, text)
    out = " ".join(cli("exercises", "show", "ask-dont-tell").out.split())
    assert "A reflection prompt on prompt-insight (private: stays on this machine)" in out
    shared = PACK.replace(
        "      - id: again\n", REFLECT + "        private: false\n      - id: again\n", 1
    ).replace('version: "1"', 'version: "2"')
    imported(cli, tmp_path, shared)  # a coach who says so makes it shared
    out = " ".join(cli("exercises", "show", "ask-dont-tell").out.split())
    assert "A reflection prompt on prompt-insight (shared with your coach)" in out
