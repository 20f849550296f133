"""Rubric 2.0's keys load (strands, solo, did/saw/later, retired ids); 1.x still loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from belonging_cli.content.rubrics import Experiment, load_behaviour_document, signal_lines
from belonging_cli.errors import ContentError
from support.places import REPO

ONE_X = REPO / "tests" / "hostile" / "rubric_strict" / "one-x-behaviour.yaml"


def _one_x() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ONE_X.read_text(encoding="utf-8"))
    return data


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "behaviour.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_a_1x_behaviour_still_loads_with_its_one_signal() -> None:
    behaviour, _ = load_behaviour_document(ONE_X)
    assert behaviour.strands == [] and behaviour.retired_prompts == []
    first = behaviour.experiments[0]
    assert first.did is None and first.saw is None and first.signal
    assert first.signals() == (("It works if:", " ".join(first.signal.split())),)


def test_the_2_0_keys_load(tmp_path: Path) -> None:
    data = _one_x()
    data["strands"] = ["ask before you tell", "curiosity before critique"]
    data["levels"][2]["solo"] = "With peers, you ask before you share your view."
    data["retired_prompts"] = ["old.prompt"]
    data["retired_experiments"] = ["old.experiment"]
    experiment = data["experiments"][0]
    del experiment["signal"]
    experiment.update(did="3 meetings opened with a question", saw="Someone adds a view", later="")
    del experiment["later"]
    behaviour, _ = load_behaviour_document(_write(tmp_path, data))
    assert behaviour.strands == ["ask before you tell", "curiosity before critique"]
    assert behaviour.level(3).solo == "With peers, you ask before you share your view."
    assert behaviour.level(1).solo is None
    assert behaviour.retired_prompts == ["old.prompt"]
    assert behaviour.retired_experiments == ["old.experiment"]
    assert behaviour.experiments[0].signals() == (
        ("Did it:", "3 meetings opened with a question"),
        ("Saw it:", "Someone adds a view"),
    )


def test_an_experiment_with_no_signal_at_all_is_located(tmp_path: Path) -> None:
    data = _one_x()
    del data["experiments"][1]["signal"]
    data["experiments"][1]["did"] = "2 tries"  # did alone is not enough: others must see it
    with pytest.raises(ContentError) as caught:
        load_behaviour_document(_write(tmp_path, data))
    (line,) = caught.value.lines()
    assert "experiments[1]" in line and "saw" in line


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"strands": ["a", "b", "c", "d", "e"]}, "strands"),
        ({"strands": ["two\nlines"]}, "strands[0]"),
        ({"retired_prompts": ["Not An Id"]}, "retired_prompts[0]"),
    ],
)
def test_bad_2_0_values_are_located(tmp_path: Path, change: dict[str, Any], where: str) -> None:
    data = _one_x() | change
    with pytest.raises(ContentError) as caught:
        load_behaviour_document(_write(tmp_path, data))
    assert any(f" {where}: " in line for line in caught.value.lines())


def test_the_journal_copy_of_the_signals_reads_back_as_the_same_lines() -> None:
    experiment = Experiment(
        id="x.y", title="T", practice="P", minutes=20, did="3  times", saw="a reply", later="b"
    )
    kept = experiment.signal_text()
    assert signal_lines(kept) == ("Did it: 3 times", "Saw it: a reply", "Later: b")
    # An older journal kept the 1.x signal as plain words.
    assert signal_lines("someone  answers") == ("It works if: someone answers",)
    assert signal_lines("  ") == ()
