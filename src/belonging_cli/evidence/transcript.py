"""A meeting's figures from its cues, and a week's from its meetings: pure, no files.

What is measured (docs/evidence.md says it for the person):
- talk time: each cue lasts from its start to its end; a speaker's share is their
  time over everyone's (by words when no cue has any length), so shares add up to 1;
- words: a speaker's share of all words;
- a turn: the person's cues with nobody else's between them; the longest monologue
  is the longest turn, from its first cue's start to its last cue's end;
- questions, open questions, directive and inviting sentences: evidence/phrasing.py,
  over the person's own words only;
- who spoke least: among the others, as "speaker N of M" (N by order of first
  speaking, M everyone in the meeting, the person too), never a name.

Only figures leave this module, and at most three of the person's own sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from belonging_cli.evidence.phrasing import Sentence, read_sentence, sentences
from belonging_cli.evidence.transcript_read import Cue
from belonging_cli.reports.words import plural

MAX_EXAMPLES = 3
MAX_EXAMPLE = 200  # characters of one example sentence


class Meeting(NamedTuple):
    """One meeting, measured for the person (`me`)."""

    path: str
    day: dt.date
    speakers: int
    my_seconds: float
    all_seconds: float
    my_words: int
    all_words: int
    talk_share: float
    longest_monologue_s: float
    turns: int
    questions: int
    open_questions: int
    directive: int
    inviting: int
    quietest: str | None  # "speaker 3 of 5"
    quietest_share: float | None
    mine: tuple[Sentence, ...]  # the person's sentences, in order: examples come from these


def _seconds(cue: Cue) -> float:
    return max(0.0, cue.end - cue.start)


def _words(cue: Cue) -> int:
    return len(cue.text.split())


def talk_shares(cues: Sequence[Cue]) -> dict[str, float]:
    """Each speaker's share of the talk time (of the words when no cue has a length):
    together 1, or no one when nobody said anything."""
    time: dict[str, float] = {}
    words: dict[str, float] = {}
    for cue in cues:
        time[cue.speaker] = time.get(cue.speaker, 0.0) + _seconds(cue)
        words[cue.speaker] = words.get(cue.speaker, 0.0) + _words(cue)
    amounts = time if sum(time.values()) > 0 else words
    total = sum(amounts.values())
    if total <= 0:
        return {}
    return {speaker: amount / total for speaker, amount in amounts.items()}


def _turns(cues: Sequence[Cue], me: frozenset[str]) -> list[tuple[float, float]]:
    turns: list[tuple[float, float]] = []
    previous_mine = False
    for cue in cues:
        mine = cue.speaker in me
        if mine and previous_mine:
            turns[-1] = (turns[-1][0], max(turns[-1][1], cue.end))
        elif mine:
            turns.append((cue.start, cue.end))
        previous_mine = mine
    return turns


def _quietest(
    cues: Sequence[Cue], shares: dict[str, float], me: frozenset[str]
) -> tuple[str | None, float | None]:
    order = list(dict.fromkeys(cue.speaker for cue in cues))
    others = [speaker for speaker in order if speaker not in me]
    if not others:
        return None, None
    least = min(others, key=lambda speaker: (shares.get(speaker, 0.0), order.index(speaker)))
    return f"speaker {order.index(least) + 1} of {len(order)}", shares.get(least, 0.0)


def measure(cues: Sequence[Cue], me: frozenset[str], path: str, day: dt.date) -> Meeting:
    """The meeting's figures for the speakers in `me` (the person, as the file names them)."""
    shares = talk_shares(cues)
    mine = [cue for cue in cues if cue.speaker in me]
    said = tuple(read_sentence(text) for cue in mine for text in sentences(cue.text))
    turns = _turns(cues, me)
    quietest, quietest_share = _quietest(cues, shares, me)
    return Meeting(
        path=path,
        day=day,
        speakers=len({cue.speaker for cue in cues}),
        my_seconds=sum(_seconds(cue) for cue in mine),
        all_seconds=sum(_seconds(cue) for cue in cues),
        my_words=sum(_words(cue) for cue in mine),
        all_words=sum(_words(cue) for cue in cues),
        talk_share=sum(shares.get(speaker, 0.0) for speaker in me),
        longest_monologue_s=max((end - start for start, end in turns), default=0.0),
        turns=len(turns),
        questions=sum(s.question for s in said),
        open_questions=sum(s.open for s in said),
        directive=sum(s.tone == "directive" for s in said),
        inviting=sum(s.tone == "inviting" for s in said),
        quietest=quietest,
        quietest_share=quietest_share,
        mine=said,
    )


