"""The session engine: given a flow, the rubric and the journal's history, ask the next
question and take its answer. Pure: no terminal, no database, no clock.

Answers are kept by question id. Each answer turns into the records to save at once
(an Answer, a Rating, a change to the session), so a draft is never more than one
answer behind. A resumed session starts from the draft's records and asks only what
is still unanswered. Experiments change only when the session completes, so a
discarded draft leaves them untouched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from belonging_cli.clock import next_week
from belonging_cli.content.flows import Condition, Flow, Step
from belonging_cli.content.rubrics import Behaviour, Rubric
from belonging_cli.engine.history import History, choose_prompts, suggest_focus, trend
from belonging_cli.engine.privacy import typed_privacy
from belonging_cli.engine.questions import OWN_CHOICE, Choice, Question
from belonging_cli.records import (
    Answer,
    AnswerValue,
    Experiment,
    ExperimentOutcome,
    Rating,
    Session,
)

OUTCOMES: dict[str, str] = {
    "tried": "Yes, I tried it",
    "partly": "Partly",
    "not_tried": "No, not this time",
}
SKIP = "skip"  # the review choice that leaves an experiment open
TEXT_KINDS = ("text", "long_text")


@dataclass(frozen=True)
class Given:
    value: AnswerValue
    at: dt.datetime
    private: bool = False
    prompt_id: str | None = None


@dataclass(frozen=True)
class Saved:
    """What to write to the journal for one answer (any of these may be empty)."""

    answer: Answer | None = None
    rating: Rating | None = None
    focus: str | None = None
    tags: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Outcome:
    """The experiments to write when the session completes."""

    reviewed: tuple[Experiment, ...] = ()
    new: Experiment | None = None

    def all(self) -> list[Experiment]:
        return [*self.reviewed, *([self.new] if self.new else [])]


@dataclass
class Engine:
    flow: Flow
    rubric: Rubric
    history: History
    week: str  # the ISO week the session reflects on
    today: dt.date
    private_by_default: bool = False
    focus_preset: str | None = None  # a behaviour chosen up front (`--behaviour`)
    # Prompts fixed ahead of time by question id (an answers file names the prompt
    # it answers, so a later session cannot shift the rotation under it).
    pinned_prompts: dict[str, str] = field(default_factory=dict)
    given: dict[str, Given] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)
    _prompts: dict[str, list[str]] = field(default_factory=dict)

    # -- resuming ---------------------------------------------------------------

    def restore(self, draft: Session) -> None:
        """Take the answers a draft already holds, so they are not asked again."""
        for a in draft.answers:
            self.given[a.step_id] = Given(a.value, a.answered_at, a.private, a.prompt_id)
        for r in draft.ratings:
            qid = self._rating_question_id(r.behaviour_id)
            if qid is None:
                continue
            self.given[qid] = Given(r.level, r.rated_at)
            if r.evidence is not None:
                self.given[f"{qid}.evidence"] = Given(r.evidence, r.rated_at, r.evidence_private)

    def _rating_question_id(self, behaviour_id: str) -> str | None:
        for step in self.flow.steps:
            if step.kind == "pulse":
                return f"{step.id}.{behaviour_id}"
            if step.kind == "rate" and self._rated_behaviour(step) == behaviour_id:
                return step.id
        return None

    def _rated_behaviour(self, step: Step) -> str | None:
        """The behaviour a `rate` step rates: its own, or the session's focus."""
        if step.behaviour in (None, "focus"):
            return self.focus_id()
        return step.behaviour

    # -- asking -----------------------------------------------------------------

    def next_question(self) -> Question | None:
        """The first question not yet answered, or None when the session is done."""
        for question in self.questions():
            if question.id not in self.given and question.id not in self._seen:
                return question
        return None

    def questions(self) -> Iterator[Question]:
        """Every question the flow asks given the answers so far, in order."""
        for step in self.flow.steps:
            if step.when is not None and not self._holds(step.when):
                continue
            yield from self._step_questions(step)

    def remaining(self) -> int:
        """How many questions are left, as far as can be told now."""
        return sum(
            1
            for q in self.questions()
            if q.id not in self.given and q.id not in self._seen and q.ask != "info"
        )

    def _holds(self, condition: Condition) -> bool:
        if condition.moved is not None:
            return self._moved(condition.step) == condition.moved
        given = self.given.get(condition.step)
        if condition.answered is not None:
            answered = given is not None and given.value not in (None, "", [])
            return answered == condition.answered
        if given is None:
            return False
        value = given.value
        if condition.equals is not None:
            return value == condition.equals
        if condition.not_equals is not None:
            return value != condition.not_equals
        if condition.in_ is not None:
            return value in condition.in_ or (
                isinstance(value, list) and any(v in condition.in_ for v in value)
            )
        number = value if isinstance(value, int) and not isinstance(value, bool) else None
        if number is None:
            return False
        if condition.at_least is not None:
            return number >= condition.at_least
        return condition.at_most is not None and number <= condition.at_most

    def _moved(self, ref: str) -> bool:
        """Whether a rating (or any rating of a pulse) moved a level or more since last time."""
        now = self._ratings_so_far()
        step = self.flow.step(ref)
        if step is not None and step.kind == "pulse":
            behaviours = list(now)
        else:
            rated = self._rated_behaviour(step) if step is not None else ref.split(".", 1)[-1]
            behaviours = [rated] if rated in now else []
        for behaviour_id in behaviours:
            last = self.history.last_rating(behaviour_id, before_week=self.week)
            if last is not None and abs(now[behaviour_id] - last) >= 1:
                return True
        return False

    def _private(self, step: Step) -> bool:
        return step.private if step.private is not None else self.private_by_default

    def _step_questions(self, step: Step) -> Iterator[Question]:
        kind = step.kind
        if kind in ("text", "long_text", "select", "checkbox", "confirm", "scale"):
            yield self._plain(step)
        elif kind == "rate":
            rated = self._rated_behaviour(step)
            behaviour = self.rubric.find(rated) if rated else None
            if behaviour is not None:
                yield from self._rate(step, step.id, behaviour, len(self.rubric.behaviours))
        elif kind == "pulse":
            for n, behaviour in enumerate(self.rubric.behaviours):
                qid = f"{step.id}.{behaviour.id}"
                yield from self._rate(step, qid, behaviour, None, with_help=n == 0)
        elif kind == "review":
            yield from self._review(step)
        elif kind == "focus":
            yield self._focus(step)
        elif kind == "reflect":
            yield from self._reflect(step)
        elif kind == "experiment":
            behaviour = self._experiment_behaviour(step)
            if behaviour is not None:
                yield self._experiment(step, behaviour)
        elif kind == "tags":
            yield Question(
                id=step.id,
                ask="text",
                kind="tags",
                message=step.question or "Any tags? (a few words, comma separated)",
                help=step.help,
                default="",
                optional=True,
            )
        elif kind == "recap":
            yield self._recap(step)

    def _plain(self, step: Step) -> Question:
        choices: tuple[Choice, ...] = ()
        if step.choices:
            choices = tuple(Choice(c.value, c.title) for c in step.choices)
        elif step.labels:
            choices = tuple(Choice(i, f"{i} {label}") for i, label in enumerate(step.labels, 1))
        default: AnswerValue = step.default
        if step.kind == "checkbox":
            default = []
        return Question(
            id=step.id,
            ask=step.kind,  # type: ignore[arg-type]  # the plain kinds are ask kinds
            kind=step.kind,
            message=step.question or step.id,
            help=step.help,
            choices=choices,
            default=default,
            optional=step.optional,
            private=self._private(step) if step.kind in TEXT_KINDS else None,
        )

    def _rate(
        self,
        step: Step,
        qid: str,
        behaviour: Behaviour,
        of: int | None,
        *,
        with_help: bool = True,
    ) -> Iterator[Question]:
        last = self.history.last_rating(behaviour.id, before_week=self.week)
        numbered = f"{behaviour.number}/{len(self.rubric.behaviours)} " if of is None else ""
        details = tuple(
            f"{lv.level} {self.rubric.label(lv.level)}: {' '.join(lv.descriptor.split())}"
            for lv in behaviour.levels
        )
        suffix = f" (last time {last})" if last is not None else ""
        yield Question(
            id=qid,
            ask="rate",
            kind="rate",
            message=(step.question or f"{numbered}{behaviour.title}") + suffix,
            help=step.help if with_help else None,
            details=details,
            choices=tuple(Choice(n, f"{n} {self.rubric.label(n)}") for n in range(1, 6)),
            default=last,
            behaviour_id=behaviour.id,
        )
        given = self.given.get(qid)
        policy = step.evidence or "moved"
        if given is None or policy == "never" or not isinstance(given.value, int):
            return
        moved = last is not None and abs(given.value - last) >= 1
        if policy == "moved" and not moved:
            return
        if moved and last is not None:
            message = (
                f"{behaviour.title}: {last} {self.rubric.label(last)} -> "
                f"{given.value} {self.rubric.label(given.value)}. What happened?"
            )
        else:
            label = self.rubric.label(given.value)
            message = f"What have you seen yourself do that puts you at {given.value} {label}?"
        yield Question(
            id=f"{qid}.evidence",
            ask="long_text",
            kind="evidence",
            message=message,
            optional=True,
            default="",
            private=self._private(step),
            behaviour_id=behaviour.id,
        )

    def review_targets(self) -> list[tuple[str, Experiment]]:
        """The experiments this session reviews, each with its question id prefix."""
        due = self.history.experiments_to_review(self.week)
        return [("review" if i == 0 else f"review.{i + 1}", e) for i, e in enumerate(due)]

    def _review(self, step: Step) -> Iterator[Question]:
        for prefix, experiment in self.review_targets():
            behaviour = self.rubric.find(experiment.behaviour_id)
            about = f" ({behaviour.title})" if behaviour else ""
            details = [f"Your experiment for {experiment.week}: {experiment.title}{about}"]
            if experiment.signal:
                details.append(f"It works if: {' '.join(experiment.signal.split())}")
            choices = [Choice(k, v) for k, v in OUTCOMES.items()]
            if step.optional:
                choices.append(Choice(SKIP, "Skip for now (it stays open)"))
            yield Question(
                id=prefix,
                ask="select",
                kind="review",
                message=step.help or "Did you try it?",
                details=tuple(details),
                choices=tuple(choices),
                optional=step.optional,
                behaviour_id=experiment.behaviour_id,
            )
            outcome = self.given.get(prefix)
            if outcome is None or outcome.value is None:
                continue
            happened = "What got in the way?" if outcome.value == "not_tried" else "What happened?"
            for suffix, message in (("happened", happened), ("learned", "What did you learn?")):
                yield Question(
                    id=f"{prefix}.{suffix}",
                    ask="long_text",
                    kind="long_text",
                    message=message,
                    default="",
                    private=self._private(step),
                    behaviour_id=experiment.behaviour_id,
                )

    def _ratings_so_far(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for behaviour in self.rubric.behaviours:
            qid = self._rating_question_id(behaviour.id)
            given = self.given.get(qid) if qid else None
            if given is not None and isinstance(given.value, int):
                found[behaviour.id] = given.value
        return found

    def suggestion(self) -> tuple[str, str]:
        found = suggest_focus(self.rubric, self.history, self._ratings_so_far())
        return found.behaviour_id, found.reason

    def _focus(self, step: Step) -> Question:
        suggested, reason = self.suggestion()
        choices = tuple(
            Choice(b.id, f"{b.number}. {b.title}" + (" (suggested)" if b.id == suggested else ""))
            for b in self.rubric.behaviours
        )
        title = self.rubric.get(suggested).title
        return Question(
            id=step.id,
            ask="select",
            kind="focus",
            message=step.question or "Which behaviour will you look at more closely?",
            help=step.help or f"Suggested: {title}, {reason}.",
            choices=choices,
            default=suggested,
        )

    def focus_behaviour(self) -> Behaviour | None:
        for step in self.flow.steps:
            if step.kind == "focus":
                given = self.given.get(step.id)
                if given is not None and isinstance(given.value, str):
                    return self.rubric.find(given.value)
        return None

    def _reflect(self, step: Step) -> Iterator[Question]:
        behaviour = self.focus_behaviour()
        if behaviour is None:
            return
        count = step.count or 3
        for n, prompt_id in enumerate(self._planned_prompts(step, behaviour, count), 1):
            prompt = behaviour.prompt(prompt_id)
            text = " ".join((prompt.text if prompt else prompt_id).split())
            yield Question(
                id=f"{step.id}.{n}",
                ask="long_text",
                kind="long_text",
                message=text,
                help=step.help if n == 1 else None,
                default="",
                private=self._private(step),
                behaviour_id=behaviour.id,
                prompt_id=prompt_id,
            )

    def _planned_prompts(self, step: Step, behaviour: Behaviour, count: int) -> list[str]:
        """The prompts this step asks: those already answered, then fresh ones in rotation."""
        key = f"{step.id}:{behaviour.id}"
        if key not in self._prompts:
            answered: dict[int, str] = {}
            for n in range(1, count + 1):
                given = self.given.get(f"{step.id}.{n}")
                pinned = self.pinned_prompts.get(f"{step.id}.{n}")
                if given is not None and given.prompt_id:
                    answered[n] = given.prompt_id
                elif pinned and behaviour.prompt(pinned) and pinned not in answered.values():
                    answered[n] = pinned
            fresh = iter(
                p.id
                for p in choose_prompts(
                    behaviour, self.history.sessions, count, exclude=list(answered.values())
                )
            )
            plan = [answered.get(n) or next(fresh, None) for n in range(1, count + 1)]
            self._prompts[key] = [p for p in plan if p is not None]
        return self._prompts[key]

    def _experiment_behaviour(self, step: Step) -> Behaviour | None:
        if step.behaviour in (None, "focus"):
            return self.focus_behaviour()
        return self.rubric.find(step.behaviour or "")

    def _experiment(self, step: Step, behaviour: Behaviour) -> Question:
        choices = [Choice(title, f"Again: {title}") for title in self._to_try_again(behaviour)]
        choices += [Choice(e.id, f"{e.title} ({e.minutes} min)") for e in behaviour.experiments]
        choices.append(Choice(OWN_CHOICE, "Something of my own"))
        details = tuple(f"{e.title}: {' '.join(e.practice.split())}" for e in behaviour.experiments)
        return Question(
            id=step.id,
            ask="experiment",
            kind="experiment",
            message=step.question or "What will you try next week?",
            help=step.help,
            details=details,
            choices=tuple(choices),
            default=self.history.fresh_experiment(behaviour).id,
            private=self._private(step),  # for an experiment of the person's own
            behaviour_id=behaviour.id,
        )

    def _to_try_again(self, behaviour: Behaviour) -> list[str]:
        """This behaviour's experiments reviewed now as only partly tried, or not tried."""
        titles = []
        for prefix, experiment in self.review_targets():
            given = self.given.get(prefix)
            if (
                given is not None
                and given.value in ("partly", "not_tried")
                and experiment.behaviour_id == behaviour.id
                and experiment.title not in titles
            ):
                titles.append(experiment.title)
        return titles

    def _recap(self, step: Step) -> Question:
        days = step.days or 31
        since = self.today - dt.timedelta(days=days)
        lines = [f"Your ratings since {since.isoformat()}:"]
        for behaviour, levels in trend(self.rubric, self.history.sessions, since):
            if levels:
                change = levels[-1] - levels[0]
                moved = f"  ({change:+d})" if change else ""
                lines.append(f"  {behaviour.title}: {' '.join(map(str, levels))}{moved}")
        if len(lines) == 1:
            lines.append("  (no ratings yet)")
        reviewed = [
            s.answer("review")
            for s in self.history.sessions
            if s.started_at.date() >= since and s.answer("review") is not None
        ]
        lines.append(f"Experiments reviewed: {len(reviewed)}")
        for session in sorted(self.history.sessions, key=lambda s: s.started_at):
            if session.started_at.date() < since:
                continue
            learned = session.answer("review.learned")
            review = session.answer("review")
            if review is not None and learned is not None and learned.value:
                lines.append(f"  {review.question}: {learned.value}")
        return Question(
            id=step.id,
            ask="info",
            kind="recap",
            message=step.help or "The month in review",
            details=tuple(lines),
        )

    # -- answering --------------------------------------------------------------

    def answer(
        self, question: Question, value: AnswerValue, at: dt.datetime, private: bool | None = None
    ) -> Saved:
        """Take an answer (already checked against the question); say what to save."""
        if question.ask == "info":
            self._seen.add(question.id)
            return Saved()
        is_private = bool(question.private if private is None else private)
        if question.kind == "review" and value == SKIP:
            value = None
        if question.kind == "tags":
            value = split_tags(value)
        elif question.kind == "experiment":
            value, is_private = self._experiment_answer(question, value, private)
        elif question.is_text:
            value, is_private = typed_privacy(value, private, question.private)
        self.given[question.id] = Given(value, at, is_private, question.prompt_id)
        if question.kind == "rate" and isinstance(value, int):
            rating = Rating(question.behaviour_id or "", value, at)
            return Saved(rating=rating)
        if question.kind == "evidence":
            rated = self.given[question.id.removesuffix(".evidence")]
            level = rated.value if isinstance(rated.value, int) else 0
            text = value if isinstance(value, str) and value else None
            rating = Rating(
                question.behaviour_id or "", level, rated.at, text, is_private if text else False
            )
            return Saved(rating=rating)
        record = Answer(
            step_id=question.id,
            kind=question.kind,
            value=value,
            answered_at=at,
            prompt_id=question.prompt_id,
            behaviour_id=question.behaviour_id,
            private=is_private if question.is_text or question.kind == "experiment" else False,
            question=self._quoted(question),
        )
        if question.kind == "focus" and isinstance(value, str):
            return Saved(answer=record, focus=value)
        if question.kind == "tags":
            return Saved(answer=record, tags=tuple(value) if isinstance(value, list) else ())
        return Saved(answer=record)

    def _quoted(self, question: Question) -> str:
        if question.kind == "review":
            target = dict(self.review_targets()).get(question.id)
            return target.title if target else question.message
        return question.message

    def _experiment_answer(
        self, question: Question, value: AnswerValue, private: bool | None
    ) -> tuple[AnswerValue, bool]:
        """The experiment's title, and whether it is private: the rubric's words are
        shared, one tried again is as private as before, the person's own words are
        free text (a marker, their choice or the default)."""
        behaviour = self.rubric.find(question.behaviour_id or "")
        if behaviour is not None and isinstance(value, str):
            found = behaviour.experiment(value)
            if found is not None:
                return found.title, False
        if value in question.choice_values():  # "Again: ..."
            again = (e for _, e in self.review_targets() if e.title == value)
            return value, any(e.private for e in again)
        return typed_privacy(value, private, question.private)

    # -- finishing --------------------------------------------------------------

    def outcome(self, session_id: str, now: dt.datetime, new_id: str) -> Outcome:
        """The reviewed experiments and the new one, to save as the session completes."""
        reviewed = []
        for prefix, experiment in self.review_targets():
            given = self.given.get(prefix)
            if given is None or given.value not in OUTCOMES:
                continue
            outcome: ExperimentOutcome = given.value  # type: ignore[assignment]
            reviewed.append(
                dataclasses.replace(
                    experiment,
                    status="dropped" if outcome == "not_tried" else "done",
                    outcome=outcome,
                    happened=self._text(f"{prefix}.happened"),
                    learned=self._text(f"{prefix}.learned"),
                    reviewed_at=given.at,
                    reviewed_session_id=session_id,
                    # What happened may be about other people: private if either note is.
                    private=experiment.private or self._is_private(prefix),
                )
            )
        return Outcome(tuple(reviewed), self._new_experiment(session_id, now, new_id))

    def _is_private(self, prefix: str) -> bool:
        notes = (self.given.get(f"{prefix}.{part}") for part in ("happened", "learned"))
        return any(n is not None and n.private and n.value for n in notes)

    def _text(self, qid: str) -> str | None:
        given = self.given.get(qid)
        return given.value if given is not None and isinstance(given.value, str) else None

    def _new_experiment(self, session_id: str, now: dt.datetime, new_id: str) -> Experiment | None:
        for step in self.flow.steps:
            given = self.given.get(step.id)
            if step.kind != "experiment" or given is None or not isinstance(given.value, str):
                continue
            behaviour = self._experiment_behaviour(step)
            if behaviour is None or not given.value.strip():
                continue
            picked = next((e for e in behaviour.experiments if e.title == given.value), None)
            return Experiment(
                id=new_id,
                behaviour_id=behaviour.id,
                title=given.value,
                week=next_week(self.week),
                created_at=now,
                created_session_id=session_id,
                rubric_experiment_id=picked.id if picked else None,
                minutes=picked.minutes if picked else None,
                signal=" ".join(picked.signal.split()) if picked else None,
                private=given.private,
            )
        return None

    def completed(self, session: Session, at: dt.datetime) -> Session:
        """`session` (a draft, or new) completed with every answer given so far."""
        answers, ratings = self.records()
        return dataclasses.replace(
            session,
            status="complete",
            completed_at=at,
            focus_behaviour_id=self.focus_id(),
            tags=self.tags(),
            answers=answers,
            ratings=ratings,
        )

    def records(self) -> tuple[tuple[Answer, ...], tuple[Rating, ...]]:
        """Every answer and rating given so far, as journal records."""
        answers: list[Answer] = []
        ratings: dict[str, Rating] = {}
        for question in self.questions():
            given = self.given.get(question.id)
            if given is None:
                continue
            saved = self._replay(question, given)
            if saved.answer is not None:
                answers.append(saved.answer)
            if saved.rating is not None:
                ratings[saved.rating.behaviour_id] = saved.rating
        return tuple(answers), tuple(ratings.values())

    def _replay(self, question: Question, given: Given) -> Saved:
        value = given.value
        if question.kind == "review" and value is None:
            value = SKIP
        saved = self.answer(question, value, given.at, given.private)
        self.given[question.id] = given
        return saved

    def summary(self) -> list[str]:
        """What was answered, briefly, for the screen before saving."""
        lines: list[str] = []
        private = 0
        for question in self.questions():
            given = self.given.get(question.id)
            if given is None or question.ask == "info":
                continue
            private += bool(given.private and question.is_text and given.value)
            line = self._summary_line(question, given)
            if question.kind == "rate" and "Ratings:" not in lines:
                lines.append("Ratings:")
            if line:
                lines.append(line)
        if private:
            lines.append(
                f"{private} private answer{'s' if private > 1 else ''}: kept on this machine"
            )
        return lines

    def _summary_line(self, question: Question, given: Given) -> str | None:
        value = given.value
        if question.kind == "rate" and isinstance(value, int):
            behaviour = self.rubric.find(question.behaviour_id or "")
            last = self.history.last_rating(question.behaviour_id or "", before_week=self.week)
            moved = f" ({value - last:+d})" if last is not None and value != last else ""
            name = behaviour.title if behaviour else question.behaviour_id
            return f"  {value} {self.rubric.label(value):<12} {name}{moved}"
        if question.kind == "review":
            title = self._quoted(question)
            return f"Experiment {title!r}: {OUTCOMES.get(str(value), 'kept open')}"
        if question.kind == "focus" and isinstance(value, str):
            found = self.rubric.find(value)
            return f"Focus: {found.title if found else value}"
        if question.kind == "experiment":
            return f"Next week's experiment: {'(private) ' if given.private else ''}{value}"
        if question.kind == "tags":
            return f"Tags: {', '.join(value)}" if isinstance(value, list) and value else None
        if question.ask in ("select", "scale"):
            title = next((c.title for c in question.choices if c.value == value), str(value))
            return f"{question.message} {title}" if value is not None else None
        if question.ask in ("text", "long_text") and isinstance(value, str) and value:
            short = " ".join(value.split())
            mark = "(private) " if given.private else ""
            return f"- {mark}{short[:70]}{'...' if len(short) > 70 else ''}"
        return None

    def focus_id(self) -> str | None:
        behaviour = self.focus_behaviour()
        return behaviour.id if behaviour else None

    def tags(self) -> tuple[str, ...]:
        for step in self.flow.steps:
            given = self.given.get(step.id)
            if step.kind == "tags" and given is not None and isinstance(given.value, list):
                return tuple(given.value)
        return ()


def split_tags(value: AnswerValue) -> list[str]:
    """ "team, hard talk" -> ["team", "hard-talk"]; lists are cleaned the same way."""
    if isinstance(value, list):
        parts = [str(v) for v in value]
    elif isinstance(value, str):
        parts = value.split(",")
    else:
        parts = []
    tags: list[str] = []
    for part in parts:
        tag = "-".join(part.strip().lower().lstrip("#").split())[:40]
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:20]
