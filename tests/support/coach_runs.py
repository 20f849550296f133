"""The coach's commands as the roll-up tests run them, on TODAY, and how they check a
bundle refused at its place.

    out = coach(cli, "summary", str(bundle), "--format", "md")   # exit 0, stdout
    result = summary(cli, bad, good)                             # the Result
    refused_at(result, bad, "goals[0].target")                   # one located line
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from support.cli import CliRunner, Result
from support.three_clients import TODAY, frozen_at

LOCATED = re.compile(r"^(\S+):(\d+):(\d+): (\S+): ")


def coach(cli: CliRunner, *args: str, day: dt.date = TODAY) -> str:
    """`belonging coach ARGS` on `day`: it succeeds, and its output."""
    with frozen_at(day):
        done = cli("coach", *args)
    assert done.code == 0, done.err
    return done.out


def summary(cli: CliRunner, *paths: Path, fmt: str = "md") -> Result:
    with frozen_at(TODAY):
        return cli("coach", "summary", *map(str, paths), "--format", fmt)


def refused_at(result: Result, bad: Path, field: str) -> str:
    """`bad` refused in one `file:line:col: field: ...` line at the line holding the
    field's key, the roll-up going on without it (exit 1); that line."""
    assert result.code == 1
    assert "Traceback" not in result.err
    (line,) = [x for x in result.err.splitlines() if bad.name in x]
    found = LOCATED.match(line)
    assert found is not None, line
    assert found.group(4) == field, line
    key = re.sub(r"\[\d+\]$", "", field).rsplit(".", 1)[-1]
    at_line = int(found.group(2))
    assert f'"{key}"' in bad.read_text(encoding="utf-8").splitlines()[at_line - 1], line
    return line
