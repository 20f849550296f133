"""The client's `prep` flow: three answers for the coach, carried in the shared bundle."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from support.cli import CliRunner

WANT = "Help me say no to the board's extra review"
TRIED = "Two thinking blocks; one survived"
SECRET = "I am thinking of leaving"


def prep(cli: CliRunner, tmp_path: Path, answers: dict[str, object]) -> None:
    path = tmp_path / "prep.yaml"
    path.write_text(yaml.safe_dump({"flow": "prep", "answers": answers}), encoding="utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 0, result.err


def shared_bundle(cli: CliRunner) -> dict[str, object]:
    result = cli("report", "--share", "--format", "json")
    assert result.code == 0, result.err
    data: dict[str, object] = json.loads(result.out)
    return data


def test_the_prep_answers_travel_in_the_shared_bundle_and_a_private_one_does_not(
    cli: CliRunner, tmp_path: Path
) -> None:
    prep(cli, tmp_path, {"want": WANT, "tried": TRIED, "stuck": {"text": SECRET, "private": True}})
    data = shared_bundle(cli)
    minor = data["format_minor"]
    assert isinstance(minor, int) and minor >= 2  # prep came with minor 2
    texts = {item["question"]: item["text"] for item in data["prep"]}  # type: ignore[attr-defined]
    assert texts == {
        "What do I want from our next session?": WANT,
        "What have I tried since we last spoke?": TRIED,
    }
    assert SECRET not in json.dumps(data)


def test_the_prep_flow_is_listed_and_asks_the_three_questions(cli: CliRunner) -> None:
    result = cli("reflect", "--flow", "prep", "--answers-template")
    assert result.code == 0, result.err
    for question in ("want from our next session", "have I tried", "Where am I stuck"):
        assert question in result.out
    assert "(shared;" in result.out  # shared unless the person marks it
