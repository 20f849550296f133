"""Words cut at the end of a terminal line: what character wrapping does to a word.

A cut is two lines on a screen where the first ends with a letter, the second (after its
indentation) starts with a letter, and the two pieces joined make one of the words of the
tool's own text (the flows, the rubrics and the tool's strings) or of the answers typed:
"high" / "lighted one)" is a cut, "the" / "highlighted" is two words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-z]+")
TYPED = ROOT / "tests" / "hostile" / "prompt_wrap" / "typed_answers.txt"


def typed_answers() -> list[str]:
    """The hostile corpus of long answers a person types."""
    lines = TYPED.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


@cache
def own_words() -> frozenset[str]:
    """Every word of the tool's text: its flows, its rubrics and its source's strings."""
    files = [
        *(ROOT / "prompts").rglob("*.yaml"),
        *(ROOT / "rubrics").rglob("*.yaml"),
        *(ROOT / "src" / "belonging_cli").rglob("*.py"),
    ]
    words: set[str] = set()
    for path in files:
        words |= {w.lower() for w in WORD.findall(path.read_text(encoding="utf-8"))}
    return frozenset(words)


def cuts(lines: Iterable[str], extra: Iterable[str] = ()) -> list[str]:
    """The words cut across two consecutive lines, as "piece/piece"."""
    known = own_words() | {w.lower() for text in extra for w in WORD.findall(text)}
    rows = list(lines)
    found = []
    for upper, lower in pairwise(rows):
        head = re.search(r"[A-Za-z]+$", upper)
        tail = re.match(r"\s*([A-Za-z]+)", lower)
        if head and tail and (head.group() + tail.group(1)).lower() in known:
            found.append(f"{head.group()}/{tail.group(1)}")
    return found
