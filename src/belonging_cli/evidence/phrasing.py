"""How the person phrases things, by plain word rules (docs/evidence.md says them in words).

No model and no download: a sentence is read by its first words and a few phrases,
so anyone can check by hand why a sentence counted. The rules are English only.

- A sentence ends at `.`, `!` or `?` followed by a space (or at the end of the text).
- A *question* ends with `?`, or opens with an invitation to tell ("tell me", "walk me
  through", "describe", ...), which asks without a question mark.
- A question is *open* when it opens with a question word (what, how, why, who, where,
  when, which) or an invitation to tell; every other question is *closed* (is, do, can,
  should, ... : it can be answered yes or no).
- A sentence is *inviting* when it is an open question or holds an inviting phrase ("what
  do you think", "I'm curious", "say more", ...); else *directive* when it opens with an
  instruction ("make sure", "you need to", "send", "fix", ...) or holds an order ("you
  have to", "I need you to", ...); else neither.

Fillers at a sentence's start ("so", "and", "okay", "um", ...) are skipped first.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

Tone = Literal["inviting", "directive", "neither"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")

# Skipped at a sentence's start: they do not change what it asks or tells.
FILLERS = frozenset(
    {"so", "and", "but", "okay", "ok", "well", "um", "uh", "erm", "hmm", "right", "alright"}
    | {"then", "now", "also", "actually", "look", "listen", "yeah", "yes", "no", "oh", "hey"}
)
QUESTION_WORDS = frozenset(
    {"what", "how", "why", "who", "where", "when", "which"}
    | {"what's", "how's", "why's", "who's", "where's", "when's"}
)
# Openers that ask for an answer in the other person's words, question mark or not.
INVITATIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "tell me",
        "tell us",
        "walk me through",
        "walk us through",
        "talk me through",
        "talk us through",
        "help me understand",
        "describe",
        "explain",
        "say more",
    )
)
# Anywhere in a sentence: asking for others' view.
INVITING_PHRASES: tuple[str, ...] = (
    "what do you think",
    "what would you",
    "how do you see",
    "how would you",
    "what are your thoughts",
    "any thoughts",
    "i'm curious",
    "i am curious",
    "i wonder",
    "i'd love to hear",
    "i would love to hear",
    "say more",
    "tell me more",
    "what if we",
    "how might we",
    "what would it take",
    "does anyone",
    "anyone else",
    "what else",
    "your view",
    "your take",
)
# Openers that instruct (the imperative of everyday work verbs, and obligations).
DIRECTIVE_OPENERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "make sure",
        "you need to",
        "you have to",
        "you must",
        "you should",
        "we need to",
        "we have to",
        "we must",
        "just do",
        "don't",
        "do not",
        "stop",
        "send",
        "fix",
        "finish",
        "get",
        "put",
        "give",
        "call",
        "move",
        "update",
        "change",
        "ship",
        "handle",
        "go",
        "do",
        "write",
        "check",
        "use",
        "take",
        "drop",
        "cancel",
        "add",
        "remove",
        "prepare",
        "schedule",
    )
)
# Anywhere in a sentence: an order.
DIRECTIVE_PHRASES: tuple[str, ...] = (
    "i need you to",
    "i want you to",
    "you need to",
    "you have to",
    "you must",
    "make sure you",
    "by end of day",
    "no excuses",
    "that's final",
    "just do it",
)


class Sentence(NamedTuple):
    text: str
    question: bool
    open: bool
    tone: Tone


def sentences(text: str) -> list[str]:
    """The sentences of `text`, each stripped, none empty."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def _words(sentence: str) -> list[str]:
    words = _WORD.findall(sentence.lower().replace("\u2019", "'"))
    start = 0
    while start < len(words) - 1 and words[start] in FILLERS:
        start += 1
    return words[start:]


def _opens_with(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[: len(phrase)]) == phrase for phrase in phrases)


def _holds(sentence: str, phrases: tuple[str, ...]) -> bool:
    plain = " " + " ".join(_WORD.findall(sentence.lower().replace("\u2019", "'"))) + " "
    return any(f" {phrase} " in plain for phrase in phrases)


def read_sentence(text: str) -> Sentence:
    """One sentence by the rules above."""
    words = _words(text)
    invitation = _opens_with(words, INVITATIONS)
    question = text.rstrip().endswith("?") or invitation
    open_question = question and (invitation or (bool(words) and words[0] in QUESTION_WORDS))
    # An opener like "do" or "send" instructs only when the sentence does not ask.
    instructs = _opens_with(words, DIRECTIVE_OPENERS) and not text.rstrip().endswith("?")
    tone: Tone = "neither"
    if open_question or _holds(text, INVITING_PHRASES):
        tone = "inviting"
    elif instructs or _holds(text, DIRECTIVE_PHRASES):
        tone = "directive"
    return Sentence(text, question, open_question, tone)
