"""TRANSITION ONLY: the shared options as typer spells them, until every module is click."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]

RubricsOption = Annotated[
    Path | None,
    typer.Option(
        "--rubrics",
        help="Use the rubric set in this folder (default: $BELONGING_RUBRICS, else the built-in).",
        file_okay=False,
        show_default=False,
    ),
]

FlowsOption = Annotated[
    Path | None,
    typer.Option(
        "--flows",
        help="Use the reflection flows in this folder (default: $BELONGING_FLOWS, else built-in).",
        file_okay=False,
        show_default=False,
    ),
]

FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="md, html or json (default: from --out's extension, else md).",
        metavar="FORMAT",
        show_default=False,
    ),
]

OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Write to this file instead of the screen.",
        metavar="FILE",
        dir_okay=False,
        show_default=False,
    ),
]
