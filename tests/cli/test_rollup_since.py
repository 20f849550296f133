"""The coach's roll-up counts a behaviour's change as the report does (issue 14): from
the rating just before the window (`--since`), or before the bundle's own period,
never from the window's own first rating (reports/movement.py's one rule).

Read from the known journal's bundles (tests/support/known_journal.py's hand count).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.clock import week_monday
from support.cli import CliRunner
from support.known_journal import KnownJournal
from support.known_reports import built, report

# W1 .. W8 (known_journal.RATINGS); --since the Monday of W5: the window is W5 .. W8
# and the rating before it is W4's.
SINCE_W5 = {
    "cultivate-belonging": (1, -2),  # 3 in W4, 1 in W8
    "protect-time": (4, 0),  # 4 in W4, 4 in W8 (not 1 -> 4 within the window: +3)
    "ambiguous-decisions": (3, 0),
    "credit-to-others": (4, 2),  # 2 in W4, 4 in W8 (not 3 -> 4: +1)
    "navigate-paradox": (2, -1),  # 3 in W4
    "meaningful-vision": (4, 1),  # 3 in W4
    "embrace-messiness": (2, 0),  # its one rating, in W8: nothing before it
}
# A bundle of `report --period week` (W8 alone), no --since: from W7's reflection.
THIS_WEEK = {
    "cultivate-belonging": (1, -2),
    "protect-time": (4, 3),
    "credit-to-others": (4, 1),
    "meaningful-vision": (4, 1),
    "navigate-paradox": (2, 0),
    "embrace-messiness": (2, 0),
}


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnownJournal]:
    yield from built(tmp_path_factory, "rollup-since")


def rolled_up(cli: CliRunner, bundle: Path, *args: str) -> dict[str, tuple[Any, Any]]:
    result = cli("coach", "summary", str(bundle), "--format", "json", *args)
    assert result.code == 0, result.err
    (client,) = json.loads(result.out)["clients"]
    return {r["behaviour_id"]: (r["latest"], r["change"]) for r in client["ratings"]}


def bundle_file(cli: CliRunner, known: KnownJournal, tmp_path: Path, *args: str) -> Path:
    path = tmp_path / "client.json"
    path.write_text(report(cli, known, "--share", "--format", "json", *args), encoding="utf-8")
    return path


def test_since_counts_from_the_rating_before_the_window(
    cli: CliRunner, known: KnownJournal, tmp_path: Path
) -> None:
    bundle = bundle_file(cli, known, tmp_path)
    since = week_monday(known.weeks[4]).isoformat()
    found = rolled_up(cli, bundle, "--since", since)
    assert {b: found[b] for b in SINCE_W5} == SINCE_W5


def test_without_since_the_change_is_the_bundles_own(
    cli: CliRunner, known: KnownJournal, tmp_path: Path
) -> None:
    bundle = bundle_file(cli, known, tmp_path, "--period", "week")
    data = json.loads(bundle.read_text(encoding="utf-8"))
    said = {r["behaviour_id"]: (r["latest"], r["change"]) for r in data["ratings"]}
    found = rolled_up(cli, bundle)
    assert {b: found[b] for b in THIS_WEEK} == THIS_WEEK == {b: said[b] for b in THIS_WEEK}


def test_since_before_the_bundle_keeps_its_figures(
    cli: CliRunner, known: KnownJournal, tmp_path: Path
) -> None:
    bundle = bundle_file(cli, known, tmp_path, "--period", "week")
    since = week_monday(known.weeks[0]).isoformat()  # before the bundle's one week
    assert {b: rolled_up(cli, bundle, "--since", since)[b] for b in THIS_WEEK} == THIS_WEEK
