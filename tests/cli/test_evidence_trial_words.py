"""Small words of the trial of issue 18: counts in the plural rule's words
(reports/words.plural), and a person written about counted once by their full name."""

from __future__ import annotations

from pathlib import Path

from support.cli import CliRunner


def test_a_one_week_demo_says_one_week(cli: CliRunner, tmp_path: Path) -> None:
    done = cli("demo", str(tmp_path / "demo"), "--weeks", "1")
    assert done.code == 0, done.err
    said = " ".join(done.out.split())  # as read, however the console wrapped it
    assert "1 reflection over 1 week." in said
    assert "1 reflections" not in said and "1 weeks" not in said
