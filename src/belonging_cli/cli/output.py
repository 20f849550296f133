"""Printing for commands: rich consoles (NO_COLOR respected by rich) and JSON."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Machine output: stable, indented, UTF-8, one document on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def info(message: str) -> None:
    """A short note for people, on stderr so that stdout stays clean for pipes."""
    print(message, file=sys.stderr)
