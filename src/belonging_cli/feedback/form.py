"""The rater form: what it asks (each item's stable key) and its plain text.

A form is plain text anyone fills in in an editor or an email reply: an x between
the brackets of an answer. Every item starts on a line of its own with its key in
brackets (`[protect-time/l1]`), so reading a filled form (parse.py) depends on the
keys, never on the wording or the order; the round line says which round a reply
belongs to. Stdlib only: the rubric is handed in as plain data.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from belonging_cli.content.rubrics import Rubric

FORMAT = "belonging-feedback"
VERSION = 1
WIDTH = 72  # email clients rewrap longer lines

# The groups a rater picks from (id, as the form says it). "other" is never shown as
# a group of its own: it joins the pool of groups under the threshold (collect.py).
GROUPS = (("direct-report", "direct report"), ("peer", "peer"), ("manager", "manager"))
OTHER = ("other", "other")
# How often the rater sees a look-for: 0 never .. 4 always; "can't say" counts nothing.
FREQUENCY = ("never", "rarely", "sometimes", "often", "always")
CANT_SAY = "can't say"


class Behaviour(NamedTuple):
    """What a form asks of one behaviour, from the rubric."""

    id: str
    title: str
    look_fors: tuple[str, ...]
    levels: tuple[tuple[str, str], ...]  # (label, descriptor) of levels 1 to 5


class Round(NamedTuple):
    """What every form of one round carries in its round line."""

    rubric_id: str
    rubric_version: str
    requested_on: dt.date
    leader: str

    def line(self) -> str:
        return (
            f"[round {FORMAT}/{VERSION} {self.rubric_id}/{self.rubric_version} "
            f"{self.requested_on.isoformat()}]"
        )


def behaviours_of(rubric: Rubric) -> list[Behaviour]:
    """What a form asks of each of the rubric's behaviours, in the rubric's order."""
    return [
        Behaviour(
            b.id,
            b.title,
            tuple(b.look_fors),
            tuple((rubric.label(level.level), level.descriptor) for level in b.levels),
        )
        for b in rubric.behaviours
    ]


def look_for_key(behaviour_id: str, number: int) -> str:
    """The key of a behaviour's look-for `number` (1-based, the rubric's order)."""
    return f"{behaviour_id}/l{number}"


def level_key(behaviour_id: str) -> str:
    return f"{behaviour_id}/level"


def item_kinds(behaviours: Iterable[Behaviour]) -> dict[str, Literal["frequency", "level"]]:
    """Every item key a form of these behaviours may hold, and what it asks."""
    kinds: dict[str, Literal["frequency", "level"]] = {}
    for behaviour in behaviours:
        for number in range(1, len(behaviour.look_fors) + 1):
            kinds[look_for_key(behaviour.id, number)] = "frequency"
        kinds[level_key(behaviour.id)] = "level"
    return kinds


def _wrapped(text: str, indent: str = "", first: str = "") -> list[str]:
    words = " ".join(text.split())
    return textwrap.wrap(
        words, WIDTH, initial_indent=first or indent, subsequent_indent=indent
    ) or [first]


def _choices(labels: Iterable[str], indent: str = "   ") -> str:
    return indent + "  ".join(f"[ ] {label}" for label in labels)


def form_text(round_: Round, behaviours: Sequence[Behaviour]) -> str:
    """The rater form for `behaviours`, in the leader's name."""
    who = round_.leader
    out = [
        f"Feedback for {who}",
        "=" * min(WIDTH, len(f"Feedback for {who}")),
        "",
        *_wrapped(
            f"{who} is asking a few colleagues how they see their leadership, and "
            "would value your honest view. Your reply goes to the person who sent you "
            f"this form, not to {who}: they combine it with at least two others' "
            f"before {who} sees anything, and {who} never sees your form."
        ),
        "",
        *_wrapped(
            "How to answer: put an x between the brackets of your answer, like [x], "
            "here or in a reply to the email (quoting is fine). Leave anything you "
            "cannot judge blank or mark can't say. Do not write your name, and keep "
            "the lines that start with a word in brackets: they say which question "
            "an answer is for. It takes about 15 minutes."
        ),
        "",
        round_.line(),
        f"[leader] {who}",
        "",
        "[group] Which describes you best? Mark one (left blank: other).",
        _choices(label for _, label in (*GROUPS, OTHER)),
    ]
    for number, behaviour in enumerate(behaviours, 1):
        heading = f"{number}. {behaviour.title}"
        out += ["", "-" * WIDTH, heading, "", "How often do you see this?", ""]
        for index, look_for in enumerate(behaviour.look_fors, 1):
            key = f"[{look_for_key(behaviour.id, index)}] "
            out += _wrapped(look_for, " " * 3, key)
            out += [_choices((*FREQUENCY, CANT_SAY)), ""]
        out.append(f"[{level_key(behaviour.id)}] Which is closest to what you see? Mark one.")
        for level, (label, descriptor) in enumerate(behaviour.levels, 1):
            out += _wrapped(descriptor, " " * 7, f"   [ ] {level} {label}: ")
        out.append(f"   [ ] {CANT_SAY}")
    out += [
        "",
        "-" * WIDTH,
        f"[keep] What should {who} keep doing? Write below this line.",
        "",
        "",
        f"[change] What should {who} do more of, or less of? Write below this line.",
        "",
        "",
        "[end] Thank you. Send this back to the person who sent it to you.",
        "",
    ]
    return "\n".join(out)


def collector_note(round_: Round, form_name: str) -> str:
    """How to run the round, for the collector (a coach or a trusted colleague)."""
    who = round_.leader
    paragraphs = [
        f"{who} has asked you to collect 360 feedback for them, so that nobody's answers "
        f"reach {who} one by one.",
        f"1. Send {form_name} to at least three people in each group you hope to see "
        "(direct reports, peers, a manager): by email, or as a file. Ask them to fill it "
        "in and send it back to you, not to " + who + ".",
        "2. Save each reply as a text file (a whole email is fine: quoting, a signature "
        "and the text around the form are ignored).",
        "3. Run: belonging feedback collect REPLY... --out aggregate.json",
        "   Each reply that cannot be read is named with the line and column of the "
        "problem and left out; ask that person again, or go on without it.",
        f"4. Send aggregate.json to {who}, who imports it with: belonging feedback import "
        "aggregate.json. Then delete the replies.",
        "What the anonymity rules do: a group with fewer than 3 raters is merged into "
        "'others', and left out if still fewer than 3; with fewer than 3 raters in all "
        "there is no aggregate. The aggregate holds averages and counts only, and the "
        "comments shuffled, never labelled with a group. A second collect that differs "
        "from an earlier one by one or two replies is refused (comparing the two would "
        "reveal them) unless you pass --force: the file .belonging-collect-state.json "
        "beside the aggregate remembers what you collected; keep it, and never send it.",
        "What they do not protect: in a small team people can still guess; comments are "
        "kept word for word, so a writing style or a story can give someone away; and "
        f"nothing stops a collector who shows {who} the replies. You are that safeguard.",
    ]
    lines = [f"Running a feedback round for {who}", ""]
    for paragraph in paragraphs:
        indent = "   " if paragraph[0].isdigit() else ""
        lines += [*textwrap.wrap(paragraph, WIDTH, subsequent_indent=indent), ""]
    return "\n".join(lines)
