"""`belonging exercises ...`: the exercises a coach sent, imported from a pack and done here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from belonging_cli.cli.typer_options import JsonOption, RubricsOption

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.config import Config
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Assignment

app = typer.Typer(
    help="Exercises from your coach: import a pack, see what is due, do one.",
    no_args_is_help=True,
)

IdArgument = Annotated[
    str,
    typer.Argument(
        help="The exercise: pack/exercise, or the exercise id alone when unique.", metavar="ID"
    ),
]


def register(main: typer.Typer) -> None:
    """Add `belonging exercises` to the main app."""
    main.add_typer(app, name="exercises")


def _today() -> dt.date:
    from belonging_cli import clock

    return clock.user_now().date()


@app.command("import")
def import_pack(
    pack_file: Annotated[
        Path, typer.Argument(help="The pack file (YAML) from your coach.", metavar="PACK")
    ],
    rubrics: RubricsOption = None,
) -> None:
    """Import a coach's pack; importing a newer version updates it and keeps your answers."""
    from belonging_cli import clock
    from belonging_cli.cli.output import info
    from belonging_cli.coaching.importing import plan_import
    from belonging_cli.content.packs import load_pack
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.journal.store import open_journal

    pack = load_pack(pack_file, load_rubric(rubrics))
    with open_journal() as journal:
        plan = plan_import(pack, journal.assignments(), clock.user_now())
        journal.upsert_assignments(plan.writes)  # one transaction: a pack lands whole or not
    info(plan.summary())
    for record in plan.writes:
        if record.id in plan.added:
            due = f", due {record.due.isoformat()}" if record.due else ""
            info(f"  new: {record.id}  {record.title}{due}")
    if plan.writes:
        info(f"from {pack.coach.name}; see them with `belonging exercises list`")


def _row(a: Assignment, today: dt.date) -> dict[str, Any]:
    from belonging_cli.coaching.progress import state

    return {
        "id": a.id,
        "title": a.title,
        "behaviour_id": a.behaviour_id,
        "state": state(a, today),
        "due": a.due.isoformat() if a.due else None,
        "cadence_weeks": a.cadence_weeks,
        "times_done": a.times_done,
        "minutes": a.minutes,
        "coach": a.coach,
        "pack_id": a.pack_id,
        "pack_version": a.pack_version,
        "completed_at": a.completed_at.isoformat() if a.completed_at else None,
    }


