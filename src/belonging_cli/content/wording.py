"""Measurable rules of good wording, for `rubric validate --strict` (docs/content-guide.md).

Pure functions of text written by other people: they never raise, whatever the text.
"""

from __future__ import annotations

import itertools
import re

MAX_ANCHOR_WORDS = 35  # a level descriptor: one critical incident, read at a glance

# "?" and the full-width question mark (U+FF1F) both end a question.
_MARKS = re.compile(r"[?\uff1f]")
_QUESTION_WORD = r"(?:how|why|what|when|where|who|whom|which|whose)"
_AUXILIARY = (
    r"(?:do|does|did|is|are|was|were|will|would|could|can|should|shall|might|may|must"
    r"|has|have|had|made|makes|got|gets|went|changed|happened|helped)"
)
# A second question hidden inside the first: ", and what kept it out?", "...and why?",
# "...and how did they react?". Without a comma, a question word asks only when a verb
# or the end follows it ("and what the team needed" is part of the first question);
# "When you pushed back, what happened?" is one question (no "and").
_SECOND = re.compile(
    rf",\s*(?:and|or)\s+(?:then\s+)?{_QUESTION_WORD}\b"
    rf"|\band\s+(?:then\s+)?{_QUESTION_WORD}(?:\s+{_AUXILIARY}\b|\s*(?:[?\uff1f.!,;:]|$))",
    re.IGNORECASE,
)
# "How specific was it: what did it name?" asks twice; "Think of one: which was it?" once.
_CLAUSES = re.compile(r"\s*[:;]\s*")
_ASKS = re.compile(rf"(?:{_QUESTION_WORD}|{_AUXILIARY})\b", re.IGNORECASE)
_STARTS_ASKING = re.compile(rf"{_QUESTION_WORD}\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def questions_asked(text: str) -> int:
    """How many questions `text` asks: each question mark, plus each second question
    joined into one ("What did you try, and why?" asks two)."""
    clauses = _CLAUSES.split(text.strip())
    chained = sum(
        1
        for before, after in itertools.pairwise(clauses)
        if _ASKS.match(before) and _STARTS_ASKING.match(after)
    )
    return len(_MARKS.findall(text)) + len(_SECOND.findall(text)) + chained


def words(text: str) -> list[str]:
    """The words of `text`, lower case, without punctuation ("don't" is one word)."""
    return [w.lower() for w in _WORD.findall(text)]


def shared_phrases(first: str, second: str, size: int = 3) -> set[str]:
    """The runs of `size` words found in both texts: the sign that two strands overlap."""
    return _runs(words(first), size) & _runs(words(second), size)


def _runs(found: list[str], size: int) -> set[str]:
    return {" ".join(found[i : i + size]) for i in range(len(found) - size + 1)}
