"""`rate`: one behaviour rated 1-5 against its level descriptors, or "not seen this
week", and the `evidence` follow-up: asked when the rating moved (or always, as the
step says), and for a rating that did not move when the person asks to add a note
(the choice "Still <level>, and a note on why") or an answers file gives one.

A rating is saved as a Rating, not an Answer; so is its evidence, with it. A "not
seen" is no Rating at all (nothing for reports to count), but an Answer, so a
draft and the review screen know it was answered.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from belonging_cli.content.source import Document
from belonging_cli.engine.kinds.base import Base, Given, Saved, answer_record, behaviour_line
from belonging_cli.engine.kinds.choice import level_of
from belonging_cli.engine.kinds.text import Text
from belonging_cli.engine.pulse_plan import NOT_SEEN
from belonging_cli.engine.questions import Choice, Question
from belonging_cli.records import AnswerValue, Rating

if TYPE_CHECKING:
    from belonging_cli.content.flows import Step
    from belonging_cli.content.rubrics import Behaviour, Rubric
    from belonging_cli.engine.session import Engine

NOTE = "note"  # the choice "Still <last level>, and a note on why"
EVIDENCE = ".evidence"  # after a rating's id: its evidence's
# What an answers file may give for a rating, besides its level.
_NOT_SEEN_WORDS = frozenset({NOT_SEEN, "not-seen", "not_seen", "unseen"})
_RATING_KEYS = frozenset({"level", "evidence", "private"})


def rate_questions(
    engine: Engine,
    step: Step,
    qid: str,
    behaviour: Behaviour,
    *,
    numbered: bool,
    help: str | None = None,
    compact: bool = False,
) -> Iterator[Question]:
    """The rating of `behaviour` under `qid`, then its evidence if it is asked for."""
    key = (qid, behaviour.id)
    rating = engine.built.get(key)
    if rating is None:
        rating = engine.built[key] = _rating(engine, step, qid, behaviour, numbered, help, compact)
    yield rating
    rubric = engine.rubric
    last = rating.default if isinstance(rating.default, int) else None  # the last rating
    given = engine.given.get(qid)
    policy = step.evidence or "moved"
    if given is None or policy == "never" or not isinstance(given.value, int):
        return
    moved = last is not None and abs(given.value - last) >= 1
    wanted = qid in engine.noted or any(
        f"{qid}{EVIDENCE}" in ids for ids in (engine.ahead, engine.given)
    )
    if policy == "moved" and not moved and not wanted:
        return
    if moved and last is not None:
        message = (
            f"{behaviour.title}: {last} {rubric.label(last)} -> "
            f"{given.value} {rubric.label(given.value)}. What happened?"
        )
    else:
        label = rubric.label(given.value)
        message = f"What have you seen yourself do that puts you at {given.value} {label}?"
    yield Question(
        id=f"{qid}{EVIDENCE}",
        ask="long_text",
        kind="evidence",
        message=message,
        optional=True,
        default="",
        private=engine.private(step),
        behaviour_id=behaviour.id,
        role=step.role,
    )


def _asked(question: str | None, named: str) -> str:
    """The rating's question with the behaviour in it: a flow's own wording ("Where are
    you, most weeks?") follows the title, which five full levels would otherwise scroll
    off an 80x24 screen (the question line is the one that always stays in sight)."""
    if not question:
        return named
    return f"{named}: {question[0].lower()}{question[1:]}"


def _rating(
    engine: Engine,
    step: Step,
    qid: str,
    behaviour: Behaviour,
    numbered: bool,
    help: str | None,
    compact: bool,
) -> Question:
    """The rating question itself: it depends on no answer, so an engine builds it once."""
    rubric = engine.rubric
    last = engine.history.last_rating(behaviour.id, before_week=engine.week)
    # The behaviour's own number ("#3"), not "3/10": a position among ten screens it
    # is not when the week rates the few (pulse_plan's line says how many).
    number = f"#{behaviour.number} " if numbered else ""
    suffix = f" (last time {last})" if last is not None else ""
    choices = (*scale(rubric), Choice(NOT_SEEN, "Not seen this week"))
    if last is not None and (step.evidence or "moved") == "moved":
        # A note for a rating that did not move: one more choice, not one more question.
        choices = (*choices, Choice(NOTE, f"Still {rubric.label(last)}, and a note on why"))
    return Question(
        id=qid,
        ask="rate",
        kind="rate",
        message=_asked(step.question, f"{number}{behaviour.title}") + suffix,
        help=help,
        about=(
            behaviour.title,
            " ".join(behaviour.statement.split()),
            *_evidence(engine, behaviour),
        ),
        details=level_lines(rubric, behaviour.id),
        compact=compact and last is not None,  # week one shows every level in full
        choices=choices,
        default=last,
        behaviour_id=behaviour.id,
        role=step.role,
    )


def _evidence(engine: Engine, behaviour: Behaviour) -> tuple[str, ...]:
    """The week's evidence for the behaviour, one line under its statement (or none)."""
    from belonging_cli.evidence.beside import line

    found = line(behaviour.id, engine.week, engine.history.evidence)
    return () if found is None else (found,)


# A rubric's content is the same in every sitting (the demo's journals run thousands
# on one rubric), so its lines are made once per rubric.
@functools.lru_cache(maxsize=32)
def level_lines(rubric: Rubric, behaviour_id: str) -> tuple[str, ...]:
    """Each level of a behaviour, labelled: what is shown above its rating."""
    return tuple(
        f"{lv.level} {rubric.label(lv.level)}: {' '.join(lv.descriptor.split())}"
        for lv in rubric.get(behaviour_id).levels
    )


@functools.lru_cache(maxsize=32)
def scale(rubric: Rubric) -> tuple[Choice, ...]:
    """The levels 1-5 as choices, labelled by the rubric's scale."""
    return tuple(Choice(n, f"{n} {rubric.label(n)}") for n in range(1, 6))


def rating_value(question: Question, raw: Any) -> AnswerValue:
    """A rating as an answers file gives it: a level, `not seen` (or null), or
    `{level: 3, evidence: "..."}` (its evidence taken apart by `split_notes`)."""
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in _NOT_SEEN_WORDS):
        return NOT_SEEN
    if isinstance(raw, dict):
        unknown = sorted(str(k) for k in set(raw) - _RATING_KEYS)
        if unknown:
            allowed = ", ".join(sorted(_RATING_KEYS))
            raise ValueError(f"unknown key {unknown[0]!r} (allowed: {allowed})")
        if "evidence" in raw:
            raise ValueError(f"evidence given twice: here and as {question.id}{EVIDENCE}")
        if "level" not in raw:
            raise ValueError("a rating written as a mapping needs its `level`")
        raw = raw["level"]
    return level_of(question, raw)


