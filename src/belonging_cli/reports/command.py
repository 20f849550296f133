"""The work of `belonging report` and `progress`: build a report, render it, write it.

The commands' declarations are in cli/report.py. Everything here takes the run's
settings; rendering (jinja2, markdown-it) is imported only for the formats that
need it, so a JSON report never loads them.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from belonging_cli import __version__, ask, paths
from belonging_cli._gc import collector_paused
from belonging_cli.cli.output import info
from belonging_cli.errors import BelongingError, UsageProblem
from belonging_cli.files import refuse_target
from belonging_cli.files import write_private as write_whole
from belonging_cli.journal.store import open_journal
from belonging_cli.limits import day_option
from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.model import Report
from belonging_cli.reports.period import Period, resolve_period
from belonging_cli.reports.privacy import Privacy
from belonging_cli.reports.rubric_facts import resolve_behaviours, rubric_facts
from belonging_cli.reports.words import date_range, day, left_out
from belonging_cli.safe_text import strip_controls
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    from belonging_cli.journal.evidence_store import WeekEvidence


# The whole command, not just the loading and the model: once a report of years is in
# memory, each full collection while it renders re-walks its ~10^6 acyclic records for
# nothing (~10% of a 10,000-session report, issue 19).
@collector_paused()
def write_report(
    settings: Settings,
    period: str | None,
    since: str | None,
    until: str | None,
    behaviours: list[str] | None,
    fmt: str | None,
    out: Path | None,
    share: bool,
    template: Path | None,
    include: Sequence[str] = (),
) -> None:
    """The report asked for, on stdout or in `out`; messages on stderr. A shared one
    includes the private items `include` names (or, at a terminal without it, those
    the person picks: reports/share_choice.py)."""
    chosen = choose_format(fmt, out, template)
    if include and not share:
        raise UsageProblem("--include picks private items for a shared report: add --share")
    privacy = Privacy(share, include)
    built = build(settings, period, since, until, behaviours, share=share, privacy=privacy)
    if share and not include and privacy.withheld and ask.terminal_available():
        from belonging_cli.reports.share_choice import pick

        picked = pick(privacy.withheld)
        if picked:
            privacy = Privacy(share, picked)
            built = build(settings, period, since, until, behaviours, share=share, privacy=privacy)
    refuse_unknown(privacy)
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
    elif on_screen(fmt, out):
        from belonging_cli.cli.output import console
        from belonging_cli.reports.terminal_report import show_report  # rich

        chosen_period = [
            *(["--period", period] if period is not None else []),
            *(["--since", since] if since is not None else []),
            *(["--until", until] if until is not None else []),
        ]
        show_report(built.report, console(), home=settings.home, period=chosen_period)
        chunks = []
    else:
        from belonging_cli.reports.render import render

        chunks = [render(built.report, chosen)]
    if out is None:
        # Whatever the journal holds (an imported answer with ESC in it), never the
        # terminal's controls: a file written with --out keeps the text exactly.
        sys.stdout.writelines(map(strip_controls, chunks))
    else:
        write_private(out, chunks)
        info(f"Report written to {out}.")
        from belonging_cli.cli.journal_crypt import warn_if_plain_copy

        warn_if_plain_copy(settings.journal_path, f"{out.name}")
    if share:
        info(f"Shared report: {left_out(built.report.private_left_out)}")
        if privacy.withheld and not ask.terminal_available():
            from belonging_cli.reports.share_choice import include_hint

            info(include_hint())


def on_screen(fmt: str | None, out: Path | None) -> bool:
    """Whether to draw the report for a person at a terminal: no --out, no --format
    (`--format md` asks for the Markdown itself), and stdout is a terminal."""
    return out is None and fmt is None and stdout_is_terminal()


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def refuse_unknown(privacy: Privacy) -> None:
    """An id given to --include that names no private text of this report: a usage error."""
    unknown = privacy.unknown()
    if unknown:
        shown = ", ".join(repr(strip_controls(u)) for u in unknown)
        raise UsageProblem(
            f"--include {shown}: no private item of this report has that id",
            hint="the ids are in `belonging journal show`, or run `report --share` at a terminal",
        )


class Built:
    """A report, and what to say instead when it has nothing in it.

    The journal's records are not kept: once the model is built they are
    freed, so rendering a 10,000-session report does not hold both.
    """

    def __init__(self, report: Report, empty_message: str | None) -> None:
        self.report = report
        self.empty_message = empty_message


def build(
    settings: Settings,
    period: str | None,
    since: str | None,
    until: str | None,
    behaviours: list[str] | None,
    *,
    share: bool,
    privacy: Privacy | None = None,
) -> Built:
    """The report of `settings`' journal, against `settings.rubrics`."""
    if since is not None and period is not None:
        # Both choose the period: one would be silently dropped.
        raise UsageProblem(
            "--since and --period both choose the period",
            hint="give --since DATE (and --until DATE), or --period, not both",
        )
    config = settings.config
    zone = settings.zone()
    now = settings.now()
    start = parse_date(since, "--since")
    end = parse_date(until, "--until")
    folder = settings.rubrics
    rubric = rubric_facts(folder)  # cached: a report need not load pydantic and YAML
    chosen = resolve_behaviours(rubric, behaviours or [], folder)
    loaded = load(
        settings.journal_path,
        config.report_period if period is None else period,  # '' is a mistake, not a default
        now.date(),
        start,
        end,
        [b.id for b in rubric.behaviours],
    )
    made = build_report(
        loaded.data,
        rubric,
        loaded.span,
        now=now,
        share=share,
        behaviours=chosen or None,
        person=config.name,
        zone=zone,
        tool_version=__version__,
        privacy=privacy,
        evidence=loaded.evidence,
        reflection_weeks=loaded.weeks,
    )
    return Built(made, empty_message(made, loaded.last_day()) if made.is_empty else None)


