"""`belonging journal ...`: browse, search, edit, export and safeguard your reflections.

The journal's machinery (store, exchange, listing) is imported by the commands that
use it, so `journal --help` costs only the options (issue 12's start-up target).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from belonging_cli.cli.journal_crypt import age_option, decrypt, encrypt, export_encryption
from belonging_cli.cli.journal_filters import behaviour_id, behaviour_option, limit_option
from belonging_cli.cli.journal_passphrase import passphrase
from belonging_cli.cli.options import (
    flows_option,
    json_option,
    out_option,
    pass_settings,
    rubrics_option,
)
from belonging_cli.cli.output import console, info, print_json
from belonging_cli.errors import JournalError, UsageProblem
from belonging_cli.limits import day_option
from belonging_cli.safe_text import strip_controls
from belonging_cli.settings import Settings

TYPE_CHECKING = False  # as typing's
if TYPE_CHECKING:
    from collections.abc import Iterable

    from belonging_cli.journal.labels import Labels
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Session

id_argument = click.argument("session_id", metavar="ID")
yes_option = click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
since_option = click.option(
    "--since", metavar="YYYY-MM-DD", help="Only sessions on or after this day."
)
until_option = click.option(
    "--until", metavar="YYYY-MM-DD", help="Only sessions on or before this day."
)


@click.group("journal", no_args_is_help=True)
def journal() -> None:
    """Your journal of reflections: list, show, search, edit, export, back up.

    A session ID is a session's id, or enough of its start to be unique.
    """


def _open(settings: Settings) -> Journal:
    from belonging_cli.journal.store import Journal

    return Journal.open(settings.journal_path)


def _confirm(question: str, yes: bool) -> bool:
    """Ask only a person at a terminal; scripts must say --yes."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UsageProblem(f"{question} Not asking: input is not a terminal; add --yes to proceed")
    return click.confirm(question, default=False)


@journal.command("path")
@pass_settings
def path_command(settings: Settings) -> None:
    """Print the journal file in use (--home, $BELONGING_HOME or the data folder)."""
    click.echo(str(settings.journal_path))


def _day(s: Session) -> str:
    return s.started_at.date().isoformat()


@journal.command("list")
@since_option
@until_option
@behaviour_option
@click.option("--tag", help="Sessions with this tag.")
@limit_option
@rubrics_option
@json_option
@pass_settings
def list_sessions(
    settings: Settings,
    since: str | None,
    until: str | None,
    behaviour: str | None,
    tag: str | None,
    limit: int | None,
    rubrics: Path | None,
    as_json: bool,
) -> None:
    """List sessions, newest first: date, id, flow, focus, average rating, tags, status."""
    from belonging_cli.journal import listing

    settings = settings.with_folders(rubrics=rubrics)
    with _open(settings) as opened:
        if behaviour is not None:
            behaviour = behaviour_id(settings, behaviour, opened)
        found = opened.summaries(
            since=day_option(since, "--since"),
            until=day_option(until, "--until"),
            behaviour=behaviour,
            tag=tag,
            status=None,
            limit=limit,
        )
        filtered = any(x is not None for x in (since, until, behaviour, tag))
        empty = not found and (not filtered or opened.count_sessions() == 0)
    titles: dict[str, str] = {}
    if not as_json and any(s.focus_behaviour_id for s in found):
        from belonging_cli.reports.facts_cache import titles as rubric_titles

        # The rubric's cached facts; a stale or missing cache is rebuilt once (ids
        # only when the rubric does not validate).
        titles = rubric_titles(settings.rubrics)
    sys.stdout.write(listing.render(found, as_json=as_json, empty_journal=empty, titles=titles))


