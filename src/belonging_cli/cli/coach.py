"""`belonging coach ...`: write exercise packs for clients, and roll up their shared reports.

Every command here reads YAML or a bundle, so pydantic is imported in the
commands, not here: `belonging coach --help` stays light.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from belonging_cli.cli.options import (
    InOrder,
    format_option,
    out_option,
    pass_settings,
    rubrics_option,
)
from belonging_cli.cli.output import info
from belonging_cli.errors import BelongingError, ContentError, Problem, UsageProblem
from belonging_cli.files import write_private
from belonging_cli.limits import day_option
from belonging_cli.settings import Settings


@click.group(
    "coach",
    cls=InOrder,
    no_args_is_help=True,
    help="For coaches: exercise packs for clients, and a roll-up of their shared reports.",
)
def coach() -> None:
    pass


@coach.group(
    "pack", cls=InOrder, no_args_is_help=True, help="Write and check exercise packs (YAML)."
)
def pack() -> None:
    pass


@pack.command("new")
@out_option
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@rubrics_option
@pass_settings
def pack_new(settings: Settings, out: Path | None, force: bool, rubrics: Path | None) -> None:
    """Write a commented example pack to start from; it is valid as written."""
    from belonging_cli.coaching.example import example_pack
    from belonging_cli.content.rubrics import load_rubric

    text = example_pack(load_rubric(settings.with_folders(rubrics=rubrics).rubrics))
    if out is None:
        click.echo(text, nl=False)
        return
    if out.exists() and not force:
        raise BelongingError(f"{out} already exists", hint="use --force to overwrite it")
    write_private(out, [text])  # all or nothing; the coach shares it as they choose
    info(f"wrote {out}; edit it, then check it with `belonging coach pack validate {out}`")


@pack.command("validate")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE..."
)
@rubrics_option
@pass_settings
def pack_validate(settings: Settings, files: tuple[Path, ...], rubrics: Path | None) -> None:
    """Check pack files against the rubric in use; every problem as file:line:col.

    A folder stands for the packs in it.
    """
    from belonging_cli.content.packs import validate_paths
    from belonging_cli.content.rubrics import load_rubric

    rubric = load_rubric(settings.with_folders(rubrics=rubrics).rubrics)
    today = settings.now().date()
    for line in validate_paths(list(files), rubric, today, lambda p: info(str(p))):
        click.echo(f"ok  {line}")


@coach.command("summary")
@click.argument(
    "bundles", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="BUNDLE..."
)
@format_option
@out_option
@click.option(
    "--since",
    metavar="DATE",
    help="Only count from this date (YYYY-MM-DD); words and timelines: the last four weeks.",
)
@click.option(
    "--started",
    metavar="DATE",
    help="When coaching started (YYYY-MM-DD; default: the first import of your pack).",
)
@pass_settings
def summary(
    settings: Settings,
    bundles: tuple[Path, ...],
    fmt: str | None,
    out: Path | None,
    since: str | None,
    started: str | None,
) -> None:
    """Roll up many clients' shared reports (`belonging report --share --format json`):
    each client's shared words, timelines, dropped exercises and flags, and all of
    them together.

    A file that cannot be read, or a report made without --share, is named on
    stderr with the reason; the others are still summarised (and the exit code is 1).
    """
    import sys

    from belonging_cli._gc import collector_paused
    from belonging_cli.coaching.bundle import read_each
    from belonging_cli.coaching.render import FORMATS, chunks
    from belonging_cli.coaching.rollup import build_rollup, shared_only

    # At a terminal, with no format asked for, the Markdown is fitted to its width.
    fitted = fmt is None and out is None and sys.stdout.isatty()
    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out is not None else ""
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
        fmt = fmt if fmt in FORMATS else "md"
    if fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    start = since_option(since, settings)
    began = day_option(started, "--started")
    # Bundles' parses and clients' summaries hold no cycles: the collector's passes over
    # every summary kept would cost more than reading the bundles (issue 19, #4).
    with collector_paused():
        problems: list[Problem] = []
        # One bundle at a time, summarised and let go: memory does not grow with the files.
        pairs = shared_only(read_each(list(bundles), problems), problems)
        rollup = build_rollup(pairs, settings.now().date(), since=start, started=began)
        import dataclasses  # here, not at the top: coach --help needs none

        rollup = dataclasses.replace(rollup, skipped=tuple(str(p) for p in problems))
        if out is None:
            drawn = chunks(rollup, fmt)
            if fitted:
                from belonging_cli.coaching.render import at_terminal
                from belonging_cli.fitting import terminal_columns

                drawn = at_terminal(drawn, terminal_columns())
            sys.stdout.writelines(drawn)
            sys.stdout.flush()
        else:  # clients' progress: private, and never half-written
            write_private(out, chunks(rollup, fmt))
            count = len(rollup.clients)
            info(f"wrote {out}: {count} client{'s' if count != 1 else ''}")
    if problems:
        raise ContentError(problems)


@coach.command("prep")
@click.argument("bundle", type=click.Path(path_type=Path), metavar="BUNDLE")
@click.option(
    "--format",
    "-f",
    "fmt",
    metavar="FORMAT",
    help="md or html (default: from --out's extension; at a terminal, drawn for it).",
)
@out_option
@click.option(
    "--since", metavar="DATE", help="From this date (YYYY-MM-DD; default: four weeks ago)."
)
@rubrics_option
@pass_settings
def prep(
    settings: Settings,
    bundle: Path,
    fmt: str | None,
    out: Path | None,
    since: str | None,
    rubrics: Path | None,
) -> None:
    """One page for the next session with one client, from their shared report
    (`belonging report --share --format json`): what moved and what they wrote about
    it, experiments, exercises, flags, and questions from the rubric's prompts."""
    import sys

    from belonging_cli.coaching.bundle import BadBundle, read_bundle
    from belonging_cli.coaching.prep import build_prep
    from belonging_cli.coaching.prep_render import FORMATS, render_prep, show_prep
    from belonging_cli.content.rubrics import load_rubric

    if fmt is None and out is not None:
        suffix = out.suffix.lower().lstrip(".")
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
        fmt = fmt if fmt in FORMATS else "md"
    if fmt is not None and fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    start = since_option(since, settings)
    try:
        read = read_bundle(bundle)
    except BadBundle as bad:
        raise ContentError([bad.problem]) from None
    rubric = load_rubric(settings.with_folders(rubrics=rubrics).rubrics)
    sheet = build_prep(read, str(bundle), rubric, settings.now().date(), start)
    if out is not None:
        write_private(out, [render_prep(sheet, fmt or "md")])  # a client's words: private
        info(f"wrote {out}")
    elif fmt is None and sys.stdout.isatty():
        from belonging_cli.cli.output import console

        show_prep(sheet, console())
    else:
        click.echo(render_prep(sheet, fmt or "md"), nl=False)


def since_option(text: str | None, settings: Settings) -> date | None:
    """A coach's `--since`: a day, not after today (from a later day there is nothing
    to show, and each client's dates would read backwards), as `report` refuses it."""
    start = day_option(text, "--since")
    today = settings.now().date()
    if start is not None and start > today:
        raise UsageProblem(
            f"--since {start.isoformat()} is in the future (today is {today.isoformat()})",
            hint="give a day in the past, or leave --since out",
        )
    return start
