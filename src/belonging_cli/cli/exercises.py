"""`belonging exercises ...`: the exercises a coach sent, imported from a pack and done here.

Listing and showing read the journal only; importing and doing read YAML, so
pydantic (and rich, for the tables) is imported in those commands, not here; so are
the journal store and the terminal's questions, so `exercises --help` costs only
the options (issue 12's start-up target).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from belonging_cli.cli.options import (
    InOrder,
    answers_option,
    answers_template_option,
    json_option,
    pass_settings,
    rubrics_option,
)
from belonging_cli.cli.output import console, info, print_json
from belonging_cli.coaching.progress import resolve, sort_for_listing, state
from belonging_cli.errors import BelongingError, UsageProblem
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from belonging_cli.content.packs import Pack
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Assignment


def _journal(settings: Settings) -> AbstractContextManager[Journal]:
    from belonging_cli.journal.store import open_journal

    return open_journal(settings.journal_path)


@click.group(
    "exercises",
    cls=InOrder,
    no_args_is_help=True,
    help="Exercises from your coach: import a pack, see what is due, do one.\n\n"
    "An exercise ID is pack/exercise, or the exercise id alone when unique.",
)
def exercises() -> None:
    pass


id_argument = click.argument("exercise", metavar="ID")


@exercises.command("import")
@click.argument("pack_file", type=click.Path(path_type=Path), metavar="PACK")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Show what importing would add, change (due dates included) and withdraw; write nothing.",
)
@rubrics_option
@pass_settings
def import_pack(settings: Settings, pack_file: Path, rubrics: Path | None, dry_run: bool) -> None:
    """Import a coach's pack; importing a newer version updates it and keeps your answers.

    PACK is the YAML file your coach sent.
    """
    from belonging_cli.content.packs import load_pack
    from belonging_cli.content.rubrics import load_rubric

    rubric = load_rubric(settings.with_folders(rubrics=rubrics).rubrics)
    pack = load_pack(pack_file, rubric, settings.now().date(), lambda p: info(str(p)))
    with _journal(settings) as journal:
        from belonging_cli.coaching.doing import find_draft
        from belonging_cli.coaching.exercise_view import earlier_answers, earlier_note
        from belonging_cli.coaching.importing import kept_line, plan_import

        plan = plan_import(pack, journal.assignments(), settings.now())
        # A draft answer to a question this version renamed or removed: kept, and said.
        earlier = [
            (a.id, len(found))
            for a in plan.writes
            if a.id in plan.updated and (found := earlier_answers(find_draft(journal, a), a))
        ]
        if dry_run:
            info(plan.summary(dry_run=True))
        else:
            journal.upsert_assignments(plan.writes)  # one transaction: lands whole or not
            info(plan.summary())
        if pack.goals and not dry_run:
            from belonging_cli.cli.goals import import_pack_goals

            import_pack_goals(settings, journal, pack, rubric)
    for record in plan.writes:
        if record.id in plan.added:
            due = f", due {record.due.isoformat()}" if record.due else ""
            info(f"  add: {record.id}  {record.title}{due}")  # the dry run's words too
    for key, noticed in plan.changes:
        info(f"  change: {key}  {noticed}")
    for key, count in earlier:
        info(earlier_note(count, key))
    for key in plan.withdrawn:
        info(f"  withdraw: {key}")
    for key, status in plan.kept:
        info(kept_line(key, status))
    if dry_run:
        info("dry run: nothing written; import without --dry-run to apply it")
    elif plan.writes:
        _about_pack(pack)


def _about_pack(pack: Pack) -> None:
    """Who the exercises are from and the coach's own words, as the client first sees them."""
    from belonging_cli.coaching.exercise_view import sender

    who = sender(pack.coach.name, pack.coach.contact, pack.client)
    info(f"{who}; see them with `belonging exercises list`")
    if pack.description:
        info(" ".join(pack.description.split()))


def _row(a: Assignment, today: dt.date) -> dict[str, Any]:
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


