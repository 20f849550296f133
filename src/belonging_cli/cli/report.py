"""`belonging report`, `belonging progress` and `belonging demo`: see how you are growing.

Thin edges: read the config, the rubric and the journal, build the report model
(reports/model.py, pure), render it, write it. Heavy libraries are imported
inside the commands; the JSON format never imports jinja2 or markdown-it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from belonging_cli.cli.options import JsonOption, RubricsOption
from belonging_cli.errors import UsageProblem

if TYPE_CHECKING:
    from belonging_cli.journal.records import JournalData
    from belonging_cli.reports.model import Report

DEMO_WEEKS = 26
MAX_DEMO_WEEKS = 1040  # 20 years

PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        help="week, month (4 weeks), quarter (12 weeks), year (52 weeks) or all "
        "(default: the config's report_period, else quarter).",
        metavar="PERIOD",
        show_default=False,
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since", help="Start on this date (YYYY-MM-DD).", metavar="DATE", show_default=False
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        help="End on this date (YYYY-MM-DD; default today).",
        metavar="DATE",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.command("report")(report)
    app.command("progress")(progress)
    app.command("demo")(demo)


def report(
    period: PeriodOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    behaviour: Annotated[
        list[str] | None,
        typer.Option(
            "--behaviour",
            "-b",
            help="Only this behaviour (id or number); repeat for more.",
            metavar="ID",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html or json (default: from --out's extension, else md).",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write to this file instead of the screen.",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    share: Annotated[
        bool,
        typer.Option("--share", help="Leave out everything you marked private, and say how much."),
    ] = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Render with your own Jinja template (.html templates are HTML-escaped).",
            metavar="FILE",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    rubrics: RubricsOption = None,
) -> None:
    """Your progress as Markdown, HTML or JSON: ratings, reflections, experiments, balance."""
    from belonging_cli.cli.output import info

    chosen = _format(fmt, out, template)
    built = build(period, since, until, behaviour, rubrics, share=share)
    if built.empty_message is not None:
        info(built.empty_message)
        if chosen != "json" or template is not None:
            return
    chunks: Iterable[str]
    if template is not None:
        from belonging_cli.reports.render import render_user_template

        chunks = [render_user_template(built.report, template)]
    elif chosen == "json":
        from belonging_cli.reports.data import json_chunks

        chunks = json_chunks(built.report)  # written as made: a big bundle is never whole
    else:
        from belonging_cli.reports.render import render

        chunks = [render(built.report, chosen)]
    if out is None:
        import sys

        sys.stdout.writelines(chunks)
    else:
        write_private(out, chunks)
        info(f"Report written to {out}.")
    if share:
        from belonging_cli.reports.words import left_out

        info(f"Shared report: {left_out(built.report.private_left_out)}")


def progress(
    period: PeriodOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    rubrics: RubricsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Your progress at a glance: latest ratings with trends, streak, the open experiment."""
    built = build(period, since, until, None, rubrics, share=False)
    if as_json:
        from belonging_cli.cli.output import print_json
        from belonging_cli.reports.data import report_data

        print_json(report_data(built.report))
        return
    if built.empty_message is not None:
        from belonging_cli.cli.output import info

        info(built.empty_message)
        return
    from belonging_cli.cli.output import console
    from belonging_cli.reports.terminal import show_progress

    show_progress(built.report, console())


def demo(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="Where to make the demo (default: a demo folder in the data folder).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    weeks: Annotated[
        int, typer.Option("--weeks", help="How many weeks of reflections to make.")
    ] = DEMO_WEEKS,
    rubrics: RubricsOption = None,
) -> None:
    """Make a demo journal with months of realistic reflections, to explore the reports."""
    import shlex

    from belonging_cli import paths
    from belonging_cli.cli.output import console

    if not 1 <= weeks <= MAX_DEMO_WEEKS:
        raise UsageProblem(f"--weeks must be between 1 and {MAX_DEMO_WEEKS}, not {weeks}")
    target = (folder or paths.data_dir() / "demo").expanduser()
    refuse_demo_target(target, paths.journal_path())
    data = demo_journal(weeks, rubrics)
    paths.ensure_private_dir(target)
    from belonging_cli.journal import open_journal

    with open_journal(target / "journal.db") as journal:
        journal.import_data(data)
    config = target / "config.toml"
    if not config.exists():
        import json

        lines = ['name = "Sam (demo)"\n']
        if rubrics is not None:  # reports on the demo use the rubric it was made with
            lines.append(f"rubrics = {json.dumps(str(rubrics.resolve()))}\n")
        write_private(config, lines)
    home = shlex.quote(str(target))
    page = shlex.quote(str(target / "report.html"))
    reflections = sum(1 for s in data.sessions if s.status == "complete")
    out = console()
    out.print(
        f"Made a demo journal in {target}: {reflections} reflections over {weeks} weeks. "
        "Your own journal is untouched.",
        markup=False,
        highlight=False,
    )
    out.print("Explore it:", markup=False)
    for line in (
        f"belonging --home {home} progress",
        f"belonging --home {home} report",
        f"belonging --home {home} report --format html --out {page}",
        f"belonging --home {home} report --share --format json",
        f"belonging --home {home} journal list",
        f"belonging --home {home} status",
    ):
        out.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)


