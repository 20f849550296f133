"""Running `belonging report --template` in tests, and what a stopped template looks like.

from support.templates import assert_stopped, reflect_once, run_template
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]  # the conftest `cli` fixture: (*args) -> Result(code, out, err)


def reflect_once(cli: Run, folder: Path) -> None:
    """One week reflected (every answer from the answers template), so there is a report."""
    answers = folder / "week.yaml"
    answers.write_text(cli("reflect", "--answers-template").out, encoding="utf-8")
    assert cli("reflect", "--answers", str(answers)).code == 0


def run_template(cli: Run, template: Path, body: str) -> tuple[int, str, str]:
    """Write `body` to `template` and report all periods with it: code, stdout, stderr."""
    template.write_text(body + "\n", encoding="utf-8")
    result = cli("report", "--period", "all", "--template", str(template))
    return result.code, result.out, result.err


def assert_stopped(code: int, out: str, err: str, template: Path) -> None:
    """Exit 1 and one line naming the template: never a traceback, nor a command's output."""
    assert code == 1, (out[:300], err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"belonging: error: {template}"), err
    assert "Traceback" not in err and "unexpected error" not in err, err
    for leak in ("PWNED-42", "root:", "uid=", "<class", "<module"):
        assert leak not in out, (leak, out[:300])
