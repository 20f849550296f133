"""`belonging feedback`: a round of 360 feedback from plain files (docs/feedback.md).

`request` and `collect` (the form and the collector's anonymous aggregate) and
`import` (the leader stores the aggregate as a round: cli/feedback_import.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from belonging_cli.cli.feedback_import import import_round
from belonging_cli.cli.options import InOrder, pass_settings, rubrics_option
from belonging_cli.cli.output import info
from belonging_cli.errors import BelongingError, ContentError, Problem
from belonging_cli.files import write_private
from belonging_cli.settings import Settings

FORM_NAME = "feedback-form.txt"
NOTE_NAME = "collector-note.txt"


@click.group(
    "feedback",
    cls=InOrder,
    no_args_is_help=True,
    help="Others' view: ask for feedback, collect it anonymously, import the round.",
)
def feedback() -> None:
    pass


def _default_ids(settings: Settings) -> set[str]:
    """The person's focus: recent weekly focuses, open experiments, a coach's exercises."""
    from belonging_cli.journal.status_queries import read_status_inputs

    facts = read_status_inputs(settings.journal_path, settings.config.default_flow)
    ids = {s.focus_behaviour_id for s in facts.flow_sessions if s.focus_behaviour_id}
    ids |= {e.behaviour_id for e in facts.open_experiments}
    ids |= {a.behaviour_id for a in facts.assignments}
    return ids


@feedback.command("request")
@click.option(
    "--behaviours",
    "chosen",
    multiple=True,
    metavar="ID",
    help="A behaviour to ask about, by id or number (repeat, or separate by commas; "
    "default: your focus behaviours, else all ten).",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help=f"Write {FORM_NAME} and {NOTE_NAME} into this folder.",
)
@rubrics_option
@pass_settings
def request(settings: Settings, chosen: tuple[str, ...], out: Path, rubrics: Path | None) -> None:
    """Write the rater form and a note for the person who collects the replies."""
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.feedback.form import Round, behaviours_of, collector_note, form_text

    settings = settings.with_folders(rubrics=rubrics)
    rubric = load_rubric(settings.rubrics)
    if chosen:
        refs = [ref for option in chosen for ref in option.split(",") if ref.strip()]
        ids = {rubric.get(ref).id for ref in refs}
    else:
        ids = _default_ids(settings) & set(rubric.ids()) or set(rubric.ids())
    leader = settings.config.name
    if not leader:
        raise BelongingError(
            "the form is in your name, and none is set",
            hint='set it with `belonging config set name "Your Name"`',
        )
    round_ = Round(rubric.id, rubric.version, settings.now().date(), leader)
    asked = [b for b in behaviours_of(rubric) if b.id in ids]
    form, note = out / FORM_NAME, out / NOTE_NAME
    for path in (form, note):
        if path.exists():
            raise BelongingError(f"{path} exists", hint="choose another --out, or remove it")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BelongingError(f"cannot make {out}: {exc.strerror or exc}") from None
    write_private(form, [form_text(round_, asked)])
    write_private(note, [collector_note(round_, FORM_NAME)])
    info(f"Wrote {form} ({len(asked)} behaviours) and {note}: send the note and the form")
    info("to the person who will collect the replies (not you: that keeps raters anonymous).")


@feedback.command("collect")
@click.argument("forms", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write the aggregate (JSON) here.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Collect even when this differs from an earlier collect by one or two forms.",
)
@rubrics_option
@pass_settings
def collect(
    settings: Settings, forms: tuple[Path, ...], out: Path, force: bool, rubrics: Path | None
) -> None:
    """Make the anonymous aggregate of filled forms (for the collector, not the leader)."""
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.feedback import state
    from belonging_cli.feedback.collect import aggregate, count, too_few
    from belonging_cli.feedback.form import behaviours_of, item_kinds
    from belonging_cli.feedback.parse import Filled, read_form

    rubric = load_rubric(settings.with_folders(rubrics=rubrics).rubrics)
    behaviours = behaviours_of(rubric)
    kinds = item_kinds(behaviours)
    problems: list[Problem] = []
    read: list[Filled] = []
    for path in dict.fromkeys(forms):  # a form named twice is one rater
        try:
            filled = read_form(path, kinds)
        except ContentError as exc:
            problems += exc.problems
            continue
        if read and filled.round != read[0].round:
            line, column = filled.round_place
            message = "a form of another round (leader, rubric or date differ): left out"
            problems.append(Problem(str(path), line, column, "", message))
            continue
        read.append(filled)
    if not read:
        raise ContentError(problems)
    round_ = read[0].round
    if (round_.rubric_id, round_.rubric_version) != (rubric.id, rubric.version):
        raise BelongingError(
            f"the forms ask about rubric {round_.rubric_id} {round_.rubric_version}, "
            f"not {rubric.id} {rubric.version}",
            hint="pass --rubrics FOLDER holding the leader's rubric",
        )
    counted = count(read)
    problem = too_few(counted)
    if problem is not None:
        for skipped in ContentError(problems).lines() if problems else []:
            info(skipped)
        raise problem
    memory = state.load(state.state_path(out))
    counted_forms = [form for _, form in counted.forms]
    differ = state.revealing(memory, round_, counted_forms)
    if differ and not force:
        raise BelongingError(
            f"this collect differs from an earlier one of the same round by {differ} "
            f"form{'' if differ == 1 else 's'}: comparing the two aggregates would reveal "
            f"{'that rater' if differ == 1 else 'those raters'}",
            hint="collect the same forms, or 3 or more changed; --force to collect anyway",
        )
    result = aggregate(counted, round_, behaviours, settings.now().date())
    write_private(out, [json.dumps(result, indent=2, ensure_ascii=False) + "\n"])
    state.record(memory, round_, counted_forms)
    groups = ", ".join(f"{g} {n}" for g, n in counted.groups.items())
    info(f"Wrote {out}: {len(counted.forms)} raters ({groups}).")
    if counted.left_out:
        info(
            f"{counted.left_out} form{'' if counted.left_out == 1 else 's'} left out: "
            "groups with fewer than 3 raters even merged into 'others'."
        )
    if problems:
        info(f"{len({p.path for p in problems})} form(s) could not be read and were skipped:")
        raise ContentError(problems)


feedback.add_command(import_round)
