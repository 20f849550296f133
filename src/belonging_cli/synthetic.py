"""Realistic synthetic journals, for `belonging demo`, benchmarks and tests.

A made-up manager reflects every week: a pulse of every behaviour whose levels
drift slowly upwards with noise, a focus behaviour (usually the weakest) with two
reflections on its real rubric prompts, notes on control and influence, a
control/influence balance, and one experiment from the rubric reviewed the
following week. The same rubric, weeks, end and seed give the same journal.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import TYPE_CHECKING

from belonging_cli._gc import collector_paused
from belonging_cli.clock import iso_week
from belonging_cli.records import (
    Answer,
    Experiment,
    ExperimentOutcome,
    JournalData,
    Rating,
    Session,
)

if TYPE_CHECKING:
    from belonging_cli.content.rubrics import Behaviour, Rubric

FLOW_ID = "weekly"
FOCUS_QUESTION = "Which behaviour do you want to look at more closely this week?"
CONTROL_QUESTION = "Where did you reach for control this week?"
INFLUENCE_QUESTION = "Where did you lead through influence instead?"
BALANCE_QUESTION = "This week, did you lead mostly through control (1) or influence (5)?"

PLATEAU = 3.4  # where attention without practice levels off
TAGS = ("1:1s", "planning", "hiring", "offsite", "launch", "conflict", "new-joiner", "review")
PEOPLE = ("Ana", "Bilal", "Chen", "Dana", "Emeka", "Fatima", "Gus", "Hana")
SETTINGS = (
    "the Monday stand-up",
    "a 1:1",
    "the planning meeting",
    "a design review",
    "the incident call",
    "a hallway chat",
    "the quarterly review",
    "a hiring debrief",
)
CONTROL_NOTES = (
    "I rewrote {who}'s summary myself instead of asking what they meant.",
    "In {where} I gave the answer before anyone else had spoken.",
    "I set the deadline without asking {who} what was realistic.",
    "I checked on {who}'s progress three times in one day.",
    "I closed the discussion in {where} because we were running late.",
    "I decided the rota alone and announced it.",
)
INFLUENCE_NOTES = (
    "I asked {who} what they would do and used their idea.",
    "In {where} I waited and the quietest person spoke first.",
    "I shared why the goal matters and let the team pick the route.",
    "{who} ran {where} and I only asked questions.",
    "I told the team what happened to the ideas they offered last week.",
    "I admitted I did not know and asked {who} to lead the next step.",
)
REFLECTIONS = (
    "In {where}, {who} {moment}. I noticed I {reaction}. Next time I want to {intent}.",
    "Honestly, {moment_me}. {who} {moment}, and that told me more than any survey.",
    "It was {where} again: I {reaction}. What helped was that {who} {moment}.",
    "I keep coming back to {where}. {who} {moment}; I {reaction}, and I want to {intent}.",
)
MOMENTS = (
    "raised a concern nobody else had mentioned",
    "stayed silent until I asked directly",
    "pushed back on my plan in front of the team",
    "took the lead without being asked",
    "brought bad news early",
    "looked relieved when I admitted I was unsure",
)
REACTIONS = (
    "wanted to fix it myself",
    "held back and asked a question instead",
    "felt the pull to decide quickly",
    "was more curious than defensive",
    "rushed to reassure rather than listen",
)
INTENTS = (
    "ask before I tell",
    "leave more silence",
    "say what happened to their idea",
    "block the time and keep it",
    "name the tension out loud",
)
MOMENTS_ME = (
    "I was tired and it showed",
    "I protected the time for once",
    "I caught myself mid-sentence",
    "I let the messy draft go out",
    "I did not notice until Friday",
)
EVIDENCE = (
    "Busy week: I fell back on deciding alone.",
    "{who} said the meeting felt different.",
    "I did it on purpose in {where}.",
    "It held even under the deadline.",
    "The team ran it without me.",
    "I slipped in {where}.",
)
HAPPENED = (
    "I tried it twice; the second time went better.",
    "{who} noticed and asked what had changed.",
    "It felt awkward at first, then people joined in.",
    "The week got away from me after Tuesday.",
    "I did half of it, in {where} only.",
)
LEARNED = (
    "People fill the space I leave.",
    "It takes less time than I feared.",
    "I need to put it in the calendar or it does not happen.",
    "The team had better ideas than mine.",
    "Saying it out loud made the tension smaller.",
)


def generate(
    rubric: Rubric,
    *,
    weeks: int,
    end: dt.date | None = None,
    seed: int = 0,
    sessions_per_week: int = 1,
    zone: dt.tzinfo = dt.timezone.utc,
) -> JournalData:
    """A journal of `weeks` weeks ending in the week of `end` (default: today)."""
    if end is None:
        from belonging_cli.clock import now

        end = now(zone).date()
    writer = _Writer(rubric, random.Random(seed), zone)
    with collector_paused():
        return writer.run(weeks, end, sessions_per_week)


class _Writer:
    """One imagined person writing a journal, week after week."""

    def __init__(self, rubric: Rubric, rng: random.Random, zone: dt.tzinfo) -> None:
        self.rubric = rubric
        self.rng = rng
        self.zone = zone
        # A latent level per behaviour: where the person really is.
        self.latent = {b.id: rng.uniform(1.4, 3.2) for b in rubric.behaviours}
        self.last_level: dict[str, int] = {}
        self.sessions: list[Session] = []
        self.experiments: list[Experiment] = []
        self.open_experiment: Experiment | None = None

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            who=rng.choice(PEOPLE),
            where=rng.choice(SETTINGS),
            moment=rng.choice(MOMENTS),
            reaction=rng.choice(REACTIONS),
            intent=rng.choice(INTENTS),
            moment_me=rng.choice(MOMENTS_ME),
        )

    def run(self, weeks: int, end: dt.date, per_week: int) -> JournalData:
        last_monday = end - dt.timedelta(days=end.weekday())
        spacing = dt.timedelta(days=7) / max(per_week, 1)
        for w in range(weeks):
            monday = last_monday - dt.timedelta(weeks=weeks - 1 - w)
            # Friday afternoon for a weekly journal; spread out when more frequent.
            first = dt.datetime.combine(monday, dt.time(16, 0), self.zone)
            if per_week == 1:
                first += dt.timedelta(days=4)
            for k in range(per_week):
                minutes = self.rng.randrange(0, 120)
                self.session(first + k * spacing + dt.timedelta(minutes=minutes))
        return JournalData(tuple(self.sessions), tuple(self.experiments))

    def drift(self, focus: str | None) -> None:
        for behaviour_id, value in self.latent.items():
            # Slow growth, more where the attention went, noise, and a pull back towards
            # a personal plateau: ten years of reflecting should not end at 5 everywhere.
            step = 0.004 + self.rng.gauss(0, 0.06) - 0.01 * (value - PLATEAU)
            if behaviour_id == focus:
                step += 0.03
            self.latent[behaviour_id] = min(4.9, max(1.0, value + step))

    def session(self, start: dt.datetime) -> None:
        rng = self.rng
        session_id = self.uuid()
        at = start
        tick = dt.timedelta(seconds=40)
        answers: list[Answer] = []
        ratings: list[Rating] = []
        self.review(session_id, at)
        for b in self.rubric.behaviours:
            at += tick
            level = min(5, max(1, round(self.latent[b.id] + rng.gauss(0, 0.35))))
            moved = b.id in self.last_level and self.last_level[b.id] != level
            evidence = self.fill(rng.choice(EVIDENCE)) if moved and rng.random() < 0.3 else None
            private = evidence is not None and rng.random() < 0.2
            ratings.append(Rating(b.id, level, at, evidence, private))
            self.last_level[b.id] = level
        focus = self.pick_focus()
        at += tick
        answers.append(Answer("focus", "focus", focus.id, at, question=FOCUS_QUESTION))
        for n, prompt in enumerate(rng.sample(focus.prompts, 2), start=1):
            at += tick * 3
            answers.append(
                Answer(
                    f"reflect.{n}",
                    "long_text",
                    self.fill(rng.choice(REFLECTIONS)),
                    at,
                    prompt_id=prompt.id,
                    behaviour_id=focus.id,
                    private=rng.random() < 0.1,
                    question=prompt.text,
                )
            )
        at += tick
        control = self.fill(rng.choice(CONTROL_NOTES))
        answers.append(
            Answer(
                "control",
                "text",
                control,
                at,
                private=rng.random() < 0.25,
                question=CONTROL_QUESTION,
                role="control",
            )
        )
        at += tick
        influence = self.fill(rng.choice(INFLUENCE_NOTES))
        answers.append(
            Answer(
                "influence", "text", influence, at, question=INFLUENCE_QUESTION, role="influence"
            )
        )
        at += tick
        mean = sum(self.latent.values()) / len(self.latent)
        balance = min(5, max(1, round(mean + rng.gauss(0, 0.6))))
        answers.append(
            Answer("balance", "scale", balance, at, question=BALANCE_QUESTION, role="balance")
        )
        at += tick
        self.plan(session_id, focus, at, start)
        tags = tuple(sorted(rng.sample(TAGS, rng.choice((0, 0, 1, 1, 2)))))
        self.sessions.append(
            Session(
                id=session_id,
                flow_id=FLOW_ID,
                rubric_id=self.rubric.id,
                rubric_version=self.rubric.version,
                started_at=start,
                week=iso_week(start.date()),
                status="complete",
                completed_at=at + tick,
                focus_behaviour_id=focus.id,
                tags=tags,
                answers=tuple(answers),
                ratings=tuple(ratings),
            )
        )
        self.drift(focus.id)

    def pick_focus(self) -> Behaviour:
        """Usually one of the three weakest behaviours, sometimes any."""
        behaviours = self.rubric.behaviours
        if self.rng.random() < 0.25:
            return self.rng.choice(behaviours)
        weakest = sorted(behaviours, key=lambda b: self.latent[b.id])[:3]
        return self.rng.choice(weakest)

    def review(self, session_id: str, at: dt.datetime) -> None:
        """Close last week's experiment: tried, partly or not tried, and what it taught."""
        experiment = self.open_experiment
        if experiment is None:
            return
        rng = self.rng
        outcome: ExperimentOutcome = rng.choices(("tried", "partly", "not_tried"), (5, 3, 2))[0]
        tried = outcome != "not_tried"
        reviewed = Experiment(
            id=experiment.id,
            behaviour_id=experiment.behaviour_id,
            title=experiment.title,
            week=experiment.week,
            created_at=experiment.created_at,
            created_session_id=experiment.created_session_id,
            rubric_experiment_id=experiment.rubric_experiment_id,
            minutes=experiment.minutes,
            signal=experiment.signal,
            status="done" if tried else rng.choice(("dropped", "done")),
            outcome=outcome,
            happened=self.fill(rng.choice(HAPPENED)) if tried else "I did not get to it.",
            learned=rng.choice(LEARNED) if tried or rng.random() < 0.5 else None,
            reviewed_at=at,
            reviewed_session_id=session_id,
            private=experiment.private,
        )
        self.experiments[-1] = reviewed
        self.open_experiment = None
        if tried:
            self.latent[experiment.behaviour_id] += 0.02

    def plan(self, session_id: str, focus: Behaviour, at: dt.datetime, start: dt.datetime) -> None:
        chosen = self.rng.choice(focus.experiments)
        experiment = Experiment(
            id=self.uuid(),
            behaviour_id=focus.id,
            title=chosen.title,
            week=iso_week(start.date() + dt.timedelta(days=7)),
            created_at=at,
            created_session_id=session_id,
            rubric_experiment_id=chosen.id,
            minutes=chosen.minutes,
            signal=chosen.signal,
            private=self.rng.random() < 0.05,
        )
        self.experiments.append(experiment)
        self.open_experiment = experiment
