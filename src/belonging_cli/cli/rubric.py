"""`belonging rubric ...`: read and check the behaviours you rate yourself against."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from belonging_cli.cli.typer_options import JsonOption, RubricsOption

app = typer.Typer(help="Browse and validate the leadership rubric.", no_args_is_help=True)


@app.command("list")
def list_behaviours(rubrics: RubricsOption = None, as_json: JsonOption = False) -> None:
    """List the behaviours: number, id and title."""
    from belonging_cli.content.rubrics import load_rubric

    rubric = load_rubric(rubrics)
    if as_json:
        from belonging_cli.cli.output import print_json

        print_json(
            {
                "rubric": {
                    "id": rubric.id,
                    "version": rubric.version,
                    "title": rubric.manifest.title,
                },
                "behaviours": [
                    {"number": b.number, "id": b.id, "title": b.title, "statement": b.statement}
                    for b in rubric.behaviours
                ],
            }
        )
        return
    from rich.markup import escape
    from rich.table import Table

    from belonging_cli.cli.output import console

    # A rubric is someone's file: its words are shown as written, never as markup.
    table = Table(
        title=escape(f"{rubric.manifest.title} ({rubric.id} {rubric.version})"),
        title_justify="left",
    )
    table.add_column("#", justify="right")
    table.add_column("id")
    table.add_column("title")
    for b in rubric.behaviours:
        table.add_row(str(b.number), b.id, escape(b.title))
    console().print(table)


@app.command("show")
def show(
    behaviour: Annotated[str, typer.Argument(help="A behaviour id, or its number 1-10.")],
    rubrics: RubricsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one behaviour: statement, why, levels, look-fors, traps, prompts, experiments."""
    from belonging_cli.content.rubrics import load_rubric

    rubric = load_rubric(rubrics)
    found = rubric.get(behaviour)
    if as_json:
        from belonging_cli.cli.output import print_json

        print_json(found.model_dump())
        return
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from belonging_cli.cli.output import console

    out = console()
    out.print(f"[bold]{found.number}. {escape(found.title)}[/bold]  [dim]({found.id})[/dim]")
    out.print(Panel(Text(found.statement), title="statement", title_align="left", expand=False))
    out.print(f"\n[bold]Why it matters[/bold]\n{escape(found.why)}\n")
    levels = Table(title="Levels", title_justify="left", show_lines=True)
    levels.add_column("level", no_wrap=True)
    levels.add_column("what it looks like this week")
    for level in found.levels:
        label = escape(f"{level.level} {rubric.label(level.level)}")
        levels.add_row(label, escape(level.descriptor))
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
        out.print(f"    [italic]Worked if:[/italic] {escape(exp.signal)}")


def _bullets(out: object, title: str, items: list[str]) -> None:
    from rich.console import Console

    assert isinstance(out, Console)
    from rich.markup import escape

    out.print(f"\n[bold]{title}[/bold]")
    for item in items:
        out.print(f"  • {escape(item)}")


@app.command("validate")
def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Rubric files or folders to check.", show_default=False)
    ],
) -> None:
    """Check rubric files or folders; list every problem as file:line:col."""
    from belonging_cli.content.rubrics import validate_paths

    for line in validate_paths(paths):
        typer.echo(f"ok  {line}")