def refuse_demo_target(target: Path, own_journal: Path) -> None:
    """Never touch a real journal: refuse a folder holding one, or the journal's own home."""
    if (target / "journal.db").exists():
        raise UsageProblem(
            f"{target} already holds a journal; the demo only goes into a fresh folder",
            hint="give another folder, e.g. `belonging demo /tmp/belonging-demo`",
        )
    if target.resolve() == own_journal.parent.resolve():
        raise UsageProblem(
            f"{target} is where your own journal lives; the demo needs a folder of its own"
        )


def demo_journal(weeks: int, rubrics: Path | None) -> JournalData:
    from belonging_cli.config import load_config
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.synthetic import generate

    config = load_config()
    rubric = load_rubric(rubrics or config.rubrics)
    return generate(rubric, weeks=weeks, zone=config.zone(), seed=7)


class Built:
    """A report, and what to say instead when it has nothing in it.

    The journal's records are not kept: once the model is built they are
    freed, so rendering a 10,000-session report does not hold both.
    """

    def __init__(self, report: Report, empty_message: str | None) -> None:
        self.report = report
        self.empty_message = empty_message


def build(
    period: str | None,
    since: str | None,
    until: str | None,
    behaviours: list[str] | None,
    rubrics: Path | None,
    *,
    share: bool,
) -> Built:
    from belonging_cli import __version__, clock
    from belonging_cli.config import load_config
    from belonging_cli.reports.model import build_report, weeks_of
    from belonging_cli.reports.period import resolve_period
    from belonging_cli.reports.rubric_facts import resolve_behaviours, rubric_facts

    config = load_config()
    zone = config.zone()
    now = clock.now(zone)
    start = parse_date(since, "--since")
    end = parse_date(until, "--until")
    folder = rubrics or config.rubrics
    rubric = rubric_facts(folder)  # cached: a report need not load pydantic and YAML
    chosen = resolve_behaviours(rubric, behaviours or [], folder)
    data = load_journal()
    span = resolve_period(
        period or config.report_period,
        today=now.date(),
        since=start,
        until=end,
        journal_weeks=weeks_of(data.sessions),
    )
    made = build_report(
        data,
        rubric,
        span,
        now=now,
        share=share,
        behaviours=chosen or None,
        person=config.name,
        zone=zone,
        tool_version=__version__,
    )
    return Built(made, empty_message(made, data) if made.is_empty else None)


def load_journal() -> JournalData:
    """Everything in the journal in use; a journal not yet made reads as empty."""
    from belonging_cli import paths
    from belonging_cli.journal import JournalData, open_journal

    path = paths.journal_path()
    if not path.exists():
        return JournalData()
    with open_journal(path) as journal:
        return journal.load_all()


def parse_date(text: str | None, option: str) -> dt.date | None:
    """`2026-11-27` -> a date; anything else is a usage error naming the option."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageProblem(f"{option} {text!r} is not a date like 2026-11-27") from None


def _format(fmt: str | None, out: Path | None, template: Path | None) -> str:
    if fmt is not None and fmt not in ("md", "html", "json"):
        raise UsageProblem(f"unknown format {fmt!r}", hint="use md, html or json")
    if template is not None:
        if fmt == "json":
            raise UsageProblem("--template makes text from a template; it cannot be --format json")
        return "html" if template.suffix.lower() in (".html", ".htm") else "md"
    if fmt is not None:
        return fmt
    suffix = out.suffix.lower() if out is not None else ""
    return {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "md")


def empty_message(report: Report, data: JournalData) -> str:
    """What to say when there is nothing to report: where to go from here."""
    from belonging_cli.reports.model import weeks_of
    from belonging_cli.reports.words import date_range, day

    weeks = weeks_of(data.sessions)
    if not weeks:
        return (
            "Your journal has no reflections yet, so there is nothing to report. "
            "Run `belonging reflect` for your first one (about ten minutes), or "
            "`belonging demo` to see what a report looks like."
        )
    period = report.period
    last = max(
        (s.completed_at or s.started_at).date()
        for s in data.sessions
        if s.status == "complete" and s.assignment_id is None
    )
    return (
        f"No reflections between {date_range(period.start.isoformat(), period.end.isoformat())}. "
        f"Your last one was on {day(last)}: try `--period all`, "
        "or `belonging reflect` to pick the practice up again."
    )


def write_private(path: Path, chunks: Iterable[str]) -> None:
    """Write a file only its owner can read (reports hold private reflections)."""
    import os

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines(chunks)
    except OSError as exc:
        from belonging_cli.errors import BelongingError

        raise BelongingError(f"cannot write {path}: {exc.strerror}") from None
