"""`belonging coach ...`: write exercise packs for clients, and roll up their shared reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from belonging_cli.cli.typer_options import FormatOption, OutOption, RubricsOption

app = typer.Typer(
    help="For coaches: exercise packs for clients, and a roll-up of their shared reports.",
    no_args_is_help=True,
)
pack_app = typer.Typer(help="Write and check exercise packs (YAML).", no_args_is_help=True)
app.add_typer(pack_app, name="pack")


def register(main: typer.Typer) -> None:
    """Add `belonging coach` to the main app."""
    main.add_typer(app, name="coach")


@pack_app.command("new")
def pack_new(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write the pack to this file (default: print it).",
            metavar="FILE",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --out if it exists.")] = False,
    rubrics: RubricsOption = None,
) -> None:
    """Write a commented example pack to start from; it is valid as written."""
    from belonging_cli.coaching.example import example_pack
    from belonging_cli.content.rubrics import load_rubric

    text = example_pack(load_rubric(rubrics))
    if out is None:
        typer.echo(text, nl=False)
        return
    from belonging_cli.cli.output import info
    from belonging_cli.errors import BelongingError
    from belonging_cli.files import write_private

    if out.exists() and not force:
        raise BelongingError(f"{out} already exists", hint="use --force to overwrite it")
    write_private(out, [text])  # all or nothing; the coach shares it as they choose
    info(f"wrote {out}; edit it, then check it with `belonging coach pack validate {out}`")


@pack_app.command("validate")
def pack_validate(
    files: Annotated[
        list[Path],
        typer.Argument(help="Pack files to check.", metavar="FILE", show_default=False),
    ],
    rubrics: RubricsOption = None,
) -> None:
    """Check pack files against the rubric in use; every problem as file:line:col."""
    from belonging_cli.content.packs import validate_paths
    from belonging_cli.content.rubrics import load_rubric

    for line in validate_paths(files, load_rubric(rubrics)):
        typer.echo(f"ok  {line}")


@app.command("summary")
def summary(
    bundles: Annotated[
        list[Path],
        typer.Argument(
            help="Clients' report bundles (`belonging report --share --format json`).",
            metavar="BUNDLE",
            show_default=False,
        ),
    ],
    fmt: FormatOption = None,
    out: OutOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only count from this date (YYYY-MM-DD).",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Roll up many clients' shared reports: each client, and all of them together.

    A file that cannot be read is named on stderr with the reason; the others
    are still summarised (and the exit code is 1).
    """
    import dataclasses

    from belonging_cli import clock
    from belonging_cli.coaching.bundle import read_each
    from belonging_cli.coaching.render import FORMATS, render
    from belonging_cli.coaching.rollup import build_rollup
    from belonging_cli.errors import ContentError, Problem, UsageProblem
    from belonging_cli.limits import day_option

    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out is not None else ""
        fmt = {"htm": "html", "markdown": "md"}.get(suffix, suffix)
        fmt = fmt if fmt in FORMATS else "md"
    if fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    start = day_option(since, "--since")
    problems: list[Problem] = []
    today = clock.user_now().date()
    # One bundle at a time, summarised and let go: memory does not grow with the files.
    rollup = build_rollup(read_each(bundles, problems), today, since=start)
    rollup = dataclasses.replace(rollup, skipped=tuple(str(p) for p in problems))
    text = render(rollup, fmt)
    if out is None:
        typer.echo(text, nl=False)
    else:
        from belonging_cli.cli.output import info
        from belonging_cli.files import write_private

        write_private(out, [text])  # clients' progress: private, and never half-written

        count = len(rollup.clients)
        info(f"wrote {out}: {count} client{'s' if count != 1 else ''}")
    if problems:
        raise ContentError(problems)
