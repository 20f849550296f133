"""Which libraries a command line loads: run `main` in a fresh process and look.

    from support.startup import HEAVY, loaded_after

    assert not loaded_after("status") & HEAVY

A fresh process is the only honest view: an in-process run would see what every
earlier test imported.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Mapping

# Third-party libraries a start-up path must not pay for: the CLI framework typer,
# and what only some commands need (terminal tables, validation, prompts, templates,
# Markdown, YAML).
HEAVY = frozenset(
    {"typer", "rich", "pydantic", "questionary", "jinja2", "prompt_toolkit", "markdown_it", "yaml"}
)

PROBE = """
import sys
from belonging_cli.main import main
code = main(sys.argv[1:])
print(sorted(sys.modules), file=sys.stderr)
raise SystemExit(code)
"""


def modules_after(*args: str, env: Mapping[str, str] | None = None) -> set[str]:
    """Every module loaded by `belonging ARGS` (which must succeed), full names."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=False,
        env=None if env is None else {**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    return set(ast.literal_eval(result.stderr.strip().splitlines()[-1]))


def loaded_after(*args: str, env: Mapping[str, str] | None = None) -> set[str]:
    """The top-level packages loaded by `belonging ARGS`: `rich`, not `rich.table`."""
    return {name.split(".")[0] for name in modules_after(*args, env=env)}
