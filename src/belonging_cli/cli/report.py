"""`belonging report`, `belonging progress` and `belonging demo`: see how you are growing.

Thin edges: read the config, the rubric and the journal, build the report model
(reports/model.py, pure), render it, write it (reports/command.py, which
fastpath.py also calls without typer for the common forms). Heavy libraries are imported
inside the commands; the JSON format never imports jinja2 or markdown-it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from belonging_cli.cli.typer_options import FormatOption, JsonOption, OutOption, RubricsOption
from belonging_cli.errors import UsageProblem
from belonging_cli.reports.command import build, parse_date, write_private, write_report

if TYPE_CHECKING:
    from belonging_cli.records import JournalData

__all__ = ["parse_date", "register"]

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
    fmt: FormatOption = None,
    out: OutOption = None,
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
    write_report(period, since, until, behaviour, fmt, out, share, template, rubrics)


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

    from belonging_cli import paths, settings
    from belonging_cli.cli.output import console

    if not 1 <= weeks <= MAX_DEMO_WEEKS:
        raise UsageProblem(f"--weeks must be between 1 and {MAX_DEMO_WEEKS}, not {weeks}")
    target = (folder or settings.current().data_dir / "demo").expanduser()
    refuse_demo_target(target, paths.journal_path())
    data = demo_journal(weeks, rubrics)
    paths.ensure_private_dir(target)
    from belonging_cli.journal.store import open_journal

    journal_file = target / "journal.db"
    try:
        with open_journal(journal_file) as journal:
            journal.import_data(data)
    except BaseException:
        # Half a demo would block the next try ("already holds a journal"): remove it.
        for leftover in (journal_file, journal_file.with_name("journal.db-journal")):
            leftover.unlink(missing_ok=True)
        raise
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
