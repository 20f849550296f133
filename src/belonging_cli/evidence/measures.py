"""Which figures a report follows for each behaviour, and which way counts for it.

beside.INFORMS says which source informs a behaviour (one home); here, which of that
source's figures a report shows week by week, what each is called, and which way a
move counts for the behaviours it speaks to: more meeting hours count against
protecting time, more open questions for prompting insight, a larger share of the
talk against both prompting insight and cultivating belonging (the person who talks
less leaves others the room). Also every figure a source stores, the only ones a
shared bundle may carry. Pure and stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from belonging_cli.journal.evidence_store import Source


class Measure(NamedTuple):
    name: str  # the figure's key, as stored
    column: str  # a table's heading
    label: str  # in a sentence: "meeting hours rose three weeks running"
    unit: str  # "h", "%" (a share 0..1), "s", or "" (a count)
    better: int  # +1: more is better for the behaviours it speaks to; -1: less is


MEASURES: Mapping[Source, tuple[Measure, ...]] = {
    "calendar": (
        Measure("meeting_hours", "Meeting hours", "meeting hours", "h", -1),
        Measure("longest_free_hours", "Longest free block", "the longest free block", "h", +1),
        Measure("after_hours_hours", "After hours", "meetings after hours", "h", -1),
        Measure("protected_hours", "Protected time", "protected time", "h", +1),
    ),
    "transcript": (
        Measure("talk_share", "Your talk share", "your share of the talk", "%", -1),
        Measure("questions", "Questions", "questions", "", +1),
        Measure("open_questions", "Open questions", "open questions", "", +1),
        Measure("longest_monologue_s", "Longest monologue", "your longest monologue", "s", -1),
    ),
}

# The figures each behaviour is set beside, of the source beside.INFORMS names for it.
SPEAKS_TO: Mapping[str, tuple[str, ...]] = {
    "protect-time": ("meeting_hours", "longest_free_hours", "after_hours_hours", "protected_hours"),
    "prompt-insight": ("open_questions", "questions", "talk_share"),
    "cultivate-belonging": ("talk_share", "longest_monologue_s"),
}

# Every figure a source stores (evidence/figures.py, evidence/transcript.py): numbers,
# and `quietest` as "speaker N of M". A bundle carries these and nothing else.
STORED: Mapping[Source, frozenset[str]] = {
    "calendar": frozenset(
        {
            "meeting_hours",
            "meetings",
            "longest_free_hours",
            "free_blocks_2h",
            "after_hours_hours",
            "back_to_back_chains",
            "protected_hours",
            "protected_free_share",
        }
    ),
    "transcript": frozenset(
        {
            "meetings",
            "talk_share",
            "word_share",
            "longest_monologue_s",
            "turns",
            "questions",
            "open_questions",
            "quietest",
            "quietest_share",
            "directive",
            "inviting",
        }
    ),
}
QUIETEST = re.compile(r"speaker [1-9]\d{0,2} of [1-9]\d{0,2}")  # never a name


def measure(source: Source, name: str) -> Measure:
    (found,) = (m for m in MEASURES[source] if m.name == name)
    return found