@journal.command("show")
@id_argument
@rubrics_option
@flows_option
@json_option
@pass_settings
def show(
    settings: Settings,
    session_id: str,
    rubrics: Path | None,
    flows: Path | None,
    as_json: bool,
) -> None:
    """Show one session in full: ratings, answers, experiments set and reviewed."""
    settings = settings.with_folders(rubrics=rubrics, flows=flows)
    from belonging_cli.journal import exchange
    from belonging_cli.records import JournalData

    with _open(settings) as opened:
        session = opened.session(session_id)
        made, reviewed = opened.session_experiments(session.id)
    if as_json:
        experiments = exchange.to_document(JournalData(experiments=tuple(made)))["experiments"]
        reviews = exchange.to_document(JournalData(experiments=tuple(reviewed)))["experiments"]
        print_json(
            {
                **exchange.session_dict(session),
                "experiments_set": experiments,
                "experiments_reviewed": reviews,
            }
        )
        return
    from belonging_cli.journal.markdown import export_markdown

    text = export_markdown(
        labels=_labels(settings),
        data=JournalData(
            sessions=(session,), experiments=tuple({e.id: e for e in made + reviewed}.values())
        ),
    )
    from rich.markdown import Markdown

    body = text.split("\n", 2)[2]  # without the document title
    console().print(Markdown(body))  # unpadded when piped (output.py)


@journal.command("search")
@click.argument("text")
@rubrics_option
@json_option
@pass_settings
def search(settings: Settings, text: str, rubrics: Path | None, as_json: bool) -> None:
    """Find sessions whose answers, rating notes or tags contain TEXT; show the matching lines.

    Case and accents do not matter: "amelie" finds "Amélie".
    """
    settings = settings.with_folders(rubrics=rubrics)
    from belonging_cli.journal import listing
    from belonging_cli.journal import search as finding

    if not text.strip():
        raise UsageProblem("give some text to search for")
    with _open(settings) as opened:
        sessions = opened.sessions(status=None)
    hits = finding.search(sessions, text, _labels(settings).titles if sessions else {})
    if as_json:
        print_json([hit.to_json() for hit in hits])
        return
    if not sessions:
        click.echo(listing.EMPTY_MESSAGE)
        return
    if not hits:
        click.echo(f"No answers contain {text!r}.")
        return
    from belonging_cli.journal.search_view import show_hits

    show_hits(hits, console())


@journal.command("edit")
@id_argument
@pass_settings
def edit(settings: Settings, session_id: str) -> None:
    """Edit a session as YAML in your editor; it is checked before anything is saved."""
    from belonging_cli.cli.journal_edit import edit_session  # YAML and pydantic: only here

    edit_session(settings, session_id)


@journal.command("delete")
@id_argument
@yes_option
@pass_settings
def delete(settings: Settings, session_id: str, yes: bool) -> None:
    """Delete a session with its answers, ratings and the experiments it set."""
    with _open(settings) as opened:
        session = opened.session(session_id)
        made, _ = opened.session_experiments(session.id)
        what = (
            f"the {session.status} {session.flow_id} session of {_day(session)} ({session.id[:8]})"
        )
        if made:
            what += f" and the {len(made)} experiment{'s' if len(made) != 1 else ''} it set"
        if not _confirm(f"Delete {what}?", yes):
            info("Nothing deleted.")
            return
        opened.delete_session(session.id)
    info(f"Deleted {what}.")


