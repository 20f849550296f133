"""The one line of evidence shown beside a behaviour's rating: pure, stdlib only.

Which behaviour each source informs is decided here, once: the calendar informs
protect time (behaviour 2); transcripts inform prompting insight (6: do you ask or
tell) and cultivating belonging (1: who gets to speak). The line is of the week being
reflected on, else the week before it (evidence imported at the end of a week, the
reflection early in the next): evidence informs a rating, it never sets one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from belonging_cli.clock import previous_week
from belonging_cli.evidence.transcript import number, spoke
from belonging_cli.reports.words import plural

if TYPE_CHECKING:
    from belonging_cli.journal.evidence_store import Figure, Source, WeekEvidence

INFORMS: Mapping[str, Source] = {
    "protect-time": "calendar",
    "prompt-insight": "transcript",
    "cultivate-belonging": "transcript",
}


def _calendar(figures: Mapping[str, Figure]) -> str:
    return (
        f"{number(figures, 'meeting_hours'):g} h of meetings, "
        f"{plural(int(number(figures, 'free_blocks_2h')), 'free block')} of 2 h or more, "
        f"{number(figures, 'after_hours_hours'):g} h after hours"
    )


def _asked(figures: Mapping[str, Figure]) -> str:
    questions = plural(int(number(figures, "questions")), "question")
    return f"{spoke(figures)}, {questions}, {number(figures, 'open_questions'):g} open"


def _heard(figures: Mapping[str, Figure]) -> str:
    quietest = figures.get("quietest")
    if not isinstance(quietest, str) or not quietest:
        return spoke(figures)
    share = number(figures, "quietest_share")
    return f"{spoke(figures)}; the quietest, {quietest}, {share:.0%}"


_LINES = {"protect-time": _calendar, "prompt-insight": _asked, "cultivate-belonging": _heard}


def line(behaviour_id: str, week: str, evidence: Iterable[WeekEvidence]) -> str | None:
    """ "Evidence, 2026-W11: ..." for `behaviour_id` in `week` (or the week before), or None."""
    source = INFORMS.get(behaviour_id)
    if source is None:
        return None
    found = {item.week: item for item in evidence if item.source == source}
    for when in (week, previous_week(week)):
        item = found.get(when)
        if item is not None:
            return f"Evidence, {when}: {_LINES[behaviour_id](item.figures)}"
    return None
