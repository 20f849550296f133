"""`belonging reflect`: run a reflection flow, interactively or from an answers file.

Interactive: each answer is saved to the journal as a draft the moment it is
given; Ctrl-C keeps the draft and the next run offers to resume it. Scripted
(`--answers FILE`): every answer is checked first, then the whole session is
saved in one transaction. Both run through a `Sitting` (engine/sitting.py);
this module sets it up and prints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from belonging_cli.cli.options import (
    answers_option,
    answers_template_option,
    flows_option,
    pass_settings,
    rubrics_option,
)
from belonging_cli.settings import Settings

QUICK = "quick"  # the flow `--quick` runs (prompts/quick.yaml)

if TYPE_CHECKING:
    from belonging_cli.config import Config
    from belonging_cli.content.flows import Flow, FlowSet
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.engine.session import Engine
    from belonging_cli.engine.sitting import DraftPolicy
    from belonging_cli.journal.loading import SessionSummary
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Session


@click.command("reflect")
@click.option("--flow", help="The flow to run (default: weekly; see `belonging flows list`).")
@click.option("--behaviour", help="Focus on this behaviour (an id or its number).")
@click.option("--date", help="Record the reflection for an earlier day (YYYY-MM-DD).")
@click.option(
    "--resume/--discard",
    default=None,
    help="Resume the unfinished reflection, or discard it, without being asked.",
)
@click.option(
    "--again",
    is_flag=True,
    help="Start a second weekly reflection for a week that has one, without being asked.",
)
@click.option(
    "--quick",
    is_flag=True,
    help="A quick week (about three minutes): last week's experiment, the few ratings, "
    "next week's experiment, a takeaway. It counts as the week's reflection.",
)
@click.option("--all", "rate_all", is_flag=True, help="Rate every behaviour this week.")
@answers_option
@answers_template_option
@rubrics_option
@flows_option
@pass_settings
def reflect(
    settings: Settings,
    flow: str | None,
    behaviour: str | None,
    date: str | None,
    resume: bool | None,
    again: bool,
    quick: bool,
    rate_all: bool,
    answers: Path | None,
    answers_template: bool,
    rubrics: Path | None,
    flows: Path | None,
) -> None:
    """Reflect on your week: about ten minutes, saved answer by answer."""
    if quick and flow is not None:
        from belonging_cli.errors import UsageProblem

        raise UsageProblem(f"--quick runs the {QUICK} flow: give --quick or --flow {flow}")
    folders = settings.with_folders(rubrics=rubrics, flows=flows)
    setup = _setup(folders, QUICK if quick else flow, behaviour, date)
    setup.again = again
    setup.rate_all = rate_all
    if answers_template:
        _print_template(setup)
    elif answers is not None:
        _run_scripted(setup, answers, flow_given=flow is not None or quick)
    else:
        edit = _run_interactive(setup, resume)
        if edit is not None:  # the week's reflection, chosen over a second one
            from belonging_cli.cli.journal_edit import edit_session

            edit_session(setup.settings, edit)


@dataclass
class Setup:
    settings: Settings
    rubric: Rubric
    flows: FlowSet
    flow: Flow
    behaviour: str | None
    day: dt.date
    started_at: dt.datetime
    backdated: bool
    again: bool = False  # a second weekly reflection for a week that has one is meant
    rate_all: bool = False  # `--all`: the pulse rates every behaviour, not the few

    @property
    def config(self) -> Config:
        return self.settings.config


def _setup(
    settings: Settings, flow_id: str | None, behaviour: str | None, date: str | None
) -> Setup:
    from belonging_cli.content.flows import load_flows
    from belonging_cli.content.rubrics import load_rubric

    config = settings.config
    rubric = load_rubric(settings.rubrics)
    flowset = load_flows(settings.flows)
    if flow_id is None and config.default_flow not in flowset.ids():
        flow_id = flowset.ids()[0]  # a custom folder without the default flow
    flow = flowset.get(flow_id or config.default_flow)
    focus = rubric.get(behaviour).id if behaviour else None
    now = settings.now()
    setup = Setup(settings, rubric, flowset, flow, focus, now.date(), now, False)
    if date is None:
        return setup
    from belonging_cli.limits import day_option

    return _redate(setup, day_option(date, "--date", not_after=now.date()) or now.date())


def _redate(setup: Setup, day: dt.date) -> Setup:
    """The setup for a reflection on `day` (checked: limits.check_reflection_day): started
    then, at the time of day it is now."""
    now = setup.settings.now()
    started = now if day == now.date() else dt.datetime.combine(day, now.timetz())
    return dataclasses.replace(setup, day=day, started_at=started, backdated=day != now.date())


def _engine(setup: Setup, journal: Journal, flow: Flow, week: str) -> Engine:
    from belonging_cli.engine.history import History
    from belonging_cli.engine.session import Engine

    engine = Engine(
        flow,
        setup.rubric,
        History.read(journal, setup.rubric, flow, week, setup.day),
        week,
        setup.day,
        private_by_default=setup.config.private_by_default,
        focus_preset=setup.behaviour,
        pulse="all" if setup.rate_all else setup.config.pulse,
        pulse_text=setup.config.pulse_text,
        week_flows=setup.flows.week_flows(setup.config.default_flow),
    )
    if any(step.kind in ("goals", "set_goals") for step in flow.steps):  # open goals read
        from belonging_cli.engine.kinds.goal import open_goals

        engine.goals = open_goals(journal, setup.rubric, setup.settings.zone())
    if flow.id == QUICK and engine.focus_preset is None:
        # A quick week asks no focus: its experiment is about the suggested behaviour
        # (from the history alone, so it holds all sitting; the review screen changes it).
        engine.focus_preset = engine.suggestion()[0]
    return engine


def _new_session(setup: Setup, flow: Flow) -> Session:
    import uuid

    from belonging_cli.clock import iso_week
    from belonging_cli.records import Session

    return Session(
        id=str(uuid.uuid4()),
        flow_id=flow.id,
        rubric_id=setup.rubric.id,
        rubric_version=setup.rubric.version,
        started_at=setup.started_at,
        week=iso_week(setup.day),
    )


def _second_this_week(journal: Journal, setup: Setup, flow: Flow) -> SessionSummary | None:
    """This week's reflection (weekly or quick), when a new one would be a second."""
    from belonging_cli.cli.reflect_guards import reflected_this_week

    week_flows = setup.flows.week_flows(setup.config.default_flow)
    if setup.again or flow.id not in week_flows:
        return None
    return reflected_this_week(journal, week_flows, setup.day)