@journal.command("export")
@click.option(
    "--format",
    "-f",
    "format_",
    type=click.Choice(["json", "md", "obsidian"]),
    default="json",
    show_default=True,
    help="json (full, re-importable), md, or obsidian (a note a session, into DIR).",
)
@out_option
@click.argument("folder", required=False, metavar="[DIR]", type=click.Path(path_type=Path))
@age_option
@rubrics_option
@flows_option
@pass_settings
def export(
    settings: Settings,
    format_: str,
    out: Path | None,
    folder: Path | None,
    rubrics: Path | None,
    flows: Path | None,
    age_recipient: str | None,
) -> None:
    """Export the whole journal: JSON (everything, for import), Markdown (to read), or
    Obsidian notes in DIR.

    Obsidian: one note per session with its properties (date, week, flow, ratings as
    rating-<behaviour id>, focus, experiment, tags) for Obsidian's Properties and
    Dataview, and an index note. Private answers are included, marked (private): the
    export is yours. Run it again to update the notes in place; notes you added to DIR,
    and notes belonging wrote that you have edited since, are left as they are.
    """
    settings = settings.with_folders(rubrics=rubrics, flows=flows)
    if format_ == "obsidian":
        if folder is None or out is not None:
            raise UsageProblem("--format obsidian writes into a folder: give it as DIR, not --out")
        notes = export_encryption(settings, age_recipient, one_file=False)
        _export_obsidian(settings, folder)
        list(notes([]))  # the notes are plain text: said once they are written
        return
    if folder is not None:
        raise UsageProblem(f"DIR is for --format obsidian; for {format_}, use --out FILE")
    import contextlib

    from belonging_cli.files import write_private
    from belonging_cli.journal.export_rows import Counted

    encrypt_to = export_encryption(settings, age_recipient)  # a bad recipient before any work
    counted = Counted()
    # The pieces are read inside one read transaction: closed (stack) before the
    # journal is, even when writing them fails halfway.
    with _open(settings) as opened, contextlib.ExitStack() as stack:
        if format_ == "json":  # streamed from the rows: one batch of sessions in memory
            chunks: Iterable[str] = stack.enter_context(
                contextlib.closing(opened.export_chunks(counted))
            )
        else:
            from belonging_cli.journal.markdown import export_markdown

            data = opened.load_all()
            counted = Counted(len(data.sessions), len(data.experiments))
            chunks = [export_markdown(data, _labels(settings))]
        chunks = encrypt_to(chunks)
        if out is None:
            # The terminal never gets a journal's controls (none spans two chunks:
            # a chunk is whole records).
            sys.stdout.writelines(map(strip_controls, chunks))
            return
        write_private(out, chunks)
    from belonging_cli.reports.words import plural

    info(
        f"Exported {plural(counted.sessions, 'session')} and "
        f"{plural(counted.experiments, 'experiment')} to {out}."
    )


def _export_obsidian(settings: Settings, folder: Path) -> None:
    from belonging_cli.journal.obsidian import notes
    from belonging_cli.journal.obsidian_folder import prepare, write_notes
    from belonging_cli.reports.words import plural

    prepare(folder)  # refused before the journal is read
    with _open(settings) as opened:
        data = opened.load_all()
    done = write_notes(folder, notes(data, _labels(settings)))
    changed = plural(len(done.written), "note")
    info(
        f"Exported {plural(len(data.sessions), 'session')} to {folder}: {changed} written, "
        f"{done.unchanged} unchanged"
        + (f", {len(done.removed)} removed" if done.removed else "")
        + "."
    )
    if done.kept:
        info(
            f"Kept {plural(len(done.kept), 'note')} as you edited them (delete one to have it "
            f"written again): {', '.join(done.kept)}"
        )


def _labels(settings: Settings) -> Labels:
    """What show and the exports print for ids and numbers: titles, level and scale labels."""
    from belonging_cli.journal.labels import load_labels

    return load_labels(settings.rubrics, settings.flows)


@journal.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@pass_settings
def import_(settings: Settings, file: Path) -> None:
    """Import FILE, a JSON file written by `journal export`.

    It is checked in full first, and what is already in the journal is skipped.
    """
    with _open(settings) as opened:
        counts = opened.import_file(file)
    info(counts.said(file))


@journal.command("backup")
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the copy here (default: beside the journal).",
)
@pass_settings
def backup(settings: Settings, out: Path | None) -> None:
    """Copy the journal safely (even while another belonging is writing)."""
    with _open(settings) as opened:
        target = opened.backup_to(out if out is not None else opened.backup_path())
    click.echo(str(target))
    info(f"Backed up the journal to {target}")
    from belonging_cli.cli.journal_crypt import backup_note

    backup_note(settings)


@journal.command("restore")
@click.argument("file", type=click.Path(path_type=Path))
@yes_option
@pass_settings
def restore(settings: Settings, file: Path, yes: bool) -> None:
    """Replace the journal with FILE, a backup (a .db/.bak file); the current one is kept."""
    from belonging_cli.cli.journal_crypt import refuse_unfit

    if not file.is_file():
        raise JournalError(f"no such file: {file}")
    refuse_unfit(file, settings.journal_path)
    with _open(settings) as opened:
        if not _confirm(f"Replace the journal {opened.path} with {file}?", yes):
            info("Nothing restored.")
            return
        kept = opened.restore_from(file)
    info(f"Restored the journal from {file}; the one it replaced is kept at {kept}")


journal.add_command(encrypt)
journal.add_command(passphrase)
journal.add_command(decrypt)
