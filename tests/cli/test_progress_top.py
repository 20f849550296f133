"""`belonging progress` opens with the report's two-minute top (issue 14), as the
terminal report does: the same lines as the JSON's `top.lines`, before the ratings,
wrapped at words to the window (60 columns too), never inside one.

Read from the known journal (tests/support/known_journal.py) through the real CLI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from support.cli import CliRunner
from support.known_journal import KnownJournal
from support.known_reports import built, bundle


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnownJournal]:
    yield from built(tmp_path_factory, "progress-top")


def glance_of(shown: str) -> str:
    """What progress shows from "At a glance" to the ratings table's header."""
    table = re.search(r"^\s*#\s+Behaviour", shown, re.MULTILINE)
    assert table is not None and "At a glance" in shown
    start = shown.index("At a glance")
    assert start < table.start()  # at the top, before the ratings
    return shown[start : table.start()]


def flat(text: str) -> str:
    """The text as one line of words: what a person reads across wrapped lines."""
    return " ".join(text.replace("•", " ").split())


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_progress_opens_with_the_two_minute_top(
    cli: CliRunner, known: KnownJournal, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    lines = bundle(cli, known)["top"]["lines"]
    assert len(lines) == 5  # the known journal's top has every line
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("--home", str(known.home), "progress")
    assert result.code == 0, result.err
    shown = result.out
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= columns
    read = flat(glance_of(shown))
    at = 0
    for line in lines:  # each whole, in order: so no word is split across lines
        found = read.find(flat(line), at)
        assert found >= 0, (line, read)
        at = found + len(flat(line))


def test_wrapped_top_lines_hang_under_their_first_word(
    cli: CliRunner, known: KnownJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    shown = cli("--home", str(known.home), "progress").out
    rows = glance_of(shown).split("\n\n", 1)[0].splitlines()[1:]  # the heading's block
    bullets = [row for row in rows if row.lstrip().startswith("•")]
    assert len(bullets) == 5
    assert len(rows) > len(bullets)  # some line wrapped at 60 columns
    for row in rows:
        if not row.lstrip().startswith("•"):
            assert row.startswith("  "), row  # a continuation, indented under the text
