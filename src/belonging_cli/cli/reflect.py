"""`belonging reflect`: run a reflection flow, interactively or from an answers file.

Interactive: each answer is saved to the journal as a draft the moment it is
given; Ctrl-C keeps the draft and the next run offers to resume it. Scripted
(`--answers FILE`): every answer is checked first, then the whole session is
saved in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from belonging_cli.cli.options import FlowsOption, RubricsOption

if TYPE_CHECKING:
    from belonging_cli.config import Config
    from belonging_cli.content.flows import Flow, FlowSet
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.engine.history import History
    from belonging_cli.engine.session import Engine, Saved
    from belonging_cli.journal.conflicts import DraftRecorder
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Assignment, Session


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.command("reflect")(reflect)


def reflect(
    flow: Annotated[
        str | None,
        typer.Option(
            "--flow", help="The flow to run (default: weekly; see `belonging flows list`)."
        ),
    ] = None,
    behaviour: Annotated[
        str | None,
        typer.Option("--behaviour", help="Focus on this behaviour (an id or number 1-10)."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Record the reflection for an earlier day (YYYY-MM-DD)."),
    ] = None,
    resume: Annotated[
        bool | None,
        typer.Option(
            "--resume/--discard",
            help="Resume the unfinished reflection, or discard it, without being asked.",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Answer from a YAML or JSON file, with no prompts.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    answers_template: Annotated[
        bool,
        typer.Option("--answers-template", help="Print a commented answers file to start from."),
    ] = False,
    rubrics: RubricsOption = None,
    flows: FlowsOption = None,
) -> None:
    """Reflect on your week: about ten minutes, saved answer by answer."""
    setup = _setup(flow, behaviour, date, rubrics, flows)
    if answers_template:
        _print_template(setup)
    elif answers is not None:
        _run_scripted(setup, answers, flow_given=flow is not None)
    else:
        _run_interactive(setup, resume)


@dataclass
class Setup:
    config: Config
    rubric: Rubric
    flows: FlowSet
    flow: Flow
    behaviour: str | None
    day: dt.date
    started_at: dt.datetime
    backdated: bool


def _setup(
    flow_id: str | None,
    behaviour: str | None,
    date: str | None,
    rubrics: Path | None,
    flows: Path | None,
) -> Setup:
    from belonging_cli import clock
    from belonging_cli.config import load_config
    from belonging_cli.content.flows import load_flows
    from belonging_cli.content.rubrics import load_rubric

    config = load_config()
    rubric = load_rubric(rubrics or config.rubrics)
    flowset = load_flows(flows)
    if flow_id is None and config.default_flow not in flowset.ids():
        flow_id = flowset.ids()[0]  # a custom folder without the default flow
    flow = flowset.get(flow_id or config.default_flow)
    focus = rubric.get(behaviour).id if behaviour else None
    now = clock.user_now(config)
    day = now.date()
    if date is not None:
        from belonging_cli.limits import day_option

        day = day_option(date, "--date", not_after=now.date()) or day
    started = now if day == now.date() else dt.datetime.combine(day, now.timetz())
    return Setup(config, rubric, flowset, flow, focus, day, started, day != now.date())


def _history(journal: Journal, week: str) -> History:
    from belonging_cli.engine.history import History

    assigned = sorted(
        (a for a in journal.assignments() if a.status == "assigned"),
        key=lambda a: (a.due or dt.date.max, a.imported_at),
    )
    experiments = journal.experiments()
    return History(
        sessions=tuple(journal.sessions()),
        open_experiments=tuple(e for e in experiments if e.status == "open"),
        past_experiments=tuple(experiments),
        assigned_behaviours=tuple(a.behaviour_id for a in assigned),
    )


def _engine(setup: Setup, flow: Flow, history: History, week: str) -> Engine:
    from belonging_cli.engine.session import Engine

    return Engine(
        flow,
        setup.rubric,
        history,
        week,
        setup.day,
        private_by_default=setup.config.private_by_default,
        focus_preset=setup.behaviour,
    )


def _new_session(setup: Setup, flow: Flow, session_id: str | None = None) -> Session:
    import uuid

    from belonging_cli.clock import iso_week
    from belonging_cli.records import Session

    return Session(
        id=session_id or str(uuid.uuid4()),
        flow_id=flow.id,
        rubric_id=setup.rubric.id,
        rubric_version=setup.rubric.version,
        started_at=setup.started_at,
        week=iso_week(setup.day),
    )


# -- answers files ---------------------------------------------------------------


def _print_template(setup: Setup) -> None:
    import sys

    from belonging_cli.clock import iso_week
    from belonging_cli.engine.answers import template
    from belonging_cli.journal.store import open_journal

    week = iso_week(setup.day)
    with open_journal() as journal:
        history = _history(journal, week)
    engine = _engine(setup, setup.flow, history, week)
    sys.stdout.write(template(engine, setup.day, setup.behaviour, dated=setup.backdated))


def _run_scripted(setup: Setup, path: Path, *, flow_given: bool) -> None:
    import uuid

    from belonging_cli import clock
    from belonging_cli.cli.output import info
    from belonging_cli.engine.answers import load_answers, run_answers
    from belonging_cli.errors import ContentError, UsageProblem
    from belonging_cli.journal.store import open_journal

    doc, header = load_answers(path)
    flow = setup.flow
    if header.flow is not None:
        if flow_given and header.flow != setup.flow.id:
            raise UsageProblem(f"--flow {setup.flow.id} but {path} answers the {header.flow} flow")
        flow = setup.flows.get(header.flow)
    if header.date is not None:
        setup = _redate(setup, header.date)
    if header.behaviour is not None:
        setup.behaviour = setup.rubric.get(header.behaviour).id
    session = _new_session(setup, flow)
    with open_journal() as journal:
        engine = _engine(setup, flow, _history(journal, session.week), session.week)
        now = clock.user_now(setup.config)
        problems = run_answers(engine, header.answers, doc, now)
        if problems:
            raise ContentError(problems)
        outcome = engine.outcome(session.id, now, str(uuid.uuid4()))
        journal.save_whole_session(engine.completed(session, now), outcome.all())
        due = _due_exercises(journal, now.date())
    info(f"Saved your {flow.title.lower()} for {session.week}.")
    if due:
        info(_mention(due))  # never asked: a script is answering
    typer.echo(session.id)


def _redate(setup: Setup, day: dt.date) -> Setup:
    import dataclasses

    from belonging_cli import clock
    from belonging_cli.errors import UsageProblem

    now = clock.user_now(setup.config)
    if day > now.date():
        raise UsageProblem(f"date {day} is in the future")
    started = now if day == now.date() else dt.datetime.combine(day, now.timetz())
    return dataclasses.replace(setup, day=day, started_at=started, backdated=day != now.date())


# -- interactive -------------------------------------------------------------------


def _run_interactive(setup: Setup, resume: bool | None) -> None:
    from belonging_cli import ask
    from belonging_cli.errors import BelongingError, UsageProblem
    from belonging_cli.journal.conflicts import DraftRecorder
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
        draft = _pick_draft(journal, resume)
        if draft is not None and draft.flow_id not in setup.flows.ids():
            raise BelongingError(
                f"your unfinished reflection uses the flow {draft.flow_id!r}, "
                f"which is not in {setup.flows.folder}",
                hint="`belonging reflect --discard` starts afresh; --flows DIR finds that flow",
            )
        flow = setup.flows.get(draft.flow_id) if draft else setup.flow
        session = draft or _new_session(setup, flow)
        engine = _engine(setup, flow, _history(journal, session.week), session.week)
        if draft is not None:
            engine.restore(draft)
            left = engine.remaining()
            ask.say(
                f"Picking up your {flow.title.lower()} from {draft.started_at:%a %d %b}: "
                f"about {left} question{'s' if left != 1 else ''} to go."
            )
        elif flow.intro:
            ask.say(" ".join(flow.intro.split()), style="bold")
        recorder = DraftRecorder(
            journal,
            session,
            exists=draft is not None,
            zone=setup.config.zone(),
            resume="belonging reflect",
        )
        _ask_all(engine, recorder)
        if _finish(engine, recorder, flow):
            _offer_exercises(journal, setup)


def _pick_draft(journal: Journal, resume: bool | None) -> Session | None:
    """The unfinished reflection to resume, if any (a discarded one is deleted)."""
    from belonging_cli import ask

    drafts = [d for d in journal.drafts() if d.assignment_id is None]
    if not drafts:
        if resume:
            ask.say("No unfinished reflection to resume: starting a new one.")
        return None
    draft = drafts[0]
    if resume is None:
        answered = len(draft.answers) + len(draft.ratings)
        ask.say(
            f"You have an unfinished {draft.flow_id} reflection from "
            f"{draft.started_at:%a %d %b} ({answered} answers)."
        )
        resume = (
            ask.choose(
                "Resume it?",
                [("resume", "Resume where I left off"), ("discard", "Discard it and start again")],
                default="resume",
            )
            == "resume"
        )
    if resume:
        return draft
    journal.delete_session(draft.id)
    ask.say("Discarded.")
    return None


def _ask_all(engine: Engine, recorder: DraftRecorder) -> None:
    from belonging_cli import ask
    from belonging_cli.errors import Interrupted
    from belonging_cli.journal.conflicts import NotADraft

    section = ""
    try:
        while (question := engine.next_question()) is not None:
            if question.kind == "focus" and engine.focus_preset:
                value: Any = engine.focus_preset
                private = None
            else:
                heading = _section(question.kind)
                if heading and heading != section:
                    ask.say(f"\n{heading}", style="bold")
                section = heading or section
                value, private = ask.ask(question)
            saved = engine.answer(question, value, recorder.now(), private)
            try:
                recorder.save(saved)
            except NotADraft as gone:  # saved or discarded in another terminal meanwhile
                raise recorder.keep(
                    engine.completed(recorder.session, recorder.now()), gone
                ) from None
    except Interrupted:
        if recorder.exists:
            raise Interrupted(
                "interrupted: your answers so far are kept; `belonging reflect` resumes them"
            ) from None
        raise


_SECTIONS = {
    "review": "Last week's experiment",
    "rate": "Pulse: this week, what would people have seen you do?",
    "focus": "Focus",
    "experiment": "Next week",
}


def _section(kind: str) -> str | None:
    return _SECTIONS.get(kind)


def _finish(engine: Engine, recorder: DraftRecorder, flow: Flow) -> bool:
    """Show the summary and save the session if the user agrees; whether it was saved."""
    import uuid

    from belonging_cli import ask
    from belonging_cli.journal.conflicts import NotADraft

    ask.say("\nYour reflection", style="bold")
    for line in engine.summary():
        ask.say(line)
    if not ask.confirm("Save it?", default=True):
        if not recorder.exists:
            recorder.save(_nothing())
        ask.say("Kept as a draft: `belonging reflect` comes back to it.")
        return False
    now = recorder.now()
    outcome = engine.outcome(recorder.session.id, now, str(uuid.uuid4()))
    completed = engine.completed(recorder.session, now)
    try:
        recorder.journal.save_whole_session(completed, outcome.all())
    except NotADraft as gone:  # the other terminal saved it first: one reflection, not two
        raise recorder.keep(completed, gone) from None
    if flow.outro:
        ask.say(" ".join(flow.outro.split()))
    if outcome.new is not None:
        ask.say(f"Next week: {outcome.new.title}.")
    return True


# -- a coach's exercises, after the reflection ---------------------------------------

NOT_NOW = "not now"  # never an exercise id: those are `pack/exercise`
OFFERED = 5  # exercises to choose from; the rest are in `belonging exercises list`


def _due_exercises(journal: Journal, today: dt.date) -> list[Assignment]:
    """A coach's exercises overdue or due within the week (or undated), most pressing first."""
    from belonging_cli.coaching.progress import open_assignments

    soon = today + dt.timedelta(days=7)
    return [
        a for a in open_assignments(journal.assignments(), today) if a.due is None or a.due <= soon
    ]