def _share(part: float, whole: float) -> float:
    return round(part / whole, 2) if whole > 0 else 0.0


def week_figures(meetings: Sequence[Meeting]) -> dict[str, int | float | str]:
    """A week's figures from its meetings: shares over all its talk, counts summed."""
    all_seconds = sum(m.all_seconds for m in meetings)
    talk = (
        _share(sum(m.my_seconds for m in meetings), all_seconds)
        if all_seconds > 0  # untimed (plain) or zero-length cues: each meeting's own share
        else round(sum(m.talk_share for m in meetings) / max(1, len(meetings)), 2)
    )
    figures: dict[str, int | float | str] = {
        "meetings": len(meetings),
        "talk_share": talk,
        "word_share": _share(sum(m.my_words for m in meetings), sum(m.all_words for m in meetings)),
        "longest_monologue_s": round(max((m.longest_monologue_s for m in meetings), default=0)),
        "turns": sum(m.turns for m in meetings),
        "questions": sum(m.questions for m in meetings),
        "open_questions": sum(m.open_questions for m in meetings),
        "directive": sum(m.directive for m in meetings),
        "inviting": sum(m.inviting for m in meetings),
    }
    quiet = [m for m in meetings if m.quietest is not None and m.quietest_share is not None]
    if quiet:  # the week's quietest voice: in the meeting where someone spoke least
        least = min(quiet, key=lambda m: m.quietest_share or 0.0)
        figures["quietest"] = least.quietest or ""
        figures["quietest_share"] = round(least.quietest_share or 0.0, 2)
    return figures


def _cut(text: str) -> str:
    if len(text) <= MAX_EXAMPLE:
        return text
    return text[: MAX_EXAMPLE - 1].rsplit(" ", 1)[0] + "\u2026"


def examples(meetings: Iterable[Meeting]) -> tuple[str, ...]:
    """Up to three of the person's own sentences that show the figures: an open question,
    a directive and an inviting sentence first (the first of each), then other questions."""
    said = [s for m in meetings for s in m.mine]
    picks: list[Sentence] = []
    kinds: tuple[Callable[[Sentence], bool], ...] = (
        lambda s: s.open,
        lambda s: s.tone == "directive",
        lambda s: s.tone == "inviting",
    )
    for wanted in kinds:
        for sentence in said:
            if wanted(sentence) and sentence not in picks:
                picks.append(sentence)
                break
    for sentence in said:  # a question or more, when there are not three kinds
        if len(picks) >= MAX_EXAMPLES:
            break
        if sentence.question and sentence not in picks:
            picks.append(sentence)
    return tuple(_cut(s.text) for s in picks[:MAX_EXAMPLES])


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def number(figures: Mapping[str, int | float | str], key: str) -> float:
    """A figure as a number (0 when it is missing or not one)."""
    value = figures.get(key, 0)
    return value if isinstance(value, int | float) else 0


def spoke(figures: Mapping[str, int | float | str]) -> str:
    """ "you spoke 64% of the time in 4 meetings": the line's start, here and in the pulse."""
    meetings = plural(int(number(figures, "meetings")), "meeting")
    return f"you spoke {number(figures, 'talk_share'):.0%} of the time in {meetings}"


def describe(figures: Mapping[str, int | float | str]) -> str:
    """Transcript figures as one line, as `evidence transcript` prints a meeting or a week."""
    parts = [
        f"{spoke(figures)} ({number(figures, 'word_share'):.0%} of the words)",
        f"longest monologue {_duration(number(figures, 'longest_monologue_s'))}",
        plural(int(number(figures, "turns")), "turn"),
        f"{plural(int(number(figures, 'questions')), 'question')}, "
        f"{int(number(figures, 'open_questions'))} open",
        f"{int(number(figures, 'directive'))} directive, "
        f"{int(number(figures, 'inviting'))} inviting",
    ]
    quietest = figures.get("quietest")
    if isinstance(quietest, str) and quietest:
        parts.append(f"spoke least: {quietest} ({number(figures, 'quietest_share'):.0%})")
    return ", ".join(parts)
