"""Reading the known journal's reports through the real CLI (tests/support/known_journal.py).

@pytest.fixture(scope="module")
def known(tmp_path_factory): yield from built(tmp_path_factory, "insight")
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from support.cli import CliRunner
from support.known_journal import KnownJournal, build_known_journal


def built(factory: pytest.TempPathFactory, name: str) -> Iterator[KnownJournal]:
    """The known journal in a folder of its own, built in UTC without colour."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        patch.setenv("NO_COLOR", "1")
        yield build_known_journal(factory.mktemp(name) / "home")


def report(cli: CliRunner, known: KnownJournal, *args: str) -> str:
    """`belonging report ARGS` on the known journal: its output (it must succeed)."""
    result = cli("--home", str(known.home), "report", *args)
    assert result.code == 0, result.err
    return result.out


def bundle(cli: CliRunner, known: KnownJournal, *args: str) -> dict[str, Any]:
    """The known journal's JSON report bundle."""
    data = json.loads(report(cli, known, "--format", "json", *args))
    assert isinstance(data, dict)
    return data
