"""Commands answered without building the typer app: the most-run ones, on a latency budget.

Building the typer app costs ~100 ms, more than `status` (target 150 ms),
`journal list` and `report` (0.3 s over ten years) can afford. Only the plain
forms are answered here, optionally after a leading `--home DIR`; anything else
(filters, help, completion) goes to typer.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

# Shell completion calls the program with this set: that is typer's job.
COMPLETION_ENV = "_BELONGING_COMPLETE"


def _status(args: list[str]) -> None:
    from belonging_cli.cli.status import show_status

    show_status(as_json="--json" in args, bare=not args)


def _journal_list(args: list[str]) -> None:
    from belonging_cli.journal.listing import run_fast

    run_fast(args)


_ROUTES: dict[tuple[str, ...], Callable[[list[str]], None]] = {
    (): _status,
    ("status",): _status,
    ("status", "--json"): _status,
    ("journal", "list"): _journal_list,
    ("journal", "list", "--json"): _journal_list,
}


def _split_home(args: list[str]) -> tuple[Path | None, list[str]] | None:
    """`--home DIR` or `--home=DIR` in front, and the rest; None if malformed."""
    if args[:1] == ["--home"]:
        return (Path(args[1]), args[2:]) if len(args) > 1 and args[1] else None
    if args and args[0].startswith("--home="):
        value = args[0].removeprefix("--home=")
        return (Path(value), args[1:]) if value else None
    return None, args


def try_fast(args: list[str]) -> bool:
    """Answer `args` here if it is one of the plain forms; False to let typer do it."""
    if COMPLETION_ENV in os.environ:
        return False
    split = _split_home(args)
    if split is None:
        return False
    home, rest = split
    route = _ROUTES.get(tuple(rest))
    if route is None and rest[:1] == ["report"]:
        route = _report(rest[1:])
    if route is None:
        return False
    from belonging_cli import paths

    paths.set_home(home)
    route(rest)
    return True


def _report(options: list[str]) -> Callable[[list[str]], None] | None:
    """`report` with its common options (a 10-year report has 0.3 s); None for typer."""
    from belonging_cli.reports.command import plain_options, write_report

    parsed = plain_options(options)
    if parsed is None:
        return None
    return lambda _: write_report(**parsed)
