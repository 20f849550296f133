"""A client's feedback round read as hostile (issue 17): a bundle's `feedback` forged
by hand, a group or a round under three raters above all, is refused with one
`file:line:col: field` line (the anonymity rule is feedback/round.first_breach,
as `feedback import`'s), the other clients still rolled up; whatever a bundle
holds, no count under three reaches what a coach reads."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.coaching.bundle import BadBundle, parse_bundle
from belonging_cli.coaching.client_view import feedback_round
from support.cli import CliRunner
from support.coach_runs import refused_at, summary
from support.feedback_client import feedback_bundle_data
from support.places import REPO

CORPUS = yaml.safe_load(
    (REPO / "tests" / "hostile" / "rollup_feedback" / "forged.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return feedback_bundle_data(tmp_path_factory.mktemp("feedback-client"))


def _forged(clean: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(clean))
    for path, value in case["set"].items():
        if "repeat" in case:
            value = value * case["repeat"]
        if not path:
            data["feedback"] = value
            continue
        *way, last = [int(p) if p.isdigit() else p for p in str(path).split(".")]
        at: Any = data["feedback"]
        for part in way:
            at = at[part]
        at[last] = value
    return data


@pytest.mark.parametrize("case", CORPUS["refused"], ids=lambda c: c["name"])
def test_a_forged_round_is_refused_at_its_place(
    cli: CliRunner, clean: dict[str, Any], tmp_path: Path, case: dict[str, Any]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_forged(clean, case), indent=1), encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(clean), encoding="utf-8")
    result = summary(cli, bad, good)
    assert case.get("says", "") in refused_at(result, bad, case["field"])
    assert "Coaching roll-up: 1 client" in result.out  # the good one still rolled up


@pytest.mark.parametrize("case", CORPUS["shown"], ids=lambda c: c["name"])
def test_a_title_is_shown_as_text(
    cli: CliRunner, clean: dict[str, Any], tmp_path: Path, case: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(clean))
    data["feedback"]["behaviours"][0]["title"] = case["title"]
    path = tmp_path / "client.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    html = summary(cli, path, fmt="html")
    assert html.code == 0, html.err
    assert case["never_html"] not in html.out
    rolled = json.loads(summary(cli, path, fmt="json").out)
    (blind,) = rolled["clients"][0]["feedback"]["blind_spots"]
    assert blind["title"] == case["shows_json"]


COUNTS = st.integers(min_value=0, max_value=7)


@st.composite
def rounds(draw: st.DrawFn) -> dict[str, Any]:
    """Any counts a writer could put in a bundle's round, of up to three groups."""
    names = draw(st.lists(st.sampled_from(["direct-report", "peer", "manager"]), unique=True))
    groups = [{"group": g, "mean": 0, "n": draw(COUNTS)} for g in names]
    behaviours = []
    for i in range(draw(st.integers(0, 3))):
        by_group = [{"group": g, "mean": 3.0, "n": draw(COUNTS)} for g in draw(st.just(names))]
        mean = draw(st.one_of(st.none(), st.floats(1, 5)))
        behaviours.append(
            {
                "behaviour_id": f"b{i}",
                "title": f"Behaviour {i}",
                "self_level": draw(st.one_of(st.none(), st.integers(1, 5))),
                "self_rated_on": None,
                "others_mean": mean,
                "others_n": draw(COUNTS),
                "by_group": by_group,
            }
        )
    return {
        "requested_on": "2026-11-02",
        "collected_on": "2026-11-20",
        "raters_total": draw(st.integers(0, 25)),
        "groups": groups,
        "behaviours": behaviours,
    }


@settings(max_examples=150, deadline=None)
@given(feedback=rounds())
def test_no_count_under_three_reaches_the_coach(
    clean: dict[str, Any], feedback: dict[str, Any]
) -> None:
    data = {**clean, "feedback": feedback}
    try:
        bundle = parse_bundle(json.dumps(data).encode(), "client.json")
    except BadBundle as bad:
        assert bad.problem.path == "client.json" and bad.problem.line >= 1
        return
    seen = bundle.feedback
    assert seen is not None and seen.raters_total >= 3
    assert all(g.n >= 3 for g in seen.groups)
    for b in seen.behaviours:
        assert all(g.n >= 3 for g in b.by_group)
        assert b.others_mean is None or b.others_n >= 3
    shown = feedback_round(bundle, dt.date(2026, 12, 1))
    assert shown is not None and shown.raters >= 3
