"""The review screen: every answer of a sitting on one screen before it is saved.

Each answer is one line (a short label and the answer, cut at a word to the
terminal's width; a rating reads "3 Developing  Protect time (+1)"), under the two
choices that end the sitting: save it (first, taken with Enter) or keep it as a
draft. Opening a line asks that question again, starting from the answer given;
the sitting then asks whatever the new answer brings (a rating that moved asks
what happened, a low balance asks the tip) and forgets what no longer applies
(`Sitting.change`), and the screen comes back. The choices stay at the top: a
list longer than the terminal scrolls under them, so Enter always saves.

A reflection and a coach's exercise both end here. With every written answer
blank, keeping the draft comes first (`Sitting.blank`).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import TYPE_CHECKING

from belonging_cli.engine.kinds import unit
from belonging_cli.engine.kinds.review import SKIP
from belonging_cli.engine.privacy import PRIVATE_MARK, SHARE_MARK
from belonging_cli.engine.questions import OWN_CHOICE, Question
from belonging_cli.safe_text import strip_controls

if TYPE_CHECKING:
    from belonging_cli.engine.kinds.base import Given
    from belonging_cli.engine.session import Engine
    from belonging_cli.engine.sitting import Sitting
    from belonging_cli.engine.sources import Terminal
    from belonging_cli.records import AnswerValue

SAVE = "\0save"  # never a question id: ids are dotted slugs
KEEP = "\0keep"
LABEL = 26  # columns of a line's label, at most (a third of an 80-column line)
POINTER = 4  # the select's " » " before each line, and a column spare


def review(sitting: Sitting, terminal: Terminal, heading: str) -> bool:
    """The review screen until the person saves (True) or keeps a draft (False)."""
    from belonging_cli import ask
    from belonging_cli.fitting import terminal_columns

    what = "these answers" if sitting.session.assignment_id else "this reflection"
    with sitting.kept():
        while True:
            width = terminal_columns() - POINTER  # the terminal's own, not $COLUMNS
            lines = rows(sitting.engine, width, hidden=sitting.hidden)
            blank = sitting.blank()
            ask.say(f"\n{heading}", style="bold")
            if blank:
                ask.say("Every written answer is blank.")
            ends = [
                (SAVE, f"Save {what}{' with nothing written' if blank else ''}"),
                (KEEP, "Keep it as a draft, don't save yet"),
            ]
            picked = ask.choose(
                "Save it anyway?" if blank else "Save it? Or open an answer to change it:",
                [*(reversed(ends) if blank else ends), *lines],
                default=KEEP if blank else SAVE,
            )
            if picked == SAVE:
                return True
            if picked == KEEP:
                sitting.keep_draft()
                return False
            question = next((q for q in sitting.engine.questions() if q.id == picked), None)
            given = sitting.engine.given.get(picked)
            if question is not None and given is not None:
                sitting.change(again(question, given), terminal)


def rows(
    engine: Engine, width: int = 76, *, hidden: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """Every answer so far as `(question id, line)`, in the flow's order."""
    found = []
    for question in engine.questions():
        given = engine.given.get(question.id)
        if given is None or question.ask == "info" or question.id in hidden:
            continue
        found.append((question.id, line(question, given, engine, width)))
    return found


def line(question: Question, given: Given, engine: Engine, width: int) -> str:
    """One answer on one line of `width` columns: its label, then the answer."""
    if question.ask == "rate" and isinstance(given.value, int):
        rated = unit("rate").summary(question, given, engine)
        if rated:
            return fit(rated.strip(), width)
    label = fit(question.message, min(LABEL, width // 3))
    answer = shown(question, given)
    return f"{label}: {fit(answer, max(1, width - width_of(label) - 2))}"


def shown(question: Question, given: Given) -> str:
    """An answer as the person gave it: a choice by its title, words on one line."""
    value = given.value
    if value is None:
        return "(skipped)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    title = next((c.title for c in question.choices if c.value == value), None)
    if title is not None:  # a private choice (the wellbeing check) says so, as words do
        title = title.removesuffix(" (suggested)")
        return f"(private) {title}" if given.private and question.private else title
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    words = " ".join(str(value).split())
    if not words:
        return "(blank)"
    return f"(private) {words}" if given.private and question.private is not None else words


def again(question: Question, given: Given) -> Question:
    """`question` to ask once more, starting from the answer given (its default)."""
    value: AnswerValue = given.value
    values = question.choice_values()
    if question.kind == "review" and value is None:
        value = SKIP
    elif question.ask == "experiment" and value not in values:
        found = next((c.value for c in question.choices if c.title.startswith(f"{value} (")), None)
        value = found if found is not None else OWN_CHOICE
    elif isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    elif question.is_text and isinstance(value, str) and value and question.private is not None:
        flipped = given.private != question.private  # the marker comes back, visible
        value = f"{value} {PRIVATE_MARK if given.private else SHARE_MARK}" if flipped else value
    if question.choices and value not in values:
        value = question.default
    return dataclasses.replace(question, default=value)


def _columns(ch: str) -> int:
    """Columns a character takes in a terminal: wide (CJK) ones two, marks none."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width_of(text: str) -> int:
    """Columns `text` takes in a terminal."""
    return sum(_columns(ch) for ch in text)


def fit(text: str, width: int) -> str:
    """`text` on one line of at most `width` columns, cut at a word ("..."); control
    characters a person typed are not shown (a terminal would obey them)."""
    text = " ".join(strip_controls(text).split())
    if width_of(text) <= width:
        return text
    room, used, end = max(1, width - 3), 0, 0
    for end, ch in enumerate(text):  # noqa: B007 - `end` is where the room runs out
        used += _columns(ch)
        if used > room:
            break
    cut = text[:end]
    whole = text[end] == " "  # the room ran out at a space: every word in it is whole
    at_word = cut if whole or " " not in cut else cut.rsplit(" ", 1)[0]
    return f"{at_word.rstrip(' ,;:.')}..."
