"""Doing one exercise: at the terminal (`exercises do`, and the offer after the weekly
reflection), from an answers file, or its answers template printed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from belonging_cli import clock
from belonging_cli.cli.output import info
from belonging_cli.errors import BelongingError, ContentError, UsageProblem
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    from belonging_cli.config import Config
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Assignment


def _require_open(assignment: Assignment) -> None:
    if assignment.status != "assigned":
        raise BelongingError(
            f"{assignment.id} is {assignment.status}; nothing to do",
            hint="see `belonging exercises list`",
        )


def print_template(
    journal: Journal, assignment: Assignment, rubric: Rubric, settings: Settings
) -> None:
    from belonging_cli.coaching.doing import exercise_sitting
    from belonging_cli.engine.sources import template

    _require_open(assignment)
    now = settings.now()
    private = settings.config.private_by_default
    sitting = exercise_sitting(journal, assignment, rubric, now, private, scripted=True)
    sys.stdout.write(template(sitting.engine, now.date(), exercise=assignment.id))


def answer_from_file(
    journal: Journal,
    assignment: Assignment,
    rubric: Rubric,
    settings: Settings,
    path: Path,
    *,
    restart: bool,
) -> None:
    """Every answer checked first (`file:line:col` problems), then saved done at once."""
    from belonging_cli.coaching.doing import complete, exercise_sitting, find_draft, progress_note
    from belonging_cli.engine.answers import load_answers
    from belonging_cli.engine.sources import FromMapping

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
        from belonging_cli.drafts import day

        raise UsageProblem(
            f"{assignment.id} has an unfinished attempt from {day(draft.started_at.date())}: "
            f"finish it with `belonging exercises do {assignment.id}`, or add --restart "
            "to replace it with this file's answers"
        )
    now = settings.now()
    private = settings.config.private_by_default
    sitting = exercise_sitting(journal, assignment, rubric, now, private, scripted=True)
    source = FromMapping(sitting.engine, header.answers, doc)
    sitting.run(source, at=now)
    problems += source.problems()
    if problems:
        raise ContentError(problems)
    info(progress_note(assignment, complete(sitting, assignment, now)))
    click.echo(sitting.session.id)


def do_exercise(
    journal: Journal,
    assignment: Assignment,
    rubric: Rubric,
    config: Config,
    *,
    restart: bool = False,
) -> None:
    """Ask an exercise's questions at the terminal, then save it done (or keep a draft).

    `exercises do` and the offer after the weekly reflection both come here, with the
    run's settings (`settings.config`): the zone dates the answers, and
    private_by_default marks them.
    """
    from belonging_cli import ask
    from belonging_cli.coaching.doing import complete, exercise_sitting, progress_note
    from belonging_cli.engine.review_screen import review
    from belonging_cli.engine.sources import Terminal

    _require_open(assignment)
    sitting = exercise_sitting(
        journal,
        assignment,
        rubric,
        clock.user_now(config),
        config.private_by_default,
        restart=restart,
    )
    if sitting.resumed:
        ask.say(f"Picking up {assignment.title!r} where you left off.")
    else:
        ask.say(assignment.title, style="bold")
        ask.say(" ".join(assignment.instructions.split()))
    terminal = Terminal()
    sitting.run(terminal)
    if not review(sitting, terminal, "Your answers"):
        ask.say("Kept as a draft: `belonging exercises do` comes back to it.")
        return
    ask.say(progress_note(assignment, complete(sitting, assignment, clock.user_now(config))))
