"""`belonging flows ...`: the reflection flows in use, one in detail, and checking files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from belonging_cli.cli.options import flows_option, json_option, pass_settings, rubrics_option
from belonging_cli.cli.output import console, print_json
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    from belonging_cli.content.flows import FlowSet, Step


def _load(folder: Path) -> FlowSet:
    """The flows, validated (pydantic and YAML: not imported for `--help`)."""
    from belonging_cli.content.flows import load_flows

    return load_flows(folder)


@click.group("flows", no_args_is_help=True)
def flows() -> None:
    """List, show and validate reflection flows."""


@flows.command("list")
@flows_option
@json_option
@pass_settings
def list_flows(settings: Settings, flows: Path | None, as_json: bool) -> None:
    """List the flows: id, minutes and what each is for."""
    found = _load(settings.with_folders(flows=flows).flows)
    if as_json:
        print_json(
            {
                "folder": str(found.folder),
                "flows": [
                    {
                        "id": f.id,
                        "title": f.title,
                        "minutes": f.minutes,
                        "steps": len(f.steps),
                        "description": " ".join(f.description.split()),
                    }
                    for f in found.flows
                ],
            }
        )
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(f"Reflection flows ({found.folder})"), title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("min", justify="right")
    table.add_column("what it is for")
    for f in found.flows:
        table.add_row(f.id, str(f.minutes), escape(" ".join(f.description.split())))
    console().print(table)
    console().print("Run one with `belonging reflect --flow ID`.")


@flows.command("show")
@click.argument("flow_id", metavar="ID")
@flows_option
@json_option
@pass_settings
def show(settings: Settings, flow_id: str, flows: Path | None, as_json: bool) -> None:
    """Show one flow: its steps in order, with their kinds and conditions.

    ID is a flow id (see `flows list`).
    """
    flow = _load(settings.with_folders(flows=flows).flows).get(flow_id)
    if as_json:
        print_json(flow.model_dump(mode="json", by_alias=True, exclude_none=True))
        return
    from rich.markup import escape
    from rich.padding import Padding
    from rich.text import Text

    def indented(text: str) -> Padding:
        return Padding(Text(" ".join(text.split())), (0, 0, 0, 4), expand=False)

    out = console()
    # A flow is someone's file: its words are shown as written, never as markup.
    out.print(
        f"[bold]{escape(flow.title)}[/bold]  [dim]({flow.id}, about {flow.minutes} min)[/dim]"
    )
    out.print(Text(" ".join(flow.description.split())))
    for number, step in enumerate(flow.steps, 1):
        notes = _notes(step)
        out.print(f"\n{number:>2}. [bold]{step.id}[/bold]  [dim]{step.kind}{escape(notes)}[/dim]")
        if step.question:
            out.print(indented(step.question))
        for line in _extra(step):
            out.print(indented(line))


def _notes(step: Step) -> str:
    notes = []
    if step.optional:
        notes.append("optional")
    if step.private:
        notes.append("private")
    if step.when is not None:
        condition: dict[str, Any] = step.when.model_dump(by_alias=True, exclude_none=True)
        target = condition.pop("step")
        test, value = next(iter(condition.items()))
        notes.append(f"when {target} {test.replace('_', ' ')} {value}")
    if step.role:
        notes.append(f"role {step.role}")  # what the report reads from it
    return f", {', '.join(notes)}" if notes else ""


def _extra(step: Step) -> list[str]:
    from belonging_cli.engine.kinds import describe

    return describe(step)  # each kind says what it does (engine/kinds/)


@flows.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@rubrics_option
@pass_settings
def validate(settings: Settings, paths: tuple[Path, ...], rubrics: Path | None) -> None:
    """Check flow files or folders (PATHS); list every problem as file:line:col.

    Behaviours are checked against the rubric in use (--rubrics, else the rubrics setting).
    """
    from belonging_cli.content.flows import validate_flow_paths
    from belonging_cli.content.rubrics import load_rubric

    behaviour_ids = load_rubric(settings.with_folders(rubrics=rubrics).rubrics).ids()
    for line in validate_flow_paths(paths, behaviour_ids):
        click.echo(f"ok  {line}")
