"""Issue 15's flow options: steps that take turns (`turn:`), a private choice, the
levers role. A week asks one lens, the one asked longest ago; what a person says
about their energy never travels in a shared bundle."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from support import places
from support.cli import CliRunner

FLOW = places.REPO / "tests" / "hostile" / "flows2" / "lenses.yaml"
MONDAY = dt.date(2026, 11, 2)
LENSES = ("environment", "people", "counterfeit")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / FLOW.name).write_text(FLOW.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _week(cli: CliRunner, folder: Path, day: dt.date, tmp_path: Path) -> str:
    """One sitting on `day` from its own template; the lens it asked."""
    args = ["--flows", str(folder), "--flow", "lenses", "--date", day.isoformat()]
    template = cli("reflect", "--answers-template", *args)
    assert template.code == 0, template.err
    data = yaml.safe_load(template.out)
    asked = [lens for lens in LENSES if lens in data["answers"]]
    data["answers"][asked[0]] = "Moved the stand-up"
    path = tmp_path / f"answers-{day}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    saved = cli("reflect", "--answers", str(path), *args)
    assert saved.code == 0, saved.err
    return asked[0] if len(asked) == 1 else ",".join(asked)


def test_steps_that_share_a_turn_are_asked_one_a_week_each_before_any_again(
    cli: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    asked = [_week(cli, folder, MONDAY + dt.timedelta(weeks=n), tmp_path) for n in range(4)]
    assert asked == ["environment", "people", "counterfeit", "environment"]


def test_a_private_choice_and_the_levers_stay_with_the_answer(
    cli: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    _week(cli, folder, MONDAY, tmp_path)
    shown = cli("journal", "export", "--format", "json")
    assert shown.code == 0, shown.err
    answers = {a["step_id"]: a for s in json.loads(shown.out)["sessions"] for a in s["answers"]}
    assert answers["wellbeing"]["private"] is True
    assert answers["levers"]["private"] is False
    assert answers["levers"]["role"] == "levers"
