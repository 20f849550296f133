"""Where a flow's answers come from, and the one loop that takes them.

A flow is answered by a person at the terminal (`Terminal`), by an answers
file or a script (`FromMapping`), or not at all while its template is written
(`Template`). `run_flow` is the only loop over a flow's questions, and `reply`
the only place that decides, for each question, which answer wins (as copier's
`_ask` does): an info step asks nothing; an answer given ahead of time comes
first; then a focus chosen up front (`--behaviour`); then the source asks in
its own way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from belonging_cli.content.source import Document
from belonging_cli.engine.answers import coerce, fallback
from belonging_cli.engine.kinds import unit
from belonging_cli.engine.kinds.rate import split_notes
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import SKIP, Engine, Saved
from belonging_cli.errors import Interrupted, Problem
from belonging_cli.records import AnswerValue

Reply = tuple[AnswerValue, bool | None]  # the answer, and a privacy flip (None: the default)

# The headings a person sees at the terminal as a reflection moves on, by step kind.
SECTIONS = {
    "review": "Last week's experiment",
    "rate": "Pulse: this week, what would people have seen you do?",
    "focus": "Focus",
    "experiment": "Next week",
}


class Typed(Interrupted):
    """Ctrl-C at a text prompt with words typed: they are kept with the draft."""

    def __init__(self, question: Question, words: str) -> None:
        super().__init__()
        self.question = question
        self.words = words


class AnswerSource(Protocol):
    def known(self, question: Question) -> Reply | None:
        """The answer given ahead of time, if any."""

    def ask(self, question: Question) -> Reply:
        """An answer for a question nothing else answered."""

    def show(self, question: Question) -> None:
        """An info step: lines to read, nothing to answer."""


def reply(source: AnswerSource, question: Question, focus_preset: str | None) -> Reply:
    """The answer to `question`: the one order of precedence for every source."""
    if question.ask == "info":
        source.show(question)
        return None, None
    given = source.known(question)
    if given is not None:
        return given
    if question.kind == "focus" and focus_preset:
        return focus_preset, None
    return source.ask(question)


def run_flow(
    engine: Engine,
    source: AnswerSource,
    at: Callable[[], dt.datetime],
    saved: Callable[[Saved], None] | None = None,
) -> None:
    """Answer every question still open from `source`, in order; `saved` gets each answer.

    One pass over the engine's questions asks them in order: a step's condition
    only refers to earlier steps (content/flows checks), and a step's questions
    are made as the pass reaches them, after the answers before them. The
    engine's own `next_question` then has the last word, so a question an answer
    brought back behind the pass is asked too. (A pass costs as much as one
    `next_question`: the demo's journals run thousands of sessions.)
    """
    taken: set[str] = set()  # info steps shown in this run (the engine keeps no answer)
    questions = iter(engine.questions())
    while True:
        question = next(
            (q for q in questions if q.id not in engine.given and q.id not in taken), None
        )
        if question is None:
            question = engine.next_question()
            if question is None:
                return
            questions = iter(engine.questions())
        value, private = reply(source, question, engine.focus_preset)
        result = engine.answer(question, value, at(), private)
        taken.add(question.id)
        if saved is not None:
            saved(result)


class Terminal:
    """A person at the terminal, with section headings as the flow moves on."""

    def __init__(self, sections: Mapping[str, str] | None = None) -> None:
        self.sections = sections or {}
        self.section = ""
        self.typed: dict[str, str] = {}  # words half typed last time, by question id

    def known(self, question: Question) -> Reply | None:
        return None

    def ask(self, question: Question) -> Reply:
        from belonging_cli import ask

        heading = self.sections.get(question.kind)
        if heading and heading != self.section:
            ask.say(f"\n{heading}", style="bold")
        self.section = heading or self.section
        words = self.typed.pop(question.id, None) if question.is_text else None
        if words:  # the prompt starts with them, to finish or change
            question = dataclasses.replace(question, default=words)
        return ask.ask(question)

    def show(self, question: Question) -> None:
        from belonging_cli import ask

        ask.ask(question)  # an info step's lines; nothing is answered


class FromMapping:
    """Answers given ahead of time (an answers file, a script), checked as they are taken.

    Every problem is collected with its place in the file (`file:line:col`), and
    a stand-in answer lets checking go on, so a person sees them all at once.
    """

    def __init__(self, engine: Engine, answers: Mapping[str, Any], doc: Document) -> None:
        self.engine = engine
        # A rating given as {level, evidence} is two answers, as the flow asks them;
        # what a file answers is asked (a rating outside the week's few, a note).
        self.answers = split_notes(answers, doc)
        engine.ahead = frozenset(self.answers)
        self.doc = doc
        self.used: set[str] = set()
        self.found: list[Problem] = []
        for key, raw in answers.items():
            # An answer names the prompt it answers: a later session cannot shift it.
            if isinstance(raw, dict) and isinstance(raw.get("prompt"), str):
                engine.pinned_prompts[str(key)] = raw["prompt"]

    def known(self, question: Question) -> Reply | None:
        if question.id not in self.answers:
            return None
        self.used.add(question.id)
        try:
            return coerce(question, self.answers[question.id], self.engine)
        except ValueError as exc:
            self.found.append(self.doc.problem(("answers", question.id), str(exc)))
            return fallback(question), None

    def ask(self, question: Question) -> Reply:
        """Not answered: an optional question is skipped (a review skipped leaves the
        experiment open); a required one is a problem."""
        if question.optional:
            return (SKIP if question.kind == "review" else None), None
        self.found.append(self.doc.problem(("answers",), f"{question.id}: required, but missing"))
        return fallback(question), None

    def show(self, question: Question) -> None:
        pass

    def problems(self) -> list[Problem]:
        """Every problem found, and answers no question asked for (else silently lost)."""
        unused = [key for key in self.answers if key not in self.used]
        if not unused:  # the usual case: no need to go over the questions again
            return list(self.found)
        asked = {q.id for q in self.engine.questions()}
        return [
            *self.found,
            *(
                self.doc.problem(
                    ("answers", key),
                    "answered twice"
                    if key in asked
                    else "not asked in this session (no such question, "
                    "or its condition does not hold)",
                    key=True,
                )
                for key in unused
            ),
        ]


class Template:
    """No answers yet: the commented lines of an answers file, valid as printed."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def known(self, question: Question) -> Reply | None:
        return None

    def show(self, question: Question) -> None:
        pass

    def ask(self, question: Question) -> Reply:
        kind = unit(question.kind)
        out = self.lines
        out.append("")
        out.extend(_comment(question.message))
        if question.kind == "review":
            out.extend(_comment(question.details[0]))  # which experiment it reviews
        if question.optional:
            out.append("  # optional: leave it out to skip")
        out.extend(_comment(kind.allowed(question)))
        value = kind.template_value(question)
        out.extend(kind.template_lines(question, value))
        return value, None


def template(
    engine: Engine,
    made_on: dt.date,
    behaviour: str | None = None,
    *,
    dated: bool = False,
    exercise: str | None = None,
) -> str:
    """A commented answers file that is valid as printed: defaults and empty text.

    For a coach's `exercise` (its id) the file has only answers: the exercise
    fixes the flow, the behaviour and the day.
    """
    flow = engine.flow
    made = made_on.isoformat()
    text_note = "# Text answers go in quotes, or after `|` on the lines below for several lines."
    if exercise is not None:
        out = [
            f"# Answers for the exercise {flow.title!r} ({exercise}), made {made}.",
            f"# Edit what you like, then run: belonging exercises do {exercise} --answers FILE",
            text_note,
        ]
    else:
        out = [
            f"# Answers for the {flow.title.lower()} ({flow.id}), made {made}.",
            "# Edit what you like, then run: belonging reflect --answers THIS-FILE",
            text_note,
            f"flow: {flow.id}",
            f"date: {made}"
            if dated
            else f"# date: {made}   # uncomment and change to record an earlier week",
        ]
    if behaviour:
        out.append(f"behaviour: {behaviour}")
    out.append("answers:")
    at = dt.datetime.combine(made_on, dt.time(12), tzinfo=dt.timezone.utc)
    source = Template()
    run_flow(engine, source, lambda: at)
    return "\n".join([*out, *source.lines]) + "\n"


def _comment(text: str, width: int = 96) -> list[str]:
    """`text` as YAML comment lines of about `width` characters."""
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    line = "  #"
    for word in words:
        if len(line) + 1 + len(word) > width and line != "  #":
            lines.append(line)
            line = "  #"
        line += " " + word
    lines.append(line)
    return lines