class Loaded(NamedTuple):
    """What a report reads from the journal, and the period it covers."""

    data: JournalData
    span: Period
    weeks: list[str]  # of every completed reflection
    evidence: list[WeekEvidence]
    # The day of the latest reflection, read only for an empty report's message.
    last_day: Callable[[], dt.date | None]


def load(
    path: Path,
    name: str,
    today: dt.date,
    since: dt.date | None,
    until: dt.date | None,
    behaviours: Sequence[str],
    *,
    whole: bool = False,
) -> Loaded:
    """The period `name` (or since..until), and what its report reads: the period's
    sessions and the few around it that its figures read, and of their answers only
    those the sections read (journal/period_read.py): the cost follows the period.
    `whole`: every record of the journal instead (what the tests compare it with).
    A journal not yet made reads as empty."""
    from belonging_cli.journal.period_read import answers_read
    from belonging_cli.reports.scope import READ_KINDS, READ_ROLES
    from belonging_cli.reports.sections.evidence import weeks_to_read

    if not path.exists():
        span = resolve_period(name, today=today, since=since, until=until)
        return Loaded(JournalData(), span, [], [], lambda: None)
    with open_journal(path) as journal:
        complete = journal.complete_weeks()
        weeks = [w for w, reflection in complete if reflection]
        span = resolve_period(name, today=today, since=since, until=until, journal_weeks=weeks)
        # `all` too: from its first week, with nothing before it to walk back to.
        data = (
            journal.load_all()
            if whole
            else journal.period_data(
                span.first_week,
                span.last_week,
                behaviours=behaviours,
                until=span.end,
                weeks=[w for w, _ in complete],
                answers=answers_read(READ_ROLES, READ_KINDS),
            )
        )
        # Its period's, and a few weeks before (sections/evidence.weeks_to_read).
        evidence = journal.evidence(weeks=weeks_to_read(span.first_week, span.last_week))
    return Loaded(data, span, weeks, evidence, lambda: _last_day(path) if weeks else None)


def _last_day(path: Path) -> dt.date | None:
    with open_journal(path) as journal:
        return journal.last_reflection_day()


def parse_date(text: str | None, option: str) -> dt.date | None:
    """`2026-11-27` -> a date; anything else (or outside 1970-2100) is a usage error."""
    return day_option(text, option)


# What an --out file's extension says it holds; any other is refused without --format.
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def choose_format(fmt: str | None, out: Path | None, template: Path | None) -> str:
    """The format asked for. A file holds what its name says: without --format its
    extension decides (any other, `x.pdf` included, is refused with the formats listed);
    an explicit --format takes any extension except one naming another format."""
    if fmt is not None and fmt not in EXTENSIONS.values():
        raise UsageProblem(f"unknown format {fmt!r}", hint="use md, html or json")
    if template is not None:
        if fmt == "json":
            raise UsageProblem("--template makes text from a template; it cannot be --format json")
        return "html" if template.suffix.lower() in (".html", ".htm") else "md"
    if out is None:
        return fmt or "md"
    # Refusing to write over the journal or through a planted link comes first.
    special = refuse_target(out)
    named = EXTENSIONS.get(out.suffix.lower())
    if fmt is None and named is None and not special:  # a pipe or device: as on screen
        raise UsageProblem(
            f"cannot tell which format to write to {strip_controls(out.name)!r}: "
            "--out takes a .md, .html or .json file, or give --format md, html or json"
        )
    if fmt is not None and named is not None and named != fmt:
        raise UsageProblem(
            f"--format {fmt} cannot go into {strip_controls(out.name)!r}, a {named} file's name: "
            f"use a .{fmt} name, or --format {named}"
        )
    return fmt or named or "md"


def empty_message(report: Report, last_day: dt.date | None) -> str:
    """What to say when there is nothing to report (`last_day`: of the latest
    reflection): where to go from here."""
    if last_day is None:
        return (
            "Your journal has no reflections yet, so there is nothing to report. "
            "Run `belonging reflect` for your first one (about ten minutes), or "
            "`belonging demo` to see what a report looks like."
        )
    period = report.period
    return (
        f"No reflections between {date_range(period.start, period.end, 'and')}. "
        f"Your last one was on {day(last_day)}: try `--period all`, "
        "or `belonging reflect` to pick the practice up again."
    )


def write_private(path: Path, chunks: Iterable[str]) -> None:
    """Write a file only its owner can read (reports hold private reflections), all or
    nothing: a full disk leaves no half report, and an older file is replaced whole."""
    if not path.parent.exists():
        try:
            paths.ensure_private_dir(path.parent)
        except OSError as exc:
            raise BelongingError(f"cannot write {path}: {exc.strerror}") from None
    write_whole(path, chunks)
