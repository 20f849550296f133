"""Running the real CLI in a pseudo-terminal, as a person would (pexpect)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")


def spawn_cli(
    home: Path,
    *args: str,
    timeout: int = 20,
    dimensions: tuple[int, int] = (40, 100),
    preexec_fn: Callable[[], None] | None = None,
) -> Any:
    """`belonging ARGS...` in a new terminal, with its journal in `home`."""
    env = {
        **os.environ,
        "BELONGING_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",  # else ~1 s per prompt waiting for a cursor report
        "TERM": "xterm",
        "NO_COLOR": "1",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "belonging_cli", *args],
        env=env,
        encoding="utf-8",
        timeout=timeout,
        dimensions=dimensions,
        preexec_fn=preexec_fn,
    )


# What the weekly flow's menus end with, to wait for in a real terminal (a menu of
# numbers, how sure 0-10, takes a number typed: ask._numbers_typed).
RATING_PROMPT = r"\(Enter keeps the highlighted one\)|\(Use shortcuts|\(Type a number"
TEXT_PROMPT = r"Enter: done"
