"""A client's shared bundle built through the real CLI outside a test's `cli` fixture.

    data = bundle_data(lambda cli: feedback_client(cli, folder))

For a module's fixture: a hostile corpus edits one bundle built once, not one a case.
The environment is pinned as the `cli` fixture pins it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from support.cli import CliRunner, Result


def bundle_data(build: Callable[[CliRunner], Path]) -> dict[str, Any]:
    """The bundle `build` makes (given a runner of the real entry point), as data."""
    from belonging_cli import settings
    from belonging_cli.main import main

    def runner(*args: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        settings.install(None)
        return Result(code, out.getvalue(), err.getvalue())

    pinned = {"COLUMNS": "100", "NO_COLOR": "1", "TZ": "UTC"}
    with mock.patch.dict(os.environ, pinned):
        path = build(runner)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
