"""A client's goals read as hostile (issue 16): strict types and known words, refused
with one `file:line:col: field` line (the other clients still rolled up); the success
words a person wrote are shown as text: controls stripped, one line, bounded."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.cli import CliRunner
from support.coach_runs import refused_at, summary
from support.goal_client import goal_bundle_data
from support.places import REPO

CORPUS = yaml.safe_load(
    (REPO / "tests" / "hostile" / "rollup_goals" / "goals.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return goal_bundle_data(tmp_path_factory.mktemp("goal-client"))


def _value(case: dict[str, Any], value: Any) -> Any:
    return value * case["repeat"] if "repeat" in case else value


@pytest.mark.parametrize("case", CORPUS["refused"], ids=lambda c: c["name"])
def test_a_bad_goal_is_refused_at_its_place(
    cli: CliRunner, clean: dict[str, Any], tmp_path: Path, case: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(clean))
    data["goals"][0].update({k: _value(case, v) for k, v in case["goal"].items()})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, indent=1), encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(clean), encoding="utf-8")
    result = summary(cli, bad, good)
    refused_at(result, bad, case["field"])
    assert "Coaching roll-up: 1 client" in result.out  # the good one still rolled up


@pytest.mark.parametrize("case", CORPUS["shown"], ids=lambda c: c["name"])
def test_the_success_words_are_shown_as_text(
    cli: CliRunner, clean: dict[str, Any], tmp_path: Path, case: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(clean))
    data["goals"][0]["success"] = _value(case, case["success"])
    path = tmp_path / "client.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("md", "html", "json"):
        result = summary(cli, path, fmt=fmt)
        assert result.code == 0, result.err
        assert case["shows"] in result.out, fmt
        if "never" in case:
            assert case["never"] not in result.out, fmt
    rolled = json.loads(summary(cli, path, fmt="json").out)
    success = rolled["clients"][0]["goals"][0]["success"]
    assert len(success) <= case.get("never_longer_than", 300)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", success)
