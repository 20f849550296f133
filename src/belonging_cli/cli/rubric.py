"""`belonging rubric ...`: read and check the behaviours you rate yourself against."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from belonging_cli.cli.options import json_option, pass_settings, rubrics_option
from belonging_cli.cli.output import console, print_json
from belonging_cli.safe_text import strip_controls
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console

    from belonging_cli.content.rubrics import Rubric


def _load(folder: Path) -> Rubric:
    """The whole rubric, validated: pydantic and YAML, so only where facts do not do."""
    from belonging_cli.content.rubrics import load_rubric

    return load_rubric(folder)


@click.group("rubric", no_args_is_help=True)
def rubric() -> None:
    """Browse and validate the leadership rubric."""


@rubric.command("list")
@rubrics_option
@json_option
@pass_settings
def list_behaviours(settings: Settings, rubrics: Path | None, as_json: bool) -> None:
    """List the behaviours: number, id and title."""
    folder = settings.with_folders(rubrics=rubrics).rubrics
    if not as_json:
        from belonging_cli.journal.listing import columns
        from belonging_cli.reports.rubric_facts import rubric_facts

        # The cached facts (validated when cached) and a plain table: a quick answer.
        facts = rubric_facts(folder)
        rows = [[str(b.number), b.id, strip_controls(b.title)] for b in facts.behaviours]
        heading = strip_controls(f"{facts.title} ({facts.id} {facts.version})")
        click.echo(
            heading + "\n\n" + columns(("#", "id", "title"), rows, right=frozenset({0})), nl=False
        )
        return
    found = _load(folder)
    print_json(
        {
            "rubric": {"id": found.id, "version": found.version, "title": found.manifest.title},
            "behaviours": [
                {"number": b.number, "id": b.id, "title": b.title, "statement": b.statement}
                for b in found.behaviours
            ],
        }
    )


@rubric.command("show")
@click.argument("behaviour")
@rubrics_option
@json_option
@pass_settings
def show(settings: Settings, behaviour: str, rubrics: Path | None, as_json: bool) -> None:
    """Show one behaviour: statement, why, levels, look-fors, traps, prompts, experiments.

    BEHAVIOUR is a behaviour id, or its number (`belonging rubric list`).
    """
    loaded = _load(settings.with_folders(rubrics=rubrics).rubrics)
    found = loaded.get(behaviour)
    if as_json:
        print_json(found.model_dump())
        return
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(f"[bold]{found.number}. {escape(found.title)}[/bold]  [dim]({found.id})[/dim]")
    out.print(Panel(Text(found.statement), title="statement", title_align="left", expand=False))
    out.print(f"\n[bold]Why it matters[/bold]\n{escape(found.why)}\n")
    levels = Table(title="Levels", title_justify="left", show_lines=True)
    levels.add_column("level", no_wrap=True)
    levels.add_column("what it looks like this week")
    for level in found.levels:
        label = escape(f"{level.level} {loaded.label(level.level)}")
        said = escape(level.descriptor)
        if level.solo:
            said += f"\n[italic]Without a team:[/italic] {escape(level.solo)}"
        levels.add_row(label, said)
    out.print(levels)
    _bullets(out, "Look-fors (what others would see)", found.look_fors)
    _bullets(out, "Control traps (the counterfeit)", found.control_traps)
    out.print("\n[bold]Reflection prompts[/bold]")
    for prompt in found.prompts:
        out.print(f"  • {escape(prompt.text)} [dim]({prompt.id})[/dim]")
    out.print("\n[bold]Experiments[/bold]")
    for exp in found.experiments:
        out.print(f"  • [bold]{escape(exp.title)}[/bold] [dim]({exp.id}, {exp.minutes} min)[/dim]")
        out.print(f"    {escape(exp.practice)}")
        for label, text in exp.signals():
            out.print(f"    [italic]{escape(label)}[/italic] {escape(text)}")


def _bullets(out: Console, title: str, items: list[str]) -> None:
    from rich.markup import escape

    out.print(f"\n[bold]{title}[/bold]")
    for item in items:
        out.print(f"  • {escape(item)}")


@rubric.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--strict",
    is_flag=True,
    help="Also hold the content to Rubric 2.0's rules (docs/content-guide.md).",
)
def validate(paths: tuple[Path, ...], strict: bool) -> None:
    """Check rubric files or folders (PATHS); list every problem as file:line:col."""
    from belonging_cli.content.rubrics import validate_paths

    for line in validate_paths(paths, strict=strict):
        click.echo(f"ok  {line}")
