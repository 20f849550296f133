"""Read a timeline's story back into (level, first week, last week) stretches, so a
test can check every level and week it says against the series it was told from."""

from __future__ import annotations

import re

WEEKS = r"(\d{4}-W\d{2})(?: to ((?:\d{4}-)?W\d{2}))?"  # 2026-W45 to W48 / 2027-W01
PART = re.compile(r"(?:back to )?(\d+) in " + WEEKS)
GAP = re.compile(r"then (\d+) stretch(?:es)? left out \(" + WEEKS + r"\)")


def _full(first: str, last: str | None) -> str:
    if last is None:
        return first
    return last if "-" in last else f"{first[:4]}-{last}"


def told(story: str) -> tuple[list[tuple[int, str, str]], tuple[int, str, str] | None]:
    """The stretches the story names, and what it says it left out (count, first, last)."""
    gap = GAP.search(story)
    left = None
    if gap is not None:
        left = (int(gap[1]), gap[2], _full(gap[2], gap[3]))
        story = story[: gap.start()] + story[gap.end() :]
    parts = [(int(m[1]), m[2], _full(m[2], m[3])) for m in PART.finditer(story)]
    return parts, left
