"""Options shared by several commands, declared once."""

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
