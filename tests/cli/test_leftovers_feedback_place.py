"""`belonging feedback import` of an aggregate edited by hand so that it breaks the
anonymity rules (issue 17): refused in one line that takes the person who opens the
file to the figure breaking the rule (its `file:line:col`, never 1:1), and nothing
stored. The aggregates and their places: tests/hostile/feedback-place/."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.places import REPO

CORPUS = REPO / "tests" / "hostile" / "feedback-place"
PLACES: dict[str, dict[str, Any]] = yaml.safe_load(
    (CORPUS / "places.yaml").read_text(encoding="utf-8")
)
LOCATED = re.compile(r"^belonging: error: (?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<says>.+)$")


def test_every_file_in_the_corpus_has_its_place() -> None:
    assert sorted(PLACES) == sorted(p.name for p in CORPUS.glob("*.json"))


@pytest.mark.parametrize("name", sorted(PLACES))
def test_a_refusal_points_at_the_figure_that_breaks_the_rule(cli: CliRunner, name: str) -> None:
    path = CORPUS / name
    result = cli("feedback", "import", str(path))
    assert result.code == 1
    assert "Traceback" not in result.err
    (line,) = result.err.strip().splitlines()
    found = LOCATED.match(line)
    assert found is not None, line
    assert found["file"] == str(path)
    assert f"{found['line']}:{found['col']}" == PLACES[name]["at"], line
    assert "anonymity" in found["says"] and PLACES[name]["says"] in found["says"]
    # What the person sees at that place in an editor is the figure itself.
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    row = text.split("\n")[int(found["line"]) - 1]
    assert row[int(found["col"]) - 1 :].startswith(PLACES[name]["figure"])
    with open_journal() as journal:
        assert journal.feedback_rounds() == []