def split_notes(answers: Mapping[str, Any], doc: Document | None = None) -> dict[str, Any]:
    """An answers file's answers with each `{level, evidence}` rating given as two: the
    level under its id, the evidence under `<id>.evidence` (as a flow asks them), placed
    in `doc` where the file wrote it. A second evidence for the same rating is left in,
    for the rating to refuse."""
    out = dict(answers)
    for key, raw in answers.items():
        if not isinstance(raw, dict) or "evidence" not in raw or set(raw) - _RATING_KEYS:
            continue
        note = f"{key}{EVIDENCE}"
        if note in answers:
            continue
        text = {"text": raw["evidence"]}
        if "private" in raw:
            text["private"] = raw["private"]
        out[note] = text
        out[key] = {k: v for k, v in raw.items() if k not in ("evidence", "private")}
        if doc is not None:
            for part in ("evidence", "private"):
                mark = doc.value_marks.get(("answers", key, part))
                if mark is not None:
                    doc.value_marks[("answers", note, "text" if part == "evidence" else part)] = (
                        mark
                    )
            where = doc.value_marks.get(("answers", key, "evidence"))
            if where is not None:
                doc.value_marks[("answers", note)] = where
    return out


class Rate(Base):
    heading: str | None = "Ratings:"
    fields = frozenset({"question", "help", "behaviour", "evidence", "private"})

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        rated = engine.rated_behaviour(step)
        behaviour = engine.rubric.find(rated) if rated else None
        if behaviour is not None:
            yield from rate_questions(
                engine, step, step.id, behaviour, numbered=False, help=step.help
            )

    def take(
        self, question: Question, value: AnswerValue, private: bool | None, engine: Engine
    ) -> tuple[AnswerValue, bool]:
        if value == NOTE:  # the level it had, with its evidence asked for
            engine.noted.add(question.id)
            value = question.default
        return value, False

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        if isinstance(given.value, int):
            return Saved(rating=Rating(question.behaviour_id or "", given.value, given.at))
        # "Not seen": an answer under the behaviour's name (not "#2 ... (last time 3)").
        about = question.about[0] if question.about else None
        return Saved(answer=answer_record(question, given, quoted=about))

    def coerce(self, question: Question, raw: Any, engine: Engine) -> AnswerValue:
        return rating_value(question, raw)

    def fallback(self, question: Question) -> AnswerValue:
        return question.default if question.default is not None else 3

    def allowed(self, question: Question) -> str:
        levels = ", ".join(c.title for c in question.choices if isinstance(c.value, int))
        return (
            f"one of: {levels}; or `not seen` (no rating this week); "
            '{level: 3, evidence: "..."} adds a note'
        )

    def summary(self, question: Question, given: Given, engine: Engine) -> str | None:
        value = given.value
        behaviour_id = question.behaviour_id or ""
        behaviour = engine.rubric.find(behaviour_id)
        name = behaviour.title if behaviour else question.behaviour_id
        if value == NOT_SEEN:
            return f"  {'not seen':<14} {name}"
        if not isinstance(value, int):
            return None
        last = engine.history.last_rating(behaviour_id, before_week=engine.week)
        moved = f" ({value - last:+d})" if last is not None and value != last else ""
        return f"  {value} {engine.rubric.label(value):<12} {name}{moved}"

    def describe(self, step: Step) -> list[str]:
        return behaviour_line(step)

    def rating_id(self, step: Step, behaviour_id: str, engine: Engine) -> str | None:
        return step.id if engine.rated_behaviour(step) == behaviour_id else None


class Evidence(Text):
    """What the person saw themselves do: words, kept with the rating they explain."""

    def __init__(self) -> None:
        super().__init__("long_text")

    def questions(self, step: Step, engine: Engine) -> Iterator[Question]:
        return iter(())  # asked by `rate_questions`, never a step of its own

    def records(self, question: Question, given: Given, engine: Engine) -> Saved:
        rated = engine.given[question.id.removesuffix(EVIDENCE)]
        level = rated.value if isinstance(rated.value, int) else 0
        text = given.value if isinstance(given.value, str) and given.value else None
        private = given.private if text else False
        return Saved(rating=Rating(question.behaviour_id or "", level, rated.at, text, private))
