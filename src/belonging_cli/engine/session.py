"""The session engine: given a flow, the rubric and the journal's history, ask the next
question and take its answer. Pure: no terminal, no database, no clock.

Answers are kept by question id. Each answer turns into the records to save at once
(an Answer, a Rating, a change to the session), so a draft is never more than one
answer behind. A resumed session starts from the draft's records and asks only what
is still unanswered. Experiments change only when the session completes, so a
discarded draft leaves them untouched.

What a step of each kind asks, and what its answers become, is that kind's unit
(engine/kinds/): the engine looks units up and keeps the answers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from belonging_cli.content.flows import Condition, Flow, Step
from belonging_cli.content.rubrics import Behaviour, Rubric
from belonging_cli.engine.history import History, suggest_focus
from belonging_cli.engine.kinds import Given, Saved, unit
from belonging_cli.engine.kinds.experiment import new_experiment, set_earlier_this_week
from belonging_cli.engine.kinds.goal_setting import new_goals
from belonging_cli.engine.kinds.review import OUTCOMES, SKIP, reviewed, targets
from belonging_cli.engine.kinds.tags import split_tags
from belonging_cli.engine.privacy import step_private
from belonging_cli.engine.pulse_plan import PulsePlan
from belonging_cli.engine.questions import Question
from belonging_cli.records import Answer, AnswerValue, Experiment, Rating, Session

if TYPE_CHECKING:
    from belonging_cli.goals import GoalProgress
    from belonging_cli.records import Goal

# Re-exported: what callers have always found here.
__all__ = ["OUTCOMES", "SKIP", "Engine", "Given", "Outcome", "Saved", "split_tags"]


@dataclass(frozen=True)
class Outcome:
    """The experiments (and an intake's goals, with their titles) to write when the
    session completes."""

    reviewed: tuple[Experiment, ...] = ()
    new: Experiment | None = None
    goals: tuple[tuple[Goal, str], ...] = ()
    # The experiment set earlier this week that `new` takes the place of (same id).
    replaced: Experiment | None = None

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
    # The prompts each reflect step asks, planned once a behaviour (engine/kinds/reflect.py).
    plans: dict[str, list[str]] = field(default_factory=dict)
    # The rating questions, by (question id, behaviour), built once: they depend on no
    # answer, and each reads every level description (engine/kinds/rate.py). A sitting
    # passes over its questions several times; the demo's journals run thousands.
    built: dict[tuple[str, str], Question] = field(default_factory=dict)
    # The behaviour each answer was about, by question id: an answer about another
    # behaviour than its question now asks of (the focus changed) no longer applies.
    about: dict[str, str | None] = field(default_factory=dict)
    # What a pulse rates: the few, or every behaviour (engine/pulse_plan.py; "all" is
    # the `pulse` setting or `reflect --all`), planned once a step; and how a returning
    # rating shows its levels (the `pulse_text` setting: compact, or full).
    pulse: str = "few"
    pulse_text: str = "compact"
    pulse_plans: dict[str, PulsePlan] = field(default_factory=dict)
    # The question ids an answers file answers: a rating outside the week's few, or
    # the evidence for a rating that did not move, is asked because it was given.
    ahead: frozenset[str] = frozenset()
    # Ratings the person chose to add a note to though they did not move (kinds/rate.py).
    noted: set[str] = field(default_factory=set)
    # Progress against each open goal, for a goals step (kinds/goal.py; else empty).
    goals: tuple[GoalProgress, ...] = ()
    # The flows whose sessions are the week's reflection (FlowSet.week_flows), when this
    # sitting is one of them: its experiment takes the place of one set earlier that week.
    week_flows: frozenset[str] = frozenset()

    # -- resuming ---------------------------------------------------------------

    def restore(self, draft: Session) -> None:
        """Take the answers a draft already holds, so they are not asked again."""
        for a in draft.answers:
            self.given[a.step_id] = Given(a.value, a.answered_at, a.private, a.prompt_id)
            self.about[a.step_id] = a.behaviour_id
        for r in draft.ratings:
            qid = self._rating_question_id(r.behaviour_id)
            if qid is None:
                continue
            self.given[qid] = Given(r.level, r.rated_at)
            if r.evidence is not None:
                self.given[f"{qid}.evidence"] = Given(r.evidence, r.rated_at, r.evidence_private)
        # An optional question left blank keeps no record (a rating's "what have you
        # seen" among them), yet the person moved past it: one before the last answered
        # is not asked again (a week one resumed asked ten of them, unnamed, first).
        asked = list(self.questions())
        last = max((i for i, q in enumerate(asked) if q.id in self.given), default=-1)
        for question in asked[:last]:
            if question.optional and question.id not in self.given:
                self._seen.add(question.id)

    def _rating_question_id(self, behaviour_id: str) -> str | None:
        for step in self.flow.steps:
            qid = unit(step.kind).rating_id(step, behaviour_id, self)
            if qid is not None:
                return qid
        return None

    def rated_behaviour(self, step: Step) -> str | None:
        """The behaviour a step is about: its own, or the session's focus."""
        if step.behaviour in (None, "focus"):
            return self.focus_id()
        return step.behaviour

    def private(self, step: Step) -> bool:
        """Whether the words a step asks for are private unless the person says otherwise."""
        return step_private(step, self.private_by_default)

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
            if step.turn is not None and step.id != self._turn(step.turn):
                continue  # another step's turn this sitting
            if step.when is not None and not self._holds(step.when):
                continue
            yield from unit(step.kind).questions(step, self)

    def _turn(self, turn: str) -> str:
        """The step of `turn` this sitting asks: the one answered already (an answers
        file's, or a resumed draft's: a template made before another reflection this
        week still holds), else the one whose turn it is (engine/rotation.py)."""
        from belonging_cli.engine.rotation import turn_of

        for step in self.flow.steps:
            if step.turn == turn and (step.id in self.ahead or step.id in self.given):
                return step.id
        return turn_of(self.flow, turn, self.history)

    def remaining(self) -> int:
        """How many questions are left, as far as can be told now."""
        return sum(
            1
            for q in self.questions()
            if q.id not in self.given and q.id not in self._seen and q.ask != "info"
        )

    def _holds(self, condition: Condition) -> bool:
        if condition.feedback is not None:
            return self._recent_round()
        if condition.step is None:
            return False  # validation makes every other test name a step
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

    def _recent_round(self) -> bool:
        """A feedback round collected within about six months of the week's Sunday (as
        the focus suggestion counts a round: history.suggest_focus)."""
        from belonging_cli.clock import week_monday
        from belonging_cli.focus_rule import recent_round

        on = week_monday(self.week) + dt.timedelta(days=6)
        return any(recent_round(r.collected_on, on) for r in self.history.feedback_rounds)

    def _moved(self, ref: str) -> bool:
        """Whether a rating (or any rating of a pulse) moved a level or more since last time."""
        now = self._ratings_so_far()
        step = self.flow.step(ref)
        rated = unit(step.kind).rated(step, self) if step is not None else [ref.split(".", 1)[-1]]
        for behaviour_id in (b for b in rated if b in now):
            last = self.history.last_rating(behaviour_id, before_week=self.week)
            if last is not None and abs(now[behaviour_id] - last) >= 1:
                return True
        return False

    def review_targets(self) -> list[tuple[str, Experiment]]:
        """The experiments this session reviews, each with its question id prefix."""
        return targets(self)

    def _ratings_so_far(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for behaviour in self.rubric.behaviours:
            qid = self._rating_question_id(behaviour.id)
            given = self.given.get(qid) if qid else None
            if given is not None and isinstance(given.value, int):
                found[behaviour.id] = given.value
        return found

    def suggestion(self) -> tuple[str, str]:
        found = suggest_focus(self.rubric, self.history, self._ratings_so_far(), self.week)
        return found.behaviour_id, found.reason

    def focus_behaviour(self) -> Behaviour | None:
        for step in self.flow.steps:
            if step.kind == "focus":
                given = self.given.get(step.id)
                if given is not None and isinstance(given.value, str):
                    return self.rubric.find(given.value)
        return None

    # -- answering --------------------------------------------------------------

    def answer(
        self, question: Question, value: AnswerValue, at: dt.datetime, private: bool | None = None
    ) -> Saved:
        """Take an answer (already checked against the question); say what to save."""
        if question.ask == "info":
            self._seen.add(question.id)
            return Saved()
        kind = unit(question.kind)
        value, is_private = kind.take(question, value, private, self)
        given = Given(value, at, is_private, question.prompt_id)
        self.given[question.id] = given
        self.about[question.id] = question.behaviour_id
        return kind.records(question, given, self)

    def forget_unasked(self) -> list[str]:
        """Forget the answers to questions the flow no longer asks, or asks of something
        else (an earlier answer was changed: a balance back up asks no tip, a new focus
        other prompts); the ids forgotten."""
        forgotten: list[str] = []
        while True:  # forgetting one can take a condition with it
            asked = {q.id: q for q in self.questions()}
            gone = [qid for qid in self.given if qid not in asked or self._moot(asked[qid])]
            if not gone:
                return forgotten
            for qid in gone:
                del self.given[qid]
                self.about.pop(qid, None)
            forgotten += gone

    def _moot(self, question: Question) -> bool:
        """Whether the answer given was to another question under this id: about another
        behaviour, or to another prompt."""
        given = self.given[question.id]
        if question.id in self.about and self.about[question.id] != question.behaviour_id:
            return True
        asked, answered = question.prompt_id, given.prompt_id
        return bool(asked and answered and asked != answered)

    # -- finishing --------------------------------------------------------------

    def outcome(self, session_id: str, now: dt.datetime, new_id: str) -> Outcome:
        """The reviewed experiments, the new one and the goals set, to save as the session
        completes."""
        earlier = set_earlier_this_week(self)
        new = new_experiment(self, session_id, now, earlier.id if earlier else new_id)
        return Outcome(
            reviewed(self, session_id), new, new_goals(self, now), earlier if new else None
        )

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
        """Every answer and rating given so far, as journal records (the answers as
        taken: nothing is interpreted a second time)."""
        answers: list[Answer] = []
        ratings: dict[str, Rating] = {}
        for question in self.questions():
            given = self.given.get(question.id)
            if given is None or question.ask == "info":
                continue
            saved = unit(question.kind).records(question, given, self)
            if saved.answer is not None:
                answers.append(saved.answer)
            if saved.rating is not None:
                ratings[saved.rating.behaviour_id] = saved.rating
        return tuple(answers), tuple(ratings.values())

    def summary(self) -> list[str]:
        """What was answered, briefly, for the screen before saving."""
        lines: list[str] = []
        private = 0
        for question in self.questions():
            given = self.given.get(question.id)
            if given is None or question.ask == "info":
                continue
            private += bool(given.private and question.is_text and given.value)
            kind = unit(question.kind)
            line = kind.summary(question, given, self)
            if kind.heading and kind.heading not in lines:
                lines.append(kind.heading)
            if line:
                lines.append(line)
        if private:
            lines.append(
                f"{private} private answer{'s' if private > 1 else ''}: kept on this machine"
            )
        return lines

    def focus_id(self) -> str | None:
        behaviour = self.focus_behaviour()
        return behaviour.id if behaviour else None

    def tags(self) -> tuple[str, ...]:
        for step in self.flow.steps:
            given = self.given.get(step.id)
            if step.kind == "tags" and given is not None and isinstance(given.value, list):
                return tuple(given.value)
        return ()
