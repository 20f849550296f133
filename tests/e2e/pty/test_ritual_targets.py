"""Issue 13's targets, counted on what a person sees in a real terminal (support/ritual.py).

At 80x24 and 60x24: a returning user's unchanged week shows at most 350 words of tool
text for the whole pulse and takes at most 15 answers (then the choice to save, which
support/ritual.py counts apart); the quick
week at most 8; every rating screen shows the behaviour's title, the question and all
its options at once; every week ends saved (exit 0). `benchmarks/ritual.py` prints
the same counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.ritual import rating_screens, run_scenario, whole_rating

pytestmark = pytest.mark.slow

SIZES = [(24, 80), (24, 60)]
MOST_PULSE_WORDS = 350
MOST_ANSWERS = {"returning week": 15, "quick week": 8}


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x24"])
@pytest.mark.parametrize("week", ["first week", "returning week", "quick week"])
def test_every_rating_screen_shows_the_title_question_and_options(
    tmp_path: Path, week: str, size: tuple[int, int]
) -> None:
    seen = run_scenario(week, tmp_path, size)
    assert seen.status == 0, seen.transcript[-2000:]
    screens = rating_screens(seen)
    assert screens, "no rating was asked"
    cut = [p.text for p in screens if not whole_rating(p)]
    assert not cut, cut[0]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x24"])
@pytest.mark.parametrize("week", ["returning week", "quick week"])
def test_an_unchanged_week_is_short(tmp_path: Path, week: str, size: tuple[int, int]) -> None:
    seen = run_scenario(week, tmp_path, size)
    assert seen.status == 0, seen.transcript[-2000:]
    assert seen.words.get("pulse", 0) <= MOST_PULSE_WORDS, seen.words
    assert seen.total_answers() <= MOST_ANSWERS[week], seen.answers
    assert seen.saves == 1  # and saving is one explicit choice, taken once
