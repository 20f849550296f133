"""Choosing at share time: what a shared report would leave out, shown and picked.

`report --share` at a terminal lists every private text of the report, section by
section, as a short excerpt (one line, no control character, cut at a word), and
lets the person include some in this one report: a checkbox taken with Enter,
nothing picked unless they pick it. Nothing stored changes. Without a terminal
nothing private is included unless `--include ID` names it, and stderr says how
many items were left out and how to include them.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence

from belonging_cli.reports.privacy import Withheld
from belonging_cli.reports.words import plural

EXCERPT = 60  # characters of an item's words in the listing, before "…"

# Everything that is not plain text on one line: controls (C0, DEL, C1), the line
# and paragraph separators, and the bidirectional overrides that would reorder it.
_NOT_SHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def excerpt(text: str, width: int = EXCERPT) -> str:
    """`text` as one safe line of at most `width` characters (and "…"), cut at a word."""
    words = " ".join(_NOT_SHOWN.sub(" ", text).split())
    if len(words) <= width:
        return words
    cut = words[: width + 1]
    head = cut.rsplit(" ", 1)[0] if " " in cut else words[:width]
    return head[:width].rstrip() + "…"


def listing(withheld: Sequence[Withheld]) -> list[str]:
    """The private items, grouped under their section's name, in the report's order."""
    lines: list[str] = []
    sections: dict[str, list[Withheld]] = {}
    for item in withheld:
        sections.setdefault(item.section or "Other", []).append(item)
    for section, items in sections.items():
        lines.append(section)
        lines += [f"  {item.id}  {item.week}  {excerpt(item.text)}" for item in items]
    return lines


def include_hint() -> str:
    """What a shared report made without a terminal says after its count of what it left out."""
    return (
        "To include a private item in this report only: --include ID (repeatable; the ids "
        "are in `belonging journal show`), or run `belonging report --share` at a terminal."
    )


def pick(withheld: Sequence[Withheld]) -> set[str]:
    """At a terminal: the ids the person includes in this report (none unless picked)."""
    from belonging_cli import ask

    ask.say(
        f"This shared report leaves out {plural(len(withheld), 'private item')}. "
        "Include any in this report only? What you stored does not change."
    )
    columns = shutil.get_terminal_size().columns
    groups: dict[str, list[tuple[str, str]]] = {}
    for item in withheld:
        # The pointer and box (4), the week and blanks (14): the words take the rest.
        room = max(12, columns - 18 - len(item.id) - 3)
        line = f"{item.week}  {excerpt(item.text, room)}  [{item.id}]"
        groups.setdefault(item.section or "Other", []).append((item.id, line))
    return set(ask.pick_some("Include", list(groups.items())))
