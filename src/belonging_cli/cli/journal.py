"""`belonging journal ...`: browse, search, edit, export and safeguard your reflections."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from belonging_cli.cli.typer_options import JsonOption, OutOption
from belonging_cli.limits import MAX_INT, day_option

if TYPE_CHECKING:
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Session

app = typer.Typer(
    help="Your journal of reflections: list, show, search, edit, export, back up.",
    no_args_is_help=True,
)


IdArgument = Annotated[
    str, typer.Argument(help="A session id, or enough of its start to be unique.")
]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
SinceOption = Annotated[
    str | None,
    typer.Option(
        metavar="YYYY-MM-DD",
        show_default=False,
        help="Only sessions on or after this day.",
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        metavar="YYYY-MM-DD",
        show_default=False,
        help="Only sessions on or before this day.",
    ),
]


class ExportFormat(str, Enum):
    json = "json"
    md = "md"


def register(app_: typer.Typer) -> None:
    """Add `belonging journal` to the main app."""
    app_.add_typer(app, name="journal")


def _open() -> Journal:
    from belonging_cli.journal.store import Journal

    return Journal.open()


def _info(message: str) -> None:
    from belonging_cli.cli.output import info

    info(message)


def _confirm(question: str, yes: bool) -> bool:
    """Ask only a person at a terminal; scripts must say --yes."""
    if yes:
        return True
    if not sys.stdin.isatty():
        from belonging_cli.errors import UsageProblem

        raise UsageProblem(f"{question} Not asking: input is not a terminal; add --yes to proceed")
    return typer.confirm(question, default=False)


@app.command("path")
def path_command() -> None:
    """Print the journal file in use (--home, $BELONGING_HOME or the data folder)."""
    from belonging_cli import paths

    typer.echo(str(paths.journal_path()))


def _day(s: Session) -> str:
    return s.started_at.date().isoformat()


@app.command("list")
def list_sessions(
    since: SinceOption = None,
    until: UntilOption = None,
    behaviour: Annotated[
        str | None,
        typer.Option(help="Sessions focused on (or answering about) this behaviour: id or number."),
    ] = None,
    tag: Annotated[str | None, typer.Option(help="Sessions with this tag.")] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, max=MAX_INT, help="At most this many.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List sessions, newest first: date, id, flow, focus, average rating, tags, status."""
    if behaviour is not None:
        behaviour = _behaviour_id(behaviour)
    with _open() as journal:
        found = journal.summaries(
            since=day_option(since, "--since"),
            until=day_option(until, "--until"),
            behaviour=behaviour,
            tag=tag,
            status=None,
            limit=limit,
        )
        filtered = any(x is not None for x in (since, until, behaviour, tag))
        empty = not found and (not filtered or journal.count_sessions() == 0)
    from belonging_cli.journal.listing import render

    sys.stdout.write(render(found, as_json=as_json, empty_journal=empty))


@app.command("show")
def show(session_id: IdArgument, as_json: JsonOption = False) -> None:
    """Show one session in full: ratings, answers, experiments set and reviewed."""
    with _open() as journal:
        session = journal.session(session_id)
        made, reviewed = journal.session_experiments(session.id)
    if as_json:
        from belonging_cli.cli.output import print_json
        from belonging_cli.journal.exchange import session_dict, to_document
        from belonging_cli.records import JournalData

        experiments = to_document(JournalData(experiments=tuple(made)))["experiments"]
        reviews = to_document(JournalData(experiments=tuple(reviewed)))["experiments"]
        print_json(
            {
                **session_dict(session),
                "experiments_set": experiments,
                "experiments_reviewed": reviews,
            }
        )
        return
    from belonging_cli.journal.exchange import export_markdown
    from belonging_cli.records import JournalData

    text = export_markdown(
        titles=_behaviour_titles(),
        data=JournalData(
            sessions=(session,), experiments=tuple({e.id: e for e in made + reviewed}.values())
        ),
    )
    from rich.markdown import Markdown

    from belonging_cli.cli.output import console

    body = text.split("\n", 2)[2]  # without the document title
    console().print(Markdown(body))


@app.command("search")
def search(
    text: Annotated[str, typer.Argument(help="Words to look for (case does not matter).")],
    as_json: JsonOption = False,
) -> None:
    """Find sessions whose answers (or rating notes) contain TEXT; show the matching lines."""
    needle = text.casefold().strip()
    if not needle:
        from belonging_cli.errors import UsageProblem

        raise UsageProblem("give some text to search for")
    with _open() as journal:
        sessions = journal.sessions(status=None)
    hits: list[dict[str, Any]] = []
    for s in sessions:
        for where, line in _lines(s):
            if needle in line.casefold():
                hits.append({"id": s.id, "date": _day(s), "where": where, "line": line.strip()})
    if as_json:
        from belonging_cli.cli.output import print_json

        print_json(hits)
        return
    if not sessions:
        from belonging_cli.journal.listing import EMPTY_MESSAGE

        typer.echo(EMPTY_MESSAGE)
        return
    if not hits:
        typer.echo(f"No answers contain {text!r}.")
        return
    from rich.markup import escape

    from belonging_cli.cli.output import console

    out = console()
    for hit in hits:
        out.print(
            f"[bold]{hit['date']}[/bold] [dim]{hit['id'][:8]} {escape(hit['where'])}[/dim]  "
            f"{escape(hit['line'])}"
        )
    found = len({h["id"] for h in hits})
    out.print(f"[dim]{len(hits)} matching lines in {found} sessions[/dim]")


