"""One rule for every average the tool shows: one decimal, half up (3.25 -> 3.3, as a
person rounds), never Python's half to even (3.25 -> 3.2 beside 2.75 -> 2.8)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.records import JournalData
from belonging_cli.reports import words
from belonging_cli.reports.build import build_report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.render import render
from support.report_builders import NOW, TODAY, rubric, session

HALVES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[2] / "hostile" / "trial_g" / "halves.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", HALVES, ids=lambda c: str(c["average"]))
def test_an_average_is_shown_to_one_decimal_half_up(case: dict[str, Any]) -> None:
    assert words.one_decimal(case["average"]) == case["shown"]


def test_a_change_keeps_its_sign() -> None:
    assert words.one_decimal(0.25, sign=True) == "+0.3"
    assert words.one_decimal(-0.25, sign=True) == "-0.3"
    assert words.one_decimal(-0.04, sign=True) == "+0.0"  # no "-0.0"
    assert words.one_decimal(-0.04) == "0.0"


@given(st.decimals(min_value=-5, max_value=5, places=2, allow_nan=False, allow_infinity=False))
def test_any_two_place_figure_rounds_as_written(figure: Decimal) -> None:
    expected = figure.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if expected == 0:
        expected = abs(expected)
    assert words.one_decimal(float(figure)) == f"{expected}"


def test_the_balance_words_give_the_average_by_the_same_rule() -> None:
    balance = {
        "first": 3,
        "latest": 3,
        "change": 0,
        "average": 3.25,
        "series": [{"week": "2026-W01", "value": 3}, {"week": "2026-W02", "value": 3}],
        "trend": "steady",
    }
    assert "(average 3.3)" in words.balance_words(balance)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_reports_average_column_rounds_half_up(fmt: str) -> None:
    # 3, 3, 4, 3: an average of 3.25, shown 3.3; 2, 3, 3, 3: 2.75, shown 2.8.
    levels = [(3, 2), (3, 3), (4, 3), (3, 3)]
    weeks = ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    data = JournalData(
        sessions=tuple(
            session(w, {"cultivate-belonging": a, "protect-time": b})
            for w, (a, b) in zip(weeks, levels, strict=True)
        )
    )
    span = resolve_period("quarter", today=TODAY, journal_weeks=weeks)
    page = render(build_report(data, rubric(), span, now=NOW, tool_version="0.1.0"), fmt)
    cell = "| {} |" if fmt == "md" else '<td class="num">{}</td>'
    assert cell.format("3.3") in page
    assert cell.format("2.8") in page
    assert cell.format("3.2") not in page
