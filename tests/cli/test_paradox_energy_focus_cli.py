"""Behaviours #5, #8 and #9 as a user meets them: `rubric validate --strict` passes on
them, and `rubric show` reads at 80 columns with the 2.0 lines in it."""

from __future__ import annotations

import pytest

from support.cli import REPO, CliRunner

FILES = (
    "05-navigate-paradox.yaml",
    "08-energy-for-possibility.yaml",
    "09-focus-over-competition.yaml",
)


def test_the_three_pass_the_strict_rules(cli: CliRunner) -> None:
    # One by one, then in the whole packaged set (one home per strand, retired ids not
    # reused across files): whatever the other behaviours' state, none names these three.
    alone = cli("rubric", "validate", "--strict", *(str(REPO / "rubrics" / f) for f in FILES))
    assert alone.code == 0, alone.err
    in_the_set = cli("rubric", "validate", "--strict", str(REPO / "rubrics"))
    assert not [line for line in in_the_set.err.splitlines() if any(f in line for f in FILES)]


@pytest.mark.parametrize("number", ["5", "8", "9"])
def test_show_reads_at_80_columns(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, number: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("rubric", "show", number)
    assert result.code == 0, result.err
    assert max(len(line) for line in result.out.splitlines()) <= 80
    assert "Without a team:" in result.out
    assert "Did it:" in result.out and "Saw it:" in result.out
    assert "It works if:" not in result.out  # no 1.x signal left