# -- answers files ---------------------------------------------------------------


def _print_template(setup: Setup) -> None:
    import sys

    from belonging_cli.clock import iso_week
    from belonging_cli.engine.sources import template
    from belonging_cli.journal.store import open_journal

    with open_journal() as journal:
        engine = _engine(setup, journal, setup.flow, iso_week(setup.day))
    sys.stdout.write(template(engine, setup.day, setup.behaviour, dated=setup.backdated))


def _run_scripted(setup: Setup, path: Path, *, flow_given: bool) -> None:
    from belonging_cli.cli.output import info
    from belonging_cli.cli.reflect_exercises import due_exercises, mention
    from belonging_cli.cli.reflect_guards import refuse_second
    from belonging_cli.engine.answers import load_answers
    from belonging_cli.engine.sitting import Sitting, all_blank
    from belonging_cli.engine.sources import FromMapping
    from belonging_cli.errors import ContentError, UsageProblem
    from belonging_cli.journal.store import open_journal
    from belonging_cli.limits import check_reflection_day

    doc, header = load_answers(path)
    flow = setup.flow
    if header.flow is not None:
        if flow_given and header.flow != setup.flow.id:
            raise UsageProblem(f"--flow {setup.flow.id} but {path} answers the {header.flow} flow")
        flow = setup.flows.get(header.flow)
    if header.date is not None:
        try:
            check_reflection_day(header.date, setup.settings.now().date())
        except ValueError as exc:  # the file's own line and column
            raise ContentError([doc.problem(("date",), str(exc))]) from None
        setup = _redate(setup, header.date)
    if header.behaviour is not None:
        setup.behaviour = setup.rubric.get(header.behaviour).id
    with open_journal() as journal:
        sitting = Sitting.start(
            journal,
            _new_session(setup, flow),
            lambda session: _engine(setup, journal, flow, session.week),
            resume="belonging reflect",
            zone=setup.settings.zone(),
            drafting=False,  # checked in full first: nothing is written before it all is
        )
        now = setup.settings.now()
        given = FromMapping(sitting.engine, header.answers, doc)
        sitting.run(given, at=now)
        problems = given.problems()
        if problems:
            raise ContentError(problems)
        found = _second_this_week(journal, setup, flow)  # the file's own problems first
        if found is not None:
            refuse_second(found, sitting.session.week)
        session, outcome = sitting.complete(now)
        due = due_exercises(journal, now.date())
    _remember_rubric(setup)
    if all_blank(session.answers):  # a script may mean it: saved, and said
        info(f"note: every text answer in {path} is blank")
    info(f"Saved your {flow.title.lower()} for {session.week}.")
    if outcome.new is not None and outcome.replaced is not None:
        from belonging_cli.cli.recap import replacing

        info(replacing(outcome, f"Next week's experiment, {outcome.new.title!r},") or "")
    if due:
        info(mention(due))  # never asked: a script is answering
    click.echo(session.id)


