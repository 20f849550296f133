"""Realistic synthetic journals, for `belonging demo`, benchmarks and tests.

A made-up manager does the built-in weekly reflection (prompts/weekly.yaml) every
week, through the same `Sitting` and engine as `belonging reflect --answers`: so
a demo journal holds exactly the records the product writes. Their answers: how
the week felt (what would help, when low), the experiment due reviewed (tried,
partly or not), a win most weeks, a pulse of every behaviour whose levels drift
slowly upwards with noise (what happened, now and then, when one moved), a focus
behaviour (usually the weakest) with reflections on its real rubric prompts, the
levers the week was led with, a note on the lens of the week (control, influence,
the setting or a few people, in turn), and the rubric's next experiment. The same
rubric, weeks, end and seed give the same journal.

Speed (the benchmarks build 10,000 sessions): each session runs the engine over
the person's journal in memory (`_Notebook`), which shows the engine only what it
asks about (the latest session, the open experiments), and everything is written
later in bulk by `Journal.import_data`.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import TYPE_CHECKING

from belonging_cli._gc import collector_paused
from belonging_cli.clock import iso_week
from belonging_cli.errors import JournalError
from belonging_cli.records import Assignment, Experiment, JournalData, Session
from belonging_cli.synthetic_words import (
    CONTROL_NOTES,
    ENVIRONMENT_NOTES,
    FELL_NOTES,
    HAPPENED,
    HELP,
    INFLUENCE_NOTES,
    INTENTS,
    LEARNED,
    MOMENTS,
    MOMENTS_ME,
    PEOPLE,
    PEOPLE_NOTES,
    PLANS,
    REACTIONS,
    REFLECTIONS,
    ROSE_NOTES,
    SETTINGS,
    WINS,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from belonging_cli.content.flows import Flow
    from belonging_cli.content.rubrics import Behaviour, Rubric
    from belonging_cli.engine.session import Saved
    from belonging_cli.feedback.round import FeedbackRound
    from belonging_cli.journal.conflicts import NotADraft
    from belonging_cli.records import Goal

FLOW_ID = "weekly"

PLATEAU = 3.4  # where attention without practice levels off
SITTING = dt.timedelta(minutes=45)  # longer than a scripted reflection takes to answer
LENS = "lens"  # the weekly's lenses take turns: one a week (engine/rotation.turn_of)
LENS_NOTES = {
    "control": CONTROL_NOTES,
    "influence": INFLUENCE_NOTES,
    "environment": ENVIRONMENT_NOTES,
    "people": PEOPLE_NOTES,
}
# How the week felt, and which levers it was led with: the weights of a mostly
# steady person who combines both more often as they grow.
WELLBEING = (("steady", 5), ("stretched", 3), ("low", 1), ("spare", 1))
LEVERS = ("structural", "relational", "both", "neither")


def generate(
    rubric: Rubric,
    *,
    weeks: int,
    end: dt.date | None = None,
    seed: int = 0,
    sessions_per_week: int = 1,
    zone: dt.tzinfo = dt.timezone.utc,
) -> JournalData:
    """A journal of `weeks` weeks ending in the week of `end` (default: today), nothing
    in it after `end` (after now, when `end` is today): this week's reflection, usually
    on a Friday, is moved back to before now, or left out when the week has just begun."""
    from belonging_cli.clock import now

    today = now(zone)
    end = end or today.date()
    until = today if end == today.date() else dt.datetime.combine(end, dt.time(23, 59), zone)
    writer = _Writer(rubric, weekly_flow(), random.Random(seed), zone)
    with collector_paused():
        return writer.run(weeks, end, sessions_per_week, until - SITTING)


def weekly_flow() -> Flow:
    """The built-in weekly flow, as `belonging reflect` runs it."""
    from belonging_cli.content.flows import load_flow_document
    from belonging_cli.resources import packaged_dir

    flow, _ = load_flow_document(packaged_dir("prompts") / f"{FLOW_ID}.yaml")
    return flow


class _Notebook:
    """The person's journal in memory: what History reads, where sessions are saved."""

    def __init__(self, taking_turns: frozenset[str] = frozenset()) -> None:
        self.saved: list[Session] = []
        self.all: dict[str, Experiment] = {}  # by id, in the order they were set
        self.open: dict[str, Experiment] = {}
        self.taking_turns = taking_turns  # steps asked in turn: lenses, variants
        self.last_asked: dict[tuple[str, str], Session] = {}  # (step, wording): latest

    # What the engine looks at: every session rates every behaviour and names its
    # prompts, so the latest session says all it asks of the past (the last ratings),
    # but for what takes turns (the lens of the week, a question's wordings): the
    # latest session that answered each, so the rotation is the journal's.
    def sessions(self) -> Sequence[Session]:
        shown = {id(s): s for s in (*self.last_asked.values(), *self.saved[-1:])}
        return list(shown.values())

    def experiments(self) -> Sequence[Experiment]:
        return list(self.open.values())

    def assignments(self) -> Sequence[Assignment]:
        return ()

    def feedback_rounds(self) -> Sequence[FeedbackRound]:
        return ()

    def save_whole_session(
        self,
        session: Session,
        experiments: Sequence[Experiment],
        *,
        assignment: Assignment | None = None,
        goals: Sequence[tuple[Goal, str]] = (),  # the demo sets none
    ) -> None:
        self.saved.append(session)
        for answer in session.answers:
            if answer.step_id in self.taking_turns:
                self.last_asked[(answer.step_id, answer.prompt_id or "")] = session
        for e in experiments:
            self.all[e.id] = e
            if e.status == "open":
                self.open[e.id] = e
            else:
                self.open.pop(e.id, None)


