"""What the person wrote, used: takeaways, tags, and the people they write about.

Takeaways are the answers of steps with `role: takeaway` (the weekly flow's last
line and its win, and the 1.x weekly's "what would influence have looked like"
tip), each with the question it answered; sharing is decided by reports/privacy.py
like every text. Tags are the session's own labels (never private: a person chooses
them like a rating); the 2.0 weekly asks none, the other flows still do.
People are for the person's own report only, never a shared one: recurring
capitalised words in the texts this report shows (words one space apart are one
name: "Ben Ode"), a name seen at least once
where a sentence does not start (so "Friday was free" alone names nobody), that
are not the rubric's own words, a day or a month.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.reports.model import SHOWN

if TYPE_CHECKING:
    from belonging_cli.reports.model import (
        Balance,
        BehaviourTrend,
        Exercises,
        Experiments,
        FocusReflection,
    )
    from belonging_cli.reports.scope import Scope

PEOPLE_SHOWN = 5  # the people written about most often
TAGS_SHOWN = 10
# Capitalised, yet nobody: the calendar's words start mid-sentence too.
CALENDAR = frozenset(
    (
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
    )
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_OPENERS = (
    " \t\"'\u201c\u201d\u2018\u2019([*_"  # what may stand between a sentence's end and its word
)
_ENDS = ".!?:;\n"
_APOSTROPHE = re.compile("['\u2019]")


@dataclass(slots=True)
class Takeaway:
    week: str
    question: str | None  # the words asked, to group takeaways by
    text: str
    private: bool


@dataclass(slots=True)
class TagUse:
    tag: str
    count: int  # sessions tagged with it
    weeks: tuple[str, ...]


@dataclass(slots=True)
class Mention:
    name: str
    count: int  # texts naming them
    weeks: tuple[str, ...]


@dataclass(slots=True)
class Writing:
    takeaways: tuple[Takeaway, ...]
    tags: tuple[TagUse, ...]
    people: tuple[Mention, ...]  # always empty in a shared report


def takeaways(scope: Scope) -> tuple[Takeaway, ...]:
    found: list[Takeaway] = []
    for session, answer, text in scope.shown_answers("takeaway", "Takeaways"):
        found.append(Takeaway(session.week, answer.question, text, answer.private))
    return tuple(found)


def tags(scope: Scope) -> tuple[TagUse, ...]:
    weeks: dict[str, list[str]] = {}
    for session in scope.sessions:
        for tag in dict.fromkeys(session.tags):  # a tag given twice is one use
            weeks.setdefault(tag, []).append(session.week)
    ordered = sorted(weeks.items(), key=lambda t: (-len(t[1]), t[1][0], t[0]))
    return tuple(TagUse(tag, len(w), tuple(dict.fromkeys(w))) for tag, w in ordered[:TAGS_SHOWN])


def people(texts: Iterable[tuple[str, str]], rubric_words: Iterable[str]) -> tuple[Mention, ...]:
    """Who the (week, text) pairs name in two texts or more, most often first."""
    excluded = CALENDAR | {w.lower() for w in rubric_words}
    texts = list(texts)
    found = [(week, list(_names(text, excluded))) for week, text in texts]
    # Names one space apart mid-sentence are one person ("with Ben Ode"). At a sentence's
    # start they are too when that full name, or its first word, is seen mid-sentence
    # ("with Ben"); else the first word is the sentence's opener ("Asked Jonas").
    full = {name for _, runs in found for name, at_start in runs if not at_start}
    mid = {word for name in full for word in name.split()}
    named: set[str] = set()
    counts: Counter[str] = Counter()
    weeks: dict[str, list[str]] = {}
    for week, runs in found:
        seen: set[str] = set()
        for name, at_start in _openers_apart(runs, full, mid):
            if not at_start:
                named.add(name)
            seen.add(name)
        for name in seen:
            counts[name] += 1
            weeks.setdefault(name, []).append(week)
    recurring = [(n, c) for n, c in counts.items() if n in named and c >= 2]
    recurring.sort(key=lambda t: (-t[1], t[0]))
    return tuple(Mention(n, c, tuple(sorted(set(weeks[n])))) for n, c in recurring[:PEOPLE_SHOWN])


def _openers_apart(
    runs: Iterable[tuple[str, bool]], full: set[str], mid: set[str]
) -> Iterator[tuple[str, bool]]:
    for name, at_start in runs:
        first, _, rest = name.partition(" ")
        if at_start and rest and name not in full and first not in mid:
            yield first, True
            yield rest, False
        else:
            yield name, at_start


def _names(text: str, excluded: set[str] | frozenset[str]) -> Iterator[tuple[str, bool]]:
    """Each name: capitalised words (a capital, then a small letter: not an acronym)
    one space apart, as one ("Ben Ode" is one person, not Ben and Ode), without a
    possessive and without the `excluded` words; and whether it starts a sentence."""
    run: list[str] = []
    at_start, end = False, -1
    for match in _WORD.finditer(text):
        word = match.group()
        possessive = "'" in word or "\u2019" in word
        if possessive:
            word = _APOSTROPHE.split(word, maxsplit=1)[0]
        # A capital, then a small letter (not an acronym), and not a calendar or rubric word.
        if len(word) < 2 or not (word[0].isupper() and word[1].islower()):
            word = ""
        if word.lower() in excluded:
            word = ""
        if run and (not word or text[end : match.start()] != " "):
            yield " ".join(run), at_start
            run = []
        if word:
            if not run:
                before = text[: match.start()].rstrip(_OPENERS)
                at_start = not before or before[-1] in _ENDS
            run.append(word)
            end = -1 if possessive else match.end()  # "Ode's plan": the name ends there
    if run:
        yield " ".join(run), at_start


def written(
    ratings: Iterable[BehaviourTrend],
    reflections: Iterable[FocusReflection],
    experiments: Experiments,
    balance: Balance,
    exercises: Exercises | None,
    taken: Iterable[Takeaway],
) -> Iterator[tuple[str, str]]:
    """Every text the report shows, with its week: what people are found in (of the
    ratings' notes, the latest SHOWN by week, as "What moved your ratings" lists them)."""
    notes = [(p.week, p.evidence) for trend in ratings for p in trend.series if p.evidence]
    notes.sort(key=lambda note: note[0])  # stable: the order the templates list them in
    yield from notes[-SHOWN:]
    yield from ((f.week, f.answer) for f in reflections)
    for item in experiments.items:
        for text in (item.title, item.happened, item.learned):
            if text:
                yield item.week, text
    for note in balance.notes:
        yield from ((note.week, t) for t in (note.control, note.influence) if t)
    for exercise in exercises.items if exercises else ():
        yield from ((a.week, a.answer) for a in exercise.answers)
    yield from ((t.week, t.text) for t in taken)


def rubric_words(scope: Scope) -> set[str]:
    """The rubric's own words (its titles and level labels): never a person."""
    texts = [scope.rubric.title, *scope.rubric.labels, *(b.title for b in scope.rubric.behaviours)]
    return {w for text in texts for w in _WORD.findall(text)}
