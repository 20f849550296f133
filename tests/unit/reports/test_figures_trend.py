"""One trend word for a series of levels, from the whole series (issue 14)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.reports import words
from belonging_cli.reports.movement import TRENDS, movement, trend
from support.places import HOSTILE

CASES: list[dict[str, Any]] = yaml.safe_load(
    (HOSTILE / "figures" / "series.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c["levels"])) or "none")
def test_the_word_a_person_would_give_the_series(case: dict[str, Any]) -> None:
    assert trend(case["levels"]) == case["trend"]


@given(st.lists(st.integers(1, 5), max_size=30))
def test_every_series_gets_one_known_word(levels: list[int]) -> None:
    word = trend(levels)
    assert word in TRENDS
    if len(set(levels)) > 1:
        # Never "steady" when it moved, whatever first and last say.
        assert word != "steady"
    if word == "rising":
        assert all(b >= a for a, b in pairwise(levels))


def test_a_change_counts_from_the_rating_before_the_period_when_there_is_one() -> None:
    assert movement([1], before=3) == (1, 1, -2, 1.0)
    assert movement([2, 4], before=None) == (2, 4, 2, 3.0)


def test_the_balance_words_follow_the_whole_series() -> None:
    series = [{"week": f"2026-W{n:02d}", "value": v} for n, v in enumerate([3, 1, 5, 3], 40)]
    balance = {"series": series, "first": 3, "latest": 3, "change": 0, "average": 3.0}
    balance["trend"] = trend([3, 1, 5, 3])
    said = words.balance_words(balance)
    assert "Steady" not in said
    assert "up and down" in said.lower()
