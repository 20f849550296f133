"""Flow files: the packaged ones are valid, and mistakes come out as file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from belonging_cli.content.flows import load_flows, validate_flow_paths
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import ContentError
from belonging_cli.resources import packaged_dir

GOOD = """\
id: tiny
title: Tiny
description: A tiny flow.
minutes: 2
steps:
  - id: how
    kind: scale
    question: How was it?
    labels: [bad, ok, good]
  - id: why
    kind: text
    question: Why?
    when: {step: how, at_most: 1}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_flows(folder)
    return caught.value.lines()


def test_every_packaged_flow_is_valid_against_the_packaged_rubric() -> None:
    folder = packaged_dir("prompts")
    checked = validate_flow_paths([folder], load_rubric().ids())
    ids = load_flows(folder).ids()
    assert ids[0] == "weekly"  # the default comes first
    assert {"weekly", "deep-dive", "five-concepts", "mirror", "monthly"} <= set(ids)
    assert len(checked) == len(ids)


def test_a_good_flow_loads(tmp_path: Path) -> None:
    write(tmp_path, "tiny.yaml", GOOD)
    flow = load_flows(tmp_path).get("tiny")
    assert [s.id for s in flow.steps] == ["how", "why"]


def test_unknown_keys_and_wrong_kinds_are_located(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.yaml",
        GOOD.replace(
            "    labels: [bad, ok, good]", "    labels: [bad, ok, good]\n    colour: red"
        ).replace("kind: text", "kind: essay"),
    )
    lines = problems(tmp_path)
    assert f"{path}:10:5: steps[0].colour: unknown key" in lines[0]
    assert lines[1].startswith(f"{path}:12:11: steps[1].kind: Input should be")


def test_fields_that_do_not_fit_the_kind_are_refused(tmp_path: Path) -> None:
    write(
        tmp_path, "f.yaml", GOOD.replace("    question: Why?", "    question: Why?\n    count: 2")
    )
    (line,) = problems(tmp_path)
    assert line.endswith("steps[1]: `count` is not used by a text step")


def test_a_condition_must_refer_to_an_earlier_step(tmp_path: Path) -> None:
    write(tmp_path, "f.yaml", GOOD.replace("{step: how, at_most: 1}", "{step: later, equals: 1}"))
    (line,) = problems(tmp_path)
    assert "refers to 'later', which is not an earlier step" in line


def test_reflecting_needs_a_focus_step_first(tmp_path: Path) -> None:
    write(tmp_path, "f.yaml", GOOD + "  - id: reflect\n    kind: reflect\n")
    (line,) = problems(tmp_path)
    assert "put a focus step before it" in line


def test_duplicate_flow_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD)
    second = write(tmp_path, "b.yaml", GOOD)
    (line,) = problems(tmp_path)
    assert line.startswith(f"{second}:1:5: id: flow id 'tiny' is already used")


def test_validate_checks_behaviours_against_the_rubric(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        GOOD + "  - id: rate\n    kind: rate\n    behaviour: not-a-behaviour\n",
    )
    with pytest.raises(ContentError) as caught:
        validate_flow_paths([path], load_rubric().ids())
    assert caught.value.lines() == [
        f"{path}:16:16: steps[2].behaviour: no behaviour 'not-a-behaviour' in the rubric"
    ]