@app.command("list")
def list_exercises(
    show_all: Annotated[
        bool, typer.Option("--all", "-a", help="Include done, dropped and withdrawn ones.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """List your exercises: overdue and due first, with due dates."""
    from belonging_cli.coaching.progress import sort_for_listing, state
    from belonging_cli.journal.store import open_journal

    today = _today()
    with open_journal() as journal:
        items = sort_for_listing(journal.assignments(), today)
    if not show_all and not as_json:
        items = [a for a in items if state(a, today) in ("due", "overdue")] or items
    if as_json:
        from belonging_cli.cli.output import print_json

        print_json({"exercises": [_row(a, today) for a in items]})
        return
    from belonging_cli.cli.output import console

    if not items:
        console().print(
            "No exercises yet. When your coach sends a pack: `belonging exercises import FILE`."
        )
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Exercises from your coach", title_justify="left")
    table.add_column("id", no_wrap=True, min_width=12)  # typed back: keep it whole
    table.add_column("title", ratio=1)  # the behaviour is in `show` and --json
    for column in ("state", "due", "done"):
        table.add_column(column, no_wrap=True)
    for a in items:
        current = state(a, today)
        shown = f"[bold red]{current}[/]" if current == "overdue" else current
        done = f"{a.times_done}/{a.cadence_weeks}"
        due = a.due.isoformat() if a.due else "-"
        table.add_row(escape(a.id), escape(a.title), shown, due, done)
    console().print(table)


def _when(day: dt.date | None, today: dt.date) -> str:
    """A due day with how far off it is: "2026-12-04 (in 3 days)", "(2 days ago)"."""
    if day is None:
        return "no date"
    days = (day - today).days
    if days == 0:
        return f"{day.isoformat()} (today)"
    count = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
    return f"{day.isoformat()} ({'in ' + count if days > 0 else count + ' ago'})"


@app.command("show")
def show(exercise: IdArgument, as_json: JsonOption = False) -> None:
    """Show one exercise: instructions, questions, due date and how often."""
    import json

    from belonging_cli.coaching.progress import resolve
    from belonging_cli.journal.store import open_journal

    today = _today()
    with open_journal() as journal:
        found = resolve(exercise, journal.assignments())
    questions = json.loads(found.questions_json)
    if as_json:
        from belonging_cli.cli.output import print_json

        print_json(
            {**_row(found, today), "instructions": found.instructions, "questions": questions}
        )
        return
    from rich.markup import escape

    from belonging_cli.cli.output import console
    from belonging_cli.coaching.progress import state

    out = console()
    row = _row(found, today)
    out.print(f"[bold]{escape(found.title)}[/bold]  [dim]({escape(found.id)})[/dim]")
    how_often = "once" if found.cadence_weeks == 1 else f"weekly for {found.cadence_weeks} weeks"
    facts = [
        f"behaviour: {found.behaviour_id}",
        f"state: {state(found, today)}",
        f"due: {_when(found.due, today) if found.status == 'assigned' else row['due'] or '-'}",
        f"{how_often}, done {found.times_done}",
    ]
    if found.minutes:
        facts.append(f"about {found.minutes} min")
    if found.coach:
        facts.append(f"from {found.coach}")
    out.print(escape(" · ".join(facts)))
    out.print(f"\n{escape(found.instructions)}\n")
    out.print("[bold]Questions[/bold]")
    for q in questions:
        text = q.get("question") or q.get("text") or q.get("id")
        out.print(f"  • {escape(str(text))} [dim]({escape(str(q.get('kind')))})[/dim]")
    if found.status == "assigned":
        out.print(f"\nDo it: belonging exercises do {escape(found.id)}")


@app.command("drop")
def drop(exercise: IdArgument) -> None:
    """Drop an exercise you will not do; your answers so far are kept."""
    from dataclasses import replace

    from belonging_cli.cli.output import info
    from belonging_cli.coaching.progress import resolve
    from belonging_cli.errors import BelongingError
    from belonging_cli.journal.store import open_journal

    with open_journal() as journal:
        found = resolve(exercise, journal.assignments())
        if found.status != "assigned":
            raise BelongingError(f"{found.id} is already {found.status}; nothing to drop")
        journal.upsert_assignment(replace(found, status="dropped"))
    info(f"dropped {found.id}; importing a newer version of the pack will not bring it back")


@app.command("do")
def do(
    exercise: IdArgument,
    restart: Annotated[
        bool,
        typer.Option("--restart", help="Discard an unfinished attempt and start again."),
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Answer from a YAML or JSON file, with no prompts (checked in full first).",
            dir_okay=False,
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
    answers_template: Annotated[
        bool,
        typer.Option("--answers-template", help="Print a commented answers file to start from."),
    ] = False,
    rubrics: RubricsOption = None,
) -> None:
    """Answer an exercise's questions; each answer is saved at once, Ctrl-C keeps a draft."""
    from belonging_cli import ask
    from belonging_cli.coaching.progress import resolve
    from belonging_cli.config import load_config
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.errors import UsageProblem
    from belonging_cli.journal.store import open_journal

    scripted = answers is not None or answers_template
    if not scripted and not ask.terminal_available():
        raise UsageProblem(
            "standard input is not a terminal: `exercises do` asks questions "
            "(or answer from a file: --answers FILE, from --answers-template)"
        )
    config = load_config()
    rubric = load_rubric(rubrics or config.rubrics)
    with open_journal() as journal:
        assignment = resolve(exercise, journal.assignments())
        if answers_template:
            _print_template(journal, assignment, rubric, config)
        elif answers is not None:
            _answer_from_file(journal, assignment, rubric, config, answers, restart=restart)
        else:
            do_exercise(journal, assignment, rubric, config, restart=restart)


def _require_open(assignment: Assignment) -> None:
    from belonging_cli.errors import BelongingError

    if assignment.status != "assigned":
        raise BelongingError(
            f"{assignment.id} is {assignment.status}; nothing to do",
            hint="see `belonging exercises list`",
        )


def _print_template(
    journal: Journal, assignment: Assignment, rubric: Rubric, config: Config
) -> None:
    import sys

    from belonging_cli import clock
    from belonging_cli.coaching.doing import ExerciseRun
    from belonging_cli.engine.answers import template

    _require_open(assignment)
    now = clock.user_now(config)
    run = ExerciseRun.fresh(journal, assignment, rubric, now, config.private_by_default)
    sys.stdout.write(template(run.engine, now.date(), exercise=assignment.id))


def _answer_from_file(
    journal: Journal,
    assignment: Assignment,
    rubric: Rubric,
    config: Config,
    path: Path,
    *,
    restart: bool,
) -> None:
    """Every answer checked first (`file:line:col` problems), then saved done at once."""
    from belonging_cli import clock
    from belonging_cli.cli.output import info
    from belonging_cli.coaching.doing import ExerciseRun, find_draft, progress_note
    from belonging_cli.engine.answers import load_answers, run_answers
    from belonging_cli.errors import ContentError, UsageProblem

    _require_open(assignment)
    doc, header = load_answers(path)
    problems = [
        doc.problem(
            (key,), "not used for an exercise: it fixes the flow, behaviour and day", key=True
        )
        for key in ("flow", "date", "behaviour")
        if getattr(header, key) is not None
    ]
    draft = find_draft(journal, assignment)
    if draft is not None and not restart:
        raise UsageProblem(
            f"{assignment.id} has an unfinished attempt from {draft.started_at:%a %d %b}: "
            f"finish it with `belonging exercises do {assignment.id}`, or add --restart "
            "to replace it with this file's answers"
        )
    now = clock.user_now(config)
    run = ExerciseRun.fresh(
        journal, assignment, rubric, now, config.private_by_default, replacing=draft
    )
    problems += run_answers(run.engine, header.answers, doc, now)
    if problems:
        raise ContentError(problems)
    info(progress_note(run.complete(now)))
    typer.echo(run.session.id)


def do_exercise(
    journal: Journal,
    assignment: Assignment,
    rubric: Rubric,
    config: Config,
    *,
    restart: bool = False,
) -> None:
    """Ask an exercise's questions at the terminal, then save it done (or keep a draft).

    `exercises do` and the offer after the weekly reflection both come here.
    """
    from belonging_cli import ask, clock
    from belonging_cli.coaching.doing import ExerciseRun, progress_note

    _require_open(assignment)
    run = ExerciseRun.start(
        journal, assignment, rubric, clock.user_now(config), config.private_by_default, restart
    )
    if run.resumed:
        ask.say(f"Picking up {assignment.title!r} where you left off.")
    else:
        ask.say(assignment.title, style="bold")
        ask.say(" ".join(assignment.instructions.split()))
    run.ask_all()
    ask.say("\nYour answers", style="bold")
    for line in run.engine.summary():
        ask.say(line)
    if not ask.confirm("Save it?", default=True):
        ask.say("Kept as a draft: `belonging exercises do` comes back to it.")
        return
    ask.say(progress_note(run.complete(clock.user_now(config))))
