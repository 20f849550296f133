"""`journal edit` with values that once poisoned the journal: refused with located problems
and the journal untouched, or saved with every command still working."""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.cli import CliRunner
from support.poison import YAML_VALUES, journal_bytes, seed_document, still_works

# An $EDITOR that writes one raw YAML value at a place of the session (PLAN: [path, raw]).
EDITOR = """
import json, os, sys, yaml
file = sys.argv[1]
text = open(file, encoding="utf-8").read()
path, raw = json.loads(open(os.environ["POISON_PLAN"], encoding="utf-8").read())
data = yaml.safe_load(text)
target = data
for part in path[:-1]:
    target = target[part]
target[path[-1]] = "POISON-HERE"
edited = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6)
open(file, "w", encoding="utf-8").write(edited.replace("POISON-HERE", raw))
"""

SEED = seed_document()
SESSION = SEED["sessions"][0]
TEXT_STEP = next(a["step_id"] for a in SESSION["answers"] if isinstance(a["value"], str))
PLACES: list[list[Any]] = [
    ["week"],
    ["focus"],
    ["tags"],
    ["ratings", SESSION["ratings"][0]["behaviour_id"], "level"],
    ["ratings", SESSION["ratings"][0]["behaviour_id"], "evidence"],
    ["answers", TEXT_STEP, "value"],
    ["answers", TEXT_STEP, "private"],
]


@pytest.fixture
def home(cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED), encoding="utf-8")
    assert cli("--home", str(home), "journal", "import", str(seed)).code == 0
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    return home


def _edit(
    cli: CliRunner, home: Path, place: list[Any], raw: str, monkeypatch: pytest.MonkeyPatch
) -> Any:
    plan = home.parent / "plan.json"
    plan.write_text(json.dumps([place, raw]), encoding="utf-8")
    monkeypatch.setenv("POISON_PLAN", str(plan))
    return cli("--home", str(home), "journal", "edit", SESSION["id"])


def _refused_or_harmless(result: Any, home: Path, before: bytes, cli: CliRunner) -> bool:
    """True if refused: exit 1, the problems located in the edited file, nothing saved
    (without a terminal the editor is not reopened; the edited text is kept aside)."""
    assert "unexpected error" not in result.err and "Traceback" not in result.err, result.err
    if result.code == 1:
        first = result.err.splitlines()[0]
        assert re.match(r"^\S+\.yaml:\d+:\d+: ", first), result.err
        assert journal_bytes(home) == before
        return True
    assert result.code == 0, result.err
    still_works(cli, home)
    return False


POISON = [
    (["answers", TEXT_STEP, "value"], raw)
    for raw in (".inf", "-.inf", ".nan", "1.0e+999", "9223372036854775808", "[.inf]")
] + [(["week"], raw) for raw in ('"0001-W01"', '"9999-W52"', '"1969-W52"', '"2101-W01"')]


@pytest.mark.parametrize(("place", "raw"), POISON, ids=[f"{p[-1]}={r}" for p, r in POISON])
def test_a_poisoned_edit_is_refused_and_saves_nothing(
    cli: CliRunner, home: Path, monkeypatch: pytest.MonkeyPatch, place: list[Any], raw: str
) -> None:
    before = journal_bytes(home)
    result = _edit(cli, home, place, raw, monkeypatch)
    assert _refused_or_harmless(result, home, before, cli), "saved a poisoned value"


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    place=st.sampled_from(PLACES),
    raw=st.sampled_from(YAML_VALUES) | st.integers().map(str),
)
def test_any_hostile_edit_is_refused_or_harmless(
    cli: CliRunner, home: Path, monkeypatch: pytest.MonkeyPatch, place: list[Any], raw: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "home"
        shutil.copytree(home, copy)
        before = journal_bytes(copy)
        result = _edit(cli, copy, place, raw, monkeypatch)
        _refused_or_harmless(result, copy, before, cli)
