"""Any `variants:` a person writes either loads or is refused as file:line:col lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.content.flows import load_flows
from belonging_cli.errors import ContentError
from support.variant_flows import variant_flow

ids = st.one_of(
    st.sampled_from(["control", "control.rule", "control.deadline", "a", "x.y"]),
    st.text(max_size=12),
    st.integers(),
    st.none(),
)
questions = st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.text()))
variant = st.one_of(
    st.fixed_dictionaries({"id": ids, "question": questions}),
    st.dictionaries(st.text(max_size=8), st.one_of(ids, questions), max_size=3),
    st.text(max_size=10),
    st.none(),
)
variants = st.one_of(st.lists(variant, max_size=5), variant)
LOCATED = re.compile(r"^.+:\d+:\d+: ")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(variants)
def test_variants_load_or_are_located_problems(tmp_path: Path, value: object) -> None:
    path = tmp_path / "tiny.yaml"
    # JSON is YAML: any value written as a flow node, on the `variants:` line.
    path.write_text(variant_flow(json.dumps(value), kind="text", inline=True), encoding="utf-8")
    try:
        step = load_flows(tmp_path).get("tiny").steps[0]
    except ContentError as exc:
        lines = exc.lines()
        assert lines and all(LOCATED.match(line) for line in lines), lines
        return
    ids = [w.id for w in step.wordings()]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "control"
