"""`belonging reflect` run in-process as a person runs it: at a terminal with keys typed
(`reflect`), or from a template printed for this week and saved unchanged
(`answers_file`)."""

from __future__ import annotations

from pathlib import Path

from support.cli import CliRunner, Result
from support.keys import typed


def reflect(cli: CliRunner, keys: str, *args: str) -> Result:
    """`belonging reflect ARGS` with `keys` typed at its prompts (a terminal: the test
    makes `ask.terminal_available` true)."""
    with typed(keys):
        return cli("reflect", *args)


def answers_file(cli: CliRunner, tmp_path: Path, *args: str) -> Path:
    """`reflect --answers-template ARGS` saved unchanged in `tmp_path`."""
    template = cli("reflect", "--answers-template", *args)
    assert template.code == 0, template.err
    path = tmp_path / f"{'-'.join(args).strip('-') or 'weekly'}.yaml"
    path.write_text(template.out, encoding="utf-8")
    return path
