"""A shared bundle edited by hand so that its round breaks the anonymity rules is refused
by `coach summary` and `coach prep` at the figure at fault (its line and column), as
`feedback import` refuses an aggregate, not at the start of `feedback`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.cli import CliRunner
from support.feedback_client import feedback_bundle_data
from support.places import REPO
from support.three_clients import TODAY, frozen_at

CASES = yaml.safe_load(
    (REPO / "tests" / "hostile" / "others_view" / "bundle_breaches.yaml").read_text("utf-8")
)
MARK = 987654321  # stands in for the figure while the file is written, to find its place


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return feedback_bundle_data(tmp_path_factory.mktemp("feedback-client"))


def _at(data: dict[str, Any], dotted: str) -> tuple[Any, str | int]:
    *way, last = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    at: Any = data["feedback"]
    for part in way:
        at = at[part]
    return at, last


def _edited(clean: dict[str, Any], case: dict[str, Any], path: Path) -> tuple[int, int]:
    """The bundle edited as `case` says, written pretty-printed as a person edits one;
    the line and column where the figure at fault starts."""
    data: dict[str, Any] = json.loads(json.dumps(clean))
    for dotted, value in case["set"].items():
        at, last = _at(data, dotted)
        at[last] = value
    at, last = _at(data, case["figure"])
    figure = json.dumps(at[last])
    at[last] = MARK
    text = json.dumps(data, indent=1)
    (line,) = [n for n, x in enumerate(text.splitlines(), 1) if str(MARK) in x]
    column = text.splitlines()[line - 1].index(str(MARK)) + 1
    path.write_text(text.replace(str(MARK), figure), encoding="utf-8")
    return line, column


@pytest.mark.parametrize("command", ["summary", "prep"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_the_refusal_points_at_the_figure(
    cli: CliRunner, clean: dict[str, Any], tmp_path: Path, case: dict[str, Any], command: str
) -> None:
    bad = tmp_path / "client.json"
    line, column = _edited(clean, case, bad)
    with frozen_at(TODAY):
        done = cli("coach", command, str(bad))
    assert done.code == 1 and "Traceback" not in done.err
    (said,) = [x for x in done.err.splitlines() if str(bad) in x]
    assert said.startswith(f"{bad}:{line}:{column}: {case['field']}: refused, it breaks the ")
    assert case["says"] in said