class _Page:
    """One session being written in the notebook (a sitting's recorder), timed by a
    clock that moves on with every answer."""

    def __init__(self, notebook: _Notebook, session: Session) -> None:
        self.journal = notebook
        self.session = session
        self.exists = False  # nothing is drafted: the session is saved whole
        self.resume = ""
        self.at = session.started_at

    def now(self) -> dt.datetime:
        self.at += dt.timedelta(seconds=40)
        return self.at

    def save(self, saved: Saved) -> None:  # pragma: no cover - never drafting
        raise AssertionError("a demo session is saved whole")

    def keep(self, answered: Session, gone: NotADraft) -> JournalError:  # pragma: no cover
        raise AssertionError("no other terminal writes a demo journal")


class _Writer:
    """One imagined person writing a journal, week after week."""

    def __init__(self, rubric: Rubric, flow: Flow, rng: random.Random, zone: dt.tzinfo) -> None:
        self.rubric = rubric
        self.flow = flow
        self.rng = rng
        self.zone = zone
        # A latent level per behaviour: where the person really is.
        self.latent = {b.id: rng.uniform(1.4, 3.2) for b in rubric.behaviours}
        self.last_level: dict[str, int] = {}
        turns = {s.id for s in flow.steps if s.turn is not None or s.variants}
        self.notebook = _Notebook(frozenset(turns))

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def fill(self, template: str) -> str:
        rng = self.rng
        who, other = rng.sample(PEOPLE, 2)
        return template.format(
            who=who,
            other=other,
            where=rng.choice(SETTINGS),
            moment=rng.choice(MOMENTS),
            reaction=rng.choice(REACTIONS),
            intent=rng.choice(INTENTS),
            moment_me=rng.choice(MOMENTS_ME),
        )

    def run(self, weeks: int, end: dt.date, per_week: int, latest: dt.datetime) -> JournalData:
        """`latest`: the last moment a reflection may start (so it ends before now)."""
        last_monday = end - dt.timedelta(days=end.weekday())
        spacing = dt.timedelta(days=7) / max(per_week, 1)
        for w in range(weeks):
            monday = last_monday - dt.timedelta(weeks=weeks - 1 - w)
            # Friday afternoon for a weekly journal; spread out when more frequent.
            first = dt.datetime.combine(monday, dt.time(16, 0), self.zone)
            if per_week == 1:
                first += dt.timedelta(days=4)
            week_start = dt.datetime.combine(monday, dt.time(0, 0), self.zone)
            for k in range(per_week):
                minutes = self.rng.randrange(0, 120)
                start = min(first + k * spacing + dt.timedelta(minutes=minutes), latest)
                if start >= week_start:  # else the week has only just begun: none yet
                    self.session(start)
        notebook = self.notebook
        return JournalData(tuple(notebook.saved), tuple(notebook.all.values()))

    def drift(self, focus: str | None) -> None:
        for behaviour_id, value in self.latent.items():
            # Slow growth, more where the attention went, noise, and a pull back towards
            # a personal plateau: ten years of reflecting should not end at 5 everywhere.
            step = 0.004 + self.rng.gauss(0, 0.06) - 0.01 * (value - PLATEAU)
            if behaviour_id == focus:
                step += 0.03
            self.latent[behaviour_id] = min(4.9, max(1.0, value + step))

    def session(self, start: dt.datetime) -> None:
        """One weekly reflection, answered from a script through the real flow."""
        from belonging_cli.content.source import Document
        from belonging_cli.engine.history import History
        from belonging_cli.engine.rotation import turn_of
        from belonging_cli.engine.session import Engine
        from belonging_cli.engine.sitting import Sitting
        from belonging_cli.engine.sources import FromMapping

        session = Session(
            id=self.uuid(),
            flow_id=self.flow.id,
            rubric_id=self.rubric.id,
            rubric_version=self.rubric.version,
            started_at=start,
            week=iso_week(start.date()),
        )
        engine = Engine(
            self.flow,
            self.rubric,
            History.from_journal(self.notebook),
            session.week,
            start.date(),
        )
        focus = self.pick_focus()
        lens = turn_of(self.flow, LENS, engine.history)
        answers = {
            **self.wellbeing(),
            **self.reviews(engine.history.experiments_to_review(session.week)),
            **self.pulse(),
            **self.reflections(focus, lens),
            **self.plan(focus),
        }
        sitting = Sitting(engine, _Page(self.notebook, session), drafting=False)
        source = FromMapping(engine, answers, Document("<demo>", answers))
        sitting.run(source)
        problems = source.problems()
        if problems:  # the weekly flow changed under the script: say where
            raise RuntimeError("; ".join(str(p) for p in problems))
        sitting.complete(sitting.recorder.now(), experiment_id=self.uuid())
        self.drift(focus.id)

    def reviews(self, due: list[Experiment]) -> dict[str, object]:
        """Close the experiments due: tried, partly or not tried, and what it taught."""
        rng = self.rng
        answers: dict[str, object] = {}
        for n, experiment in enumerate(due, start=1):
            prefix = "review" if n == 1 else f"review.{n}"
            outcome = rng.choices(("tried", "partly", "not_tried"), (5, 3, 2))[0]
            tried = outcome != "not_tried"
            answers[prefix] = outcome
            happened = self.fill(rng.choice(HAPPENED)) if tried else "I did not get to it."
            learned = rng.choice(LEARNED) if tried or rng.random() < 0.5 else ""
            answers[f"{prefix}.happened"] = {"text": happened, "private": experiment.private}
            answers[f"{prefix}.learned"] = learned
            if tried:
                self.latent[experiment.behaviour_id] += 0.02
        return answers

    def pulse(self) -> dict[str, object]:
        """Every behaviour rated; when one moved, now and then, what happened."""
        rng = self.rng
        answers: dict[str, object] = {}
        for b in self.rubric.behaviours:
            level = min(5, max(1, round(self.latent[b.id] + rng.gauss(0, 0.35))))
            answers[f"pulse.{b.id}"] = level
            moved = b.id in self.last_level and self.last_level[b.id] != level
            if moved and rng.random() < 0.3:
                notes = ROSE_NOTES if level > self.last_level[b.id] else FELL_NOTES
                evidence = self.fill(rng.choice(notes))
                answers[f"pulse.{b.id}.evidence"] = {
                    "text": evidence,
                    "private": rng.random() < 0.2,
                }
            self.last_level[b.id] = level
        return answers

    def wellbeing(self) -> dict[str, object]:
        """How the week felt (private), what would help when low, and a win."""
        rng = self.rng
        how = rng.choices([w for w, _ in WELLBEING], [n for _, n in WELLBEING])[0]
        answers: dict[str, object] = {"wellbeing": how}
        if how == "low":  # the flow asks what would help only then
            answers["wellbeing-help"] = self.fill(rng.choice(HELP))
        if rng.random() < 0.8:
            answers["win"] = self.fill(rng.choice(WINS))
        return answers

    def reflections(self, focus: Behaviour, lens: str) -> dict[str, object]:
        """The focus, its reflections (on prompts chosen here, as an answers file may),
        the levers the week was led with, and the lens of the week."""
        rng = self.rng
        answers: dict[str, object] = {"focus": focus.id}
        step = self.flow.step("reflect")
        asked = (step.count if step is not None else None) or 3  # the engine's default
        count = min(asked, len(focus.prompts))
        for n, prompt in enumerate(rng.sample(focus.prompts, count), start=1):
            answers[f"reflect.{n}"] = {
                "prompt": prompt.id,
                "text": self.fill(rng.choice(REFLECTIONS)),
                "private": rng.random() < 0.1,
            }
        # Both combined more often as the person grows; the latent mean runs 1 to 5.
        mean = sum(self.latent.values()) / len(self.latent)
        answers["levers"] = rng.choices(LEVERS, (2, 2, mean, 1))[0]
        note = self.fill(rng.choice(LENS_NOTES[lens]))
        # A note on a few people names them: private; the others now and then.
        private = lens == "people" or (lens != "influence" and rng.random() < 0.25)
        answers[lens] = {"text": note, "private": private}
        return answers

    def plan(self, focus: Behaviour) -> dict[str, object]:
        """Next week's experiment from the rubric, and (most weeks) when, with whom and
        how sure, as the weekly's experiment step asks (`plan: true`)."""
        rng = self.rng
        chosen = rng.choice(focus.experiments)
        answers: dict[str, object] = {"next-experiment": chosen.id}
        step = self.flow.step("next-experiment")
        if step is not None and step.plan and rng.random() < 0.7:
            answers["next-experiment.when"] = self.fill(rng.choice(PLANS))
            answers["next-experiment.confidence"] = rng.choice((5, 6, 7, 7, 8, 8, 9))
        return answers

    def pick_focus(self) -> Behaviour:
        """Usually one of the three weakest behaviours, sometimes any."""
        behaviours = self.rubric.behaviours
        if self.rng.random() < 0.25:
            return self.rng.choice(behaviours)
        weakest = sorted(behaviours, key=lambda b: self.latent[b.id])[:3]
        return self.rng.choice(weakest)
