"""Issue 15: the mirror and five-concepts flows lead no answer. A default on their
scales put a gap between the person and the leader they admire that nobody stated
(4 against 3), or anchored every concept at the midpoint: no scale step of theirs
has one, so a template leaves each for the person to fill."""

from __future__ import annotations

import pytest

from belonging_cli.content.flows import load_flows

UNLED = ("mirror", "five-concepts")


@pytest.mark.parametrize("flow_id", UNLED)
def test_no_scale_or_choice_of_these_flows_comes_answered(flow_id: str) -> None:
    flow = load_flows().get(flow_id)
    led = [s.id for s in flow.steps if s.kind in ("scale", "select") and s.default is not None]
    assert led == []
