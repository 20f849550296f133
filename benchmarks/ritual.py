"""Print issue 13's ritual figures: words of tool text and answers, as a person meets them.

Run: python benchmarks/ritual.py
Each week is done in a real pseudo-terminal at 80x24 and at 60x24 by a person whose
week changed nothing (tests/support/ritual.py: Enter keeps each rating and choice, a
few words at each text), in a fresh temporary home: a first week; a returning week
(three earlier weeks in the same month, so it is an ordinary week, not a month's full
pulse); a quick week (`reflect --quick`). Targets: the returning week's pulse at most
350 words and at most 15 answers (then the choice to save, counted apart), the quick
week at most 8 answers,
and every rating screen showing the behaviour's title, the question and every option.
Exits 1 when a target is missed. (Counts, not times: the harness's pauses make times
meaningless here.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.ritual import SCENARIOS, rating_screens, run_scenario, whole_rating

MOST_PULSE_WORDS = 350
MOST_ANSWERS = {"returning week": 15, "quick week": 8}
SIZES = ((24, 80), (24, 60))


def main() -> int:
    print("| week | terminal | pulse words | answers | then saving | rating screens whole | |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    held = True
    for week in SCENARIOS:
        for rows, columns in SIZES:
            with tempfile.TemporaryDirectory(prefix="belonging-ritual-") as home:
                seen = run_scenario(week, Path(home), (rows, columns))
            screens = rating_screens(seen)
            whole = sum(map(whole_rating, screens))
            words = seen.words.get("pulse", 0)
            answers = seen.total_answers()
            ok = seen.status == 0 and whole == len(screens) > 0 and seen.saves == 1
            if week in MOST_ANSWERS:
                ok = ok and answers <= MOST_ANSWERS[week]
            if week == "returning week":
                ok = ok and words <= MOST_PULSE_WORDS
            held = held and ok
            word_target = f" (<= {MOST_PULSE_WORDS})" if week == "returning week" else ""
            answer_target = f" (<= {MOST_ANSWERS[week]})" if week in MOST_ANSWERS else ""
            print(
                f"| {week} | {columns}x{rows} | {words}{word_target} | {answers}{answer_target} "
                f"| {seen.saves} | {whole} of {len(screens)} | {'ok' if ok else 'MISSED'} |"
            )
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
