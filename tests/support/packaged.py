"""The packaged rubric and weekly flow, loaded once for the tests that only read them.

from support.packaged import packaged_rubric, packaged_flow
"""

from __future__ import annotations

from functools import cache

from belonging_cli.content.flows import Flow, load_flows
from belonging_cli.content.rubrics import Rubric, load_rubric


@cache
def packaged_rubric() -> Rubric:
    return load_rubric()


@cache
def packaged_flow(flow_id: str = "weekly") -> Flow:
    return load_flows().get(flow_id)