def _lines(s: Session) -> list[tuple[str, str]]:
    """Every line of text a session holds, with where it came from."""
    lines: list[tuple[str, str]] = []
    for a in s.answers:
        values = a.value if isinstance(a.value, list) else [a.value]
        for value in values:
            if isinstance(value, str):
                lines += [(a.step_id, line) for line in value.splitlines() if line.strip()]
    for r in s.ratings:
        if r.evidence:
            lines += [(f"rating {r.behaviour_id}", line) for line in r.evidence.splitlines()]
    lines += [("tags", tag) for tag in s.tags]
    return lines


@app.command("edit")
def edit(session_id: IdArgument) -> None:
    """Edit a session as YAML in your editor; it is checked before anything is saved."""
    from belonging_cli.cli.journal_edit import edit_session

    edit_session(session_id)


@app.command("delete")
def delete(session_id: IdArgument, yes: YesOption = False) -> None:
    """Delete a session with its answers, ratings and the experiments it set."""
    with _open() as journal:
        session = journal.session(session_id)
        made, _ = journal.session_experiments(session.id)
        what = (
            f"the {session.status} {session.flow_id} session of {_day(session)} ({session.id[:8]})"
        )
        if made:
            what += f" and the {len(made)} experiment{'s' if len(made) != 1 else ''} it set"
        if not _confirm(f"Delete {what}?", yes):
            _info("Nothing deleted.")
            return
        journal.delete_session(session.id)
    _info(f"Deleted {what}.")


@app.command("export")
def export(
    format_: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json (full, re-importable) or md.")
    ] = ExportFormat.json,
    out: OutOption = None,
) -> None:
    """Export the whole journal: JSON (everything, for import) or Markdown (to read)."""
    with _open() as journal:
        data = journal.load_all()
    from belonging_cli.journal import exchange

    if format_ is ExportFormat.json:
        text = exchange.export_json(data)
    else:
        text = exchange.export_markdown(data, _behaviour_titles())
    if out is None:
        sys.stdout.write(text)
        return
    from belonging_cli.files import write_private
    from belonging_cli.reports.words import plural

    write_private(out, [text])
    _info(
        f"Exported {plural(len(data.sessions), 'session')} and "
        f"{plural(len(data.experiments), 'experiment')} to {out}."
    )


def _behaviour_id(ref: str) -> str:
    """A behaviour's id from its id or number in the rubric in use (as given if unknown:
    older sessions may name behaviours of another rubric)."""
    from belonging_cli.errors import BelongingError

    try:
        from belonging_cli.content.rubrics import load_rubric

        found = load_rubric().find(ref)
    except BelongingError:
        return ref
    return found.id if found is not None else ref


def _behaviour_titles() -> dict[str, str]:
    """Behaviour titles for readable exports; ids if the rubric cannot be loaded."""
    from belonging_cli.errors import BelongingError

    try:
        from belonging_cli.content.rubrics import load_rubric

        return {b.id: b.title for b in load_rubric().behaviours}
    except BelongingError:
        return {}


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A JSON file written by `journal export`.")],
) -> None:
    """Import an export; checked in full first, and what is already there is skipped."""
    from belonging_cli.journal.exchange import read_export

    with _open() as journal:
        data = read_export(file, journal.known_ids())
        counts = journal.import_data(data)
    from belonging_cli.reports.words import plural

    already = f"; {counts.skipped} already in the journal" if counts.skipped else ""
    _info(
        f"Imported {plural(counts.sessions, 'session')}, "
        f"{plural(counts.experiments, 'experiment')} and "
        f"{plural(counts.assignments, 'assignment')} from {file}{already}."
    )


@app.command("backup")
def backup(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write the copy here (default: beside the journal).", dir_okay=False
        ),
    ] = None,
) -> None:
    """Copy the journal safely (even while another belonging is writing)."""
    with _open() as journal:
        target = journal.backup_to(out if out is not None else journal.backup_path())
    typer.echo(str(target))
    _info(f"Backed up the journal to {target}")


@app.command("restore")
def restore(
    file: Annotated[Path, typer.Argument(help="A journal backup (a .db/.bak file).")],
    yes: YesOption = False,
) -> None:
    """Replace the journal with a backup; a copy of the current one is kept."""
    from belonging_cli.journal.store import inspect_file, not_a_journal

    if not file.is_file():
        from belonging_cli.errors import JournalError

        raise JournalError(f"no such file: {file}")
    if inspect_file(file) is None:
        raise not_a_journal(file, "it is empty")
    with _open() as journal:
        if not _confirm(f"Replace the journal {journal.path} with {file}?", yes):
            _info("Nothing restored.")
            return
        kept = journal.restore_from(file)
    _info(f"Restored the journal from {file}; the one it replaced is kept at {kept}")