@exercises.command("list")
@click.option(
    "--all", "-a", "show_all", is_flag=True, help="Include done, dropped and withdrawn ones."
)
@json_option
@pass_settings
def list_exercises(settings: Settings, show_all: bool, as_json: bool) -> None:
    """List your exercises: overdue and due first, with due dates."""
    today = settings.now().date()
    with _journal(settings) as journal:
        items = sort_for_listing(journal.assignments(), today)
    if not show_all and not as_json:
        items = [a for a in items if state(a, today) in ("due", "overdue")] or items
    if as_json:
        print_json({"exercises": [_row(a, today) for a in items]})
        return
    if not items:
        console().print(
            "No exercises yet. When your coach sends a pack: `belonging exercises import FILE`."
        )
        return
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    # The title is what a person reads, the id under it what they type back (never
    # split: it is one word); no column borders, so at 60 columns both still fit.
    table = Table(title="Exercises from your coach", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("exercise", ratio=1, min_width=20)  # the behaviour: `show`, --json
    for column in ("state", "due", "done"):
        table.add_column(column, no_wrap=True)
    for a in items:
        current = state(a, today)
        shown = f"[bold red]{current}[/]" if current == "overdue" else current
        done = f"{a.times_done}/{a.cadence_weeks}"
        due = a.due.isoformat() if a.due else "-"
        table.add_row(f"{escape(a.title)}\n[dim]{escape(a.id)}[/]", shown, due, done)
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


@exercises.command("show")
@id_argument
@json_option
@pass_settings
def show(settings: Settings, exercise: str, as_json: bool) -> None:
    """Show one exercise: instructions, questions, due date and how often."""
    today = settings.now().date()
    from belonging_cli.coaching.doing import find_draft
    from belonging_cli.coaching.exercise_view import (
        EARLIER,
        PRIVATE,
        SHARED,
        earlier_answers,
        from_line,
        question_lines,
    )
    from belonging_cli.coaching.importing import OUT_OF_PACK, out_of_pack

    with _journal(settings) as journal:
        stored = journal.assignments()
        found = resolve(exercise, stored)
        kept = earlier_answers(find_draft(journal, found), found)

    questions = json.loads(found.questions_json)
    row = {**_row(found, today), "withdrawn_from_pack": found.id in out_of_pack(stored)}
    lines = question_lines(questions, found.behaviour_id, settings.config.private_by_default)
    if as_json:
        shown = [{**q, "private": p} for q, (_, p) in zip(questions, lines, strict=True)]
        about = {
            "description": found.pack_description,
            "coach_contact": found.coach_contact,
            "client": found.client,
        }
        print_json({**row, **about, "instructions": found.instructions, "questions": shown})
        return
    from rich.markup import escape

    out = console()
    out.print(f"[bold]{escape(found.title)}[/bold]  [dim]({escape(found.id)})[/dim]")
    how_often = "once" if found.cadence_weeks == 1 else f"weekly for {found.cadence_weeks} weeks"
    # Done or dropped, and no longer in the pack: its state says the first, this the second.
    note = f" ({OUT_OF_PACK})" if row["withdrawn_from_pack"] and found.status != "withdrawn" else ""
    facts = [
        f"behaviour: {found.behaviour_id}",
        f"state: {state(found, today)}{note}",
        f"due: {_when(found.due, today) if found.status == 'assigned' else row['due'] or '-'}",
        f"{how_often}, done {found.times_done}",
    ]
    if found.minutes:
        facts.append(f"about {found.minutes} min")
    out.print(escape(" · ".join(facts)))
    sender = from_line(found)
    if sender:
        out.print(escape(sender))
    if found.pack_description:
        out.print(f"[italic]{escape(found.pack_description)}[/italic]")
    out.print(f"\n{escape(found.instructions)}\n")
    out.print("[bold]Questions[/bold]")
    for text, private in lines:
        out.print(f"  • {escape(text)} [dim]({PRIVATE if private else SHARED})[/dim]")
    if kept:
        out.print("\n[bold]Already written[/bold]")
        for answer in kept:
            out.print(f"  • {escape(str(answer.value))} [dim]({EARLIER})[/dim]")
    if found.status == "assigned":
        out.print(f"\nDo it: belonging exercises do {escape(found.id)}")


@exercises.command("drop")
@id_argument
@click.option(
    "--reason",
    metavar="TEXT",
    help="Why, in a line, for your coach (asked at a terminal when not given; optional).",
)
@pass_settings
def drop(settings: Settings, exercise: str, reason: str | None) -> None:
    """Drop an exercise you will not do; your answers so far are kept.

    The reason travels in your shared report, so your coach sees why.
    """
    from belonging_cli.coaching.drop_reason import ask_reason, clean_reason

    with _journal(settings) as journal:
        found = resolve(exercise, journal.assignments())
        if found.status != "assigned":
            raise BelongingError(f"{found.id} is already {found.status}; nothing to drop")
        # Checked before anything is asked or written: a bad --reason changes nothing.
        given = clean_reason(reason) if reason is not None else ask_reason(found.title)
        journal.upsert_assignment(replace(found, status="dropped", drop_reason=given))
    info(f"dropped {found.id}; importing a newer version of the pack will not bring it back")


@exercises.command("do")
@id_argument
@click.option("--restart", is_flag=True, help="Discard an unfinished attempt and start again.")
@answers_option
@answers_template_option
@rubrics_option
@pass_settings
def do(
    settings: Settings,
    exercise: str,
    restart: bool,
    answers: Path | None,
    answers_template: bool,
    rubrics: Path | None,
) -> None:
    """Answer an exercise's questions; each answer is saved at once, Ctrl-C keeps a draft."""
    from belonging_cli.content.rubrics import load_rubric

    scripted = answers is not None or answers_template
    from belonging_cli import ask

    if not scripted and not ask.terminal_available():
        raise UsageProblem(
            "standard input is not a terminal: `exercises do` asks questions "
            "(or answer from a file: --answers FILE, from --answers-template)"
        )
    from belonging_cli.cli.exercises_do import answer_from_file, do_exercise, print_template

    settings = settings.with_folders(rubrics=rubrics)
    rubric = load_rubric(settings.rubrics)
    with _journal(settings) as journal:
        assignment = resolve(exercise, journal.assignments())
        if answers_template:
            print_template(journal, assignment, rubric, settings)
        elif answers is not None:
            answer_from_file(journal, assignment, rubric, settings, answers, restart=restart)
        else:
            do_exercise(journal, assignment, rubric, settings.config, restart=restart)