def _remember_rubric(setup: Setup) -> None:
    """The rubric is loaded (and validated) anyway: keep its facts, so status and
    listings show behaviour titles from the first reflection on, not ids."""
    from belonging_cli.reports.rubric_facts import remember

    remember(setup.rubric, setup.settings.rubrics)


# -- interactive -------------------------------------------------------------------


def _run_interactive(setup: Setup, resume: bool | None) -> str | None:
    """Run the flow at the terminal; the id of a session to edit instead, if chosen."""
    from belonging_cli import ask
    from belonging_cli.cli.recap import recap
    from belonging_cli.cli.reflect_exercises import offer_exercises
    from belonging_cli.cli.reflect_guards import ask_second
    from belonging_cli.drafts import EVERY_ONE_ANSWERED, answered, day, progress
    from belonging_cli.engine.review_screen import review
    from belonging_cli.engine.sitting import Sitting, find_draft
    from belonging_cli.engine.sources import SECTIONS, Terminal
    from belonging_cli.errors import BelongingError, UsageProblem
    from belonging_cli.journal.store import open_journal

    if not ask.terminal_available():
        raise UsageProblem(
            "standard input is not a terminal: answer from a file with --answers FILE "
            "(start from `belonging reflect --answers-template`)"
        )
    if setup.config.editor:
        import os

        # prompt_toolkit's Ctrl-X Ctrl-E opens $VISUAL: the editor setting wins.
        os.environ["VISUAL"] = setup.config.editor
    with open_journal() as journal:
        draft = find_draft(journal)
        policy = _draft_policy(draft, resume)
        if draft is not None and policy == "resume" and draft.flow_id not in setup.flows.ids():
            raise BelongingError(
                f"your unfinished reflection uses the flow {draft.flow_id!r}, "
                f"which is not in {setup.flows.folder}",
                hint="`belonging reflect --discard` starts afresh; --flows DIR finds that flow",
            )
        found = (
            None if draft and policy == "resume" else _second_this_week(journal, setup, setup.flow)
        )
        if found is not None:
            from belonging_cli.clock import iso_week, week_monday

            # A week is named by its Monday, as the recap names the next one.
            monday = week_monday(iso_week(setup.day))
            second = ask_second(
                found, f"the week of {day(monday)}" if setup.backdated else "this week"
            )
            if second != "again":
                return found.id if second == "edit" else None
        sitting = Sitting.start(
            journal,
            _new_session(setup, setup.flow),
            lambda session: _engine(setup, journal, setup.flows.get(session.flow_id), session.week),
            resume="belonging reflect",
            zone=setup.settings.zone(),
            draft=draft,
            policy=policy,
        )
        flow = sitting.engine.flow
        if sitting.resumed:
            done = answered(sitting.session.answers, sitting.session.ratings)
            left = sitting.engine.remaining()
            ask.say(
                f"Picking up your {flow.title.lower()} from "
                f"{day(sitting.session.started_at.date())}: "
                + (f"{progress(done, done + left)}." if left else EVERY_ONE_ANSWERED)
            )
        elif draft is not None:
            ask.say("Discarded.")
        if not sitting.resumed and flow.intro:
            ask.say(" ".join(flow.intro.split()), style="bold")
        terminal = Terminal(SECTIONS)
        sitting.run(terminal)  # a draft with every question answered goes straight on
        if not review(sitting, terminal, "Your reflection"):
            ask.say("Kept as a draft: `belonging reflect` comes back to it.")
            return None
        session, outcome = sitting.complete(sitting.recorder.now())
        _remember_rubric(setup)
        if flow.outro:
            ask.say(" ".join(flow.outro.split()))
        for line in recap(setup.settings, journal, sitting.engine, session, outcome):
            ask.say(line)
        offer_exercises(journal, setup.settings, setup.rubric)
    return None


def _draft_policy(draft: Session | None, resume: bool | None) -> DraftPolicy:
    """What to do with the unfinished reflection: as --resume/--discard say, else asked."""
    from belonging_cli import ask

    if draft is None:
        if resume:
            ask.say("No unfinished reflection to resume: starting a new one.")
        return "resume"
    if resume is None:
        from belonging_cli.drafts import answered, day, progress

        done = answered(draft.answers, draft.ratings)
        ask.say(
            f"You have an unfinished {draft.flow_id} reflection from "
            f"{day(draft.started_at.date())} ({progress(done)})."
        )
        resume = (
            ask.choose(
                "Resume it?",
                [("resume", "Resume where I left off"), ("discard", "Discard it and start again")],
                default="resume",
            )
            == "resume"
        )
    return "resume" if resume else "discard"
