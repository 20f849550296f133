"""`flows show` says how a step's wordings rotate; `flows validate` places a bad variant."""

from __future__ import annotations

import re
from pathlib import Path

from support.cli import CliRunner
from support.variant_flows import variant_flow

BAD = variant_flow(
    "- {id: control.rule, question: Which rule did you point to this week?}\n"
    "- {id: control.rule, question: Which rule again?}"
)


def test_flows_show_lists_the_wordings_a_step_takes_in_turn(cli: CliRunner) -> None:
    shown = cli("flows", "show", "weekly")
    assert shown.code == 0, shown.err
    # The control step's entry, whatever its number: up to the next numbered step.
    steps = re.split(r"^ ?\d+\. ", shown.out, flags=re.MULTILINE)
    (entry,) = [step for step in steps if step.startswith("control ")]
    control = " ".join(entry.split())
    assert "in turn with these, the one asked longest ago each time (this one: control)" in control
    assert "control.deadline: Which deadline or date did you hold someone to" in control


def test_flows_validate_reports_a_variant_id_used_twice_at_its_place(
    cli: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(BAD, encoding="utf-8")
    result = cli("flows", "validate", str(path))
    assert result.code == 1
    assert f"{path}:11:14: steps[0].variants[1].id: variant id 'control.rule' is used twice" in (
        result.err
    )
    assert "Traceback" not in result.err