def _when(assignment: Assignment) -> str:
    return f" (due {assignment.due:%a %d %b})" if assignment.due else ""


def _mention(due: list[Assignment]) -> str:
    """One line: how many exercises are due, and the command for the most pressing."""
    first = due[0]
    more = f" and {len(due) - 1} more" if len(due) > 1 else ""
    return (
        f"From your coach: {first.title}{_when(first)}{more}: `belonging exercises do {first.id}`"
    )


def _offer_exercises(journal: Journal, setup: Setup) -> None:
    """Offer to do a due exercise now, just as `belonging exercises do ID` would."""
    from belonging_cli import ask, clock
    from belonging_cli.cli.exercises import do_exercise
    from belonging_cli.errors import Interrupted

    due = _due_exercises(journal, clock.user_now(setup.config).date())
    if not due:
        return
    choices = [(a.id, f"{a.title}{_when(a)}") for a in due[:OFFERED]]
    ask.say(f"\n{_mention(due)}")
    try:
        picked = ask.choose("Do one now?", [*choices, (NOT_NOW, "Not now")], default=NOT_NOW)
    except Interrupted:
        picked = NOT_NOW  # the reflection is saved: leaving here is "not now"
    chosen = next((a for a in due if a.id == picked), None)
    if chosen is not None:
        ask.say("")
        do_exercise(journal, chosen, setup.rubric, setup.config)


def _nothing() -> Saved:
    from belonging_cli.engine.session import Saved

    return Saved()
