"""`belonging report`, `belonging progress` and `belonging demo`: see how you are growing.

Thin edges: the options, then reports/command.py builds the report model
(reports/build.py, pure), renders and writes it. The report machinery is imported
inside the commands, so `report --help` costs only the options (issue 12's start-up
target); the JSON format never imports jinja2 or markdown-it.
"""

from __future__ import annotations

from pathlib import Path

import click

from belonging_cli import paths
from belonging_cli.cli.options import (
    format_option,
    json_option,
    out_option,
    pass_settings,
    rubrics_option,
)
from belonging_cli.errors import UsageProblem
from belonging_cli.settings import Settings

TYPE_CHECKING = False  # as typing's: the records are only named in annotations here
if TYPE_CHECKING:
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.records import JournalData

__all__ = ["demo", "progress", "report"]

DEMO_WEEKS = 26
MAX_DEMO_WEEKS = 1040  # 20 years

period_option = click.option(
    "--period",
    metavar="PERIOD",
    help="week, month (4 weeks), quarter (12 weeks), year (52 weeks) or all "
    "(default: the config's report_period, else quarter).",
)
since_option = click.option("--since", metavar="DATE", help="Start on this date (YYYY-MM-DD).")
until_option = click.option(
    "--until", metavar="DATE", help="End on this date (YYYY-MM-DD; default today)."
)


@click.command("report")
@period_option
@since_option
@until_option
@click.option(
    "--behaviour",
    "-b",
    "behaviours",
    multiple=True,
    metavar="ID",
    help="Only this behaviour (id or number); repeat for more.",
)
@format_option
@out_option
@click.option(
    "--share",
    is_flag=True,
    help="Leave out everything you marked private (at a terminal, pick any to include), "
    "and say how much.",
)
@click.option(
    "--include",
    "include",
    multiple=True,
    metavar="ID",
    help="With --share: include this private item in this report (ids as `journal show` "
    "prints them); repeat for more.",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Render with your own Jinja template (.html templates are HTML-escaped).",
)
@rubrics_option
@pass_settings
def report(
    settings: Settings,
    period: str | None,
    since: str | None,
    until: str | None,
    behaviours: tuple[str, ...],
    fmt: str | None,
    out: Path | None,
    share: bool,
    include: tuple[str, ...],
    template: Path | None,
    rubrics: Path | None,
) -> None:
    """Your progress as Markdown, HTML or JSON: ratings, reflections, experiments, balance."""
    from belonging_cli.reports.command import write_report

    settings = settings.with_folders(rubrics=rubrics)
    write_report(
        settings, period, since, until, list(behaviours), fmt, out, share, template, include
    )


@click.command("progress")
@period_option
@since_option
@until_option
@rubrics_option
@json_option
@pass_settings
def progress(
    settings: Settings,
    period: str | None,
    since: str | None,
    until: str | None,
    rubrics: Path | None,
    as_json: bool,
) -> None:
    """Your progress at a glance: latest ratings with trends, streak, the open experiment."""
    from belonging_cli.cli.output import console, info, print_json
    from belonging_cli.reports.command import build

    built = build(settings.with_folders(rubrics=rubrics), period, since, until, None, share=False)
    if as_json:
        from belonging_cli.reports.data import report_data

        print_json(report_data(built.report))
        return
    if built.empty_message is not None:
        info(built.empty_message)
        return
    from belonging_cli.reports.terminal import show_progress  # rich

    show_progress(built.report, console(), home=settings.home)


@click.command("demo")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--weeks",
    type=int,
    default=DEMO_WEEKS,
    show_default=True,
    help="How many weeks of reflections to make.",
)
@rubrics_option
@pass_settings
def demo(settings: Settings, folder: Path | None, weeks: int, rubrics: Path | None) -> None:
    """Make a demo journal with months of realistic reflections, to explore the reports.

    FOLDER is where to make it (default: a demo folder in the data folder).
    """
    from belonging_cli.journal.store import open_journal
    from belonging_cli.reports.command import write_private
    from belonging_cli.resources import packaged_dir

    if not 1 <= weeks <= MAX_DEMO_WEEKS:
        raise UsageProblem(f"--weeks must be between 1 and {MAX_DEMO_WEEKS}, not {weeks}")
    settings = settings.with_folders(rubrics=rubrics)
    target = (folder or settings.data_dir / "demo").expanduser()
    refuse_demo_target(target, settings.journal_path)
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.reports.rubric_facts import remember

    rubric = load_rubric(settings.rubrics)
    data = demo_journal(settings, weeks, rubric)
    paths.ensure_private_dir(target)
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
        lines = ['name = "Sam (demo)"\n']
        if settings.rubrics != packaged_dir("rubrics"):
            # Reports on the demo use the rubric it was made with, however it was chosen.
            import json  # here: report, progress and demo --help need none

            lines.append(f"rubrics = {json.dumps(str(settings.rubrics.resolve()))}\n")
        write_private(config, lines)
    remember(rubric, settings.rubrics, home=target)  # its first `status` names titles
    _say_how_to_explore(target, data, weeks)


def _say_how_to_explore(target: Path, data: JournalData, weeks: int) -> None:
    from belonging_cli.cli.output import console
    from belonging_cli.reminders import suggested
    from belonging_cli.reports.words import plural

    page = str(target / "report.html")
    reflections = sum(1 for s in data.sessions if s.status == "complete")
    out = console()
    out.print(
        f"Made a demo journal in {target}: {plural(reflections, 'reflection')} over "
        f"{plural(weeks, 'week')}. "
        "Your own journal is untouched.",
        markup=False,
        highlight=False,
    )
    out.print("Explore it:", markup=False)
    for line in (
        suggested(target, "progress"),
        suggested(target, "report"),
        suggested(target, "report", "--format", "html", "--out", page),
        suggested(target, "report", "--share", "--format", "json"),
        suggested(target, "journal", "list"),
        suggested(target, "status"),
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


def demo_journal(settings: Settings, weeks: int, rubric: Rubric) -> JournalData:
    """`weeks` of realistic reflections against `rubric`, the one in use."""
    from belonging_cli.synthetic import generate

    return generate(rubric, weeks=weeks, zone=settings.zone(), seed=7)
