"""`belonging --version` is the floor of every command's time: it imports almost nothing."""

from __future__ import annotations

import ast
import subprocess
import sys


def test_version_imports_no_dataclasses_typing_or_typer() -> None:
    # dataclasses pulls in inspect, ast and dis: half the time of `--version`.
    code = (
        "import sys\nfrom belonging_cli.main import main\nmain(['--version'])\n"
        "print(sorted(sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("belonging ")
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert not loaded & {"dataclasses", "typing", "typer", "belonging_cli.errors"}
