"""A text step's `variants:`: other wordings of its question, validated like every flow field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from belonging_cli.content.flows import load_flows, validate_flow_paths
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import ContentError
from support.places import REPO
from support.variant_flows import variant_flow

HOSTILE = yaml.safe_load((REPO / "tests/hostile/repeat/variants.yaml").read_text("utf-8"))


def flow_with(tmp_path: Path, variants: str, kind: str = "long_text") -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(variant_flow(variants, kind), encoding="utf-8")
    return path


def test_a_step_with_variants_loads_with_its_question_first(tmp_path: Path) -> None:
    flow_with(
        tmp_path,
        "- id: control.deadline\n  question: Which deadline did you hold people to?\n"
        "- {id: control.rule, question: Which rule did you point to?}",
    )
    step = load_flows(tmp_path).get("tiny").steps[0]
    assert [(v.id, v.question) for v in step.wordings()] == [
        ("control", "Where did you lean on control?"),
        ("control.deadline", "Which deadline did you hold people to?"),
        ("control.rule", "Which rule did you point to?"),
    ]


def test_a_step_without_variants_has_its_question_as_its_one_wording(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(variant_flow("").replace("    variants:\n", ""), encoding="utf-8")
    step = load_flows(tmp_path).get("tiny").steps[0]
    assert [v.id for v in step.wordings()] == ["control"]


@pytest.mark.parametrize("case", HOSTILE, ids=[c["name"] for c in HOSTILE])
def test_bad_variants_are_reported_at_their_place(tmp_path: Path, case: dict[str, Any]) -> None:
    path = flow_with(tmp_path, case["variants"])
    with pytest.raises(ContentError) as caught:
        validate_flow_paths([path], load_rubric().ids())
    lines = caught.value.lines()
    place = f"steps[0].{case['place']}: "
    found = [line for line in lines if place in line]
    assert found, lines
    assert found[0].startswith(f"{path}:"), found
    line, column = found[0].removeprefix(f"{path}:").split(":")[:2]
    assert int(line) >= 9 and int(column) >= 5  # at the variant, not the top of the file
    assert case["message"] in found[0]


@pytest.mark.parametrize("kind", ["select", "scale", "rate", "focus", "confirm"])
def test_variants_are_for_text_steps_only(tmp_path: Path, kind: str) -> None:
    path = flow_with(tmp_path, "- {id: control.rule, question: Which rule?}", kind=kind)
    with pytest.raises(ContentError) as caught:
        load_flows(path.parent)
    assert any(f"`variants` is not used by a {kind} step" in line for line in caught.value.lines())


def test_the_packaged_weekly_rotates_control_and_influence_through_five_or_more() -> None:
    weekly = load_flows().get("weekly")
    for step_id in ("control", "influence"):
        step = weekly.step(step_id)
        assert step is not None
        wordings = step.wordings()
        assert len(wordings) >= 6  # the question and at least five variants
        assert len({w.question for w in wordings}) == len(wordings)
        assert all("this week" in w.question for w in wordings[1:])  # about this week
