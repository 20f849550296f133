"""`coach prep`: a behaviour that climbed and fell back to where it was (2, 3, 4, 2) is
not "unchanged" nor "stalled at 2": the sheet says it fell back, from its high to where
it is now, as the relapse flag beside it does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.clock import iso_week
from support.cli import CliRunner
from support.prep_bundles import typical_month, write_bundle

TODAY = dt.date.today()
TITLE = "Protect time to reflect, experiment, engage and rest"


def _with_path(data: dict[str, Any], levels: tuple[int, ...], before: int | None) -> None:
    """protect-time rated `levels` on the last weeks (after `before`, eight weeks ago)."""
    (rating,) = [r for r in data["ratings"] if r["behaviour_id"] == "protect-time"]
    weeks = [iso_week(TODAY - dt.timedelta(weeks=len(levels) - 1 - n)) for n in range(len(levels))]
    series = [
        {"week": w, "level": lv, "evidence": None, "private": False}
        for w, lv in zip(weeks, levels, strict=True)
    ]
    if before is not None:
        early = iso_week(TODAY - dt.timedelta(weeks=8))
        series.insert(0, {"week": early, "level": before, "evidence": None, "private": False})
    first = levels[0] if before is None else before
    rating["series"] = series
    rating.update(first=first, latest=levels[-1], count=len(series), change=levels[-1] - first)


def prep(
    cli: CliRunner,
    tmp_path: Path,
    levels: tuple[int, ...],
    before: int | None = None,
    fmt: str = "md",
) -> str:
    data = typical_month("Maya", TODAY)
    _with_path(data, levels, before)
    bundle = write_bundle(tmp_path / "maya.json", data)
    result = cli("coach", "prep", str(bundle), "--format", fmt)
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize(("levels", "before"), [((2, 3, 4, 2), None), ((4, 2), 2)])
def test_a_climb_and_fall_back_is_not_unchanged(
    cli: CliRunner, tmp_path: Path, levels: tuple[int, ...], before: int | None
) -> None:
    out = prep(cli, tmp_path, levels, before)
    unchanged = [line for line in out.splitlines() if line.startswith("Unchanged:")]
    assert not any(TITLE in line for line in unchanged)
    assert "stalled at 2" not in out.split(TITLE, 1)[-1].split("\n", 1)[0]
    (fell,) = [line for line in out.splitlines() if line.startswith("Fell back:")]
    assert f"{TITLE} (up to 4, now 2)" in fell
    for line in out.split("## Questions for the session", 1)[1].splitlines():
        if TITLE in line:
            assert line.endswith(f"({TITLE}, fell back from 4 to 2)")


def test_html_says_it_fell_back_too(cli: CliRunner, tmp_path: Path) -> None:
    page = prep(cli, tmp_path, (2, 3, 4, 2), fmt="html")
    assert f"Fell back: {TITLE} (up to 4, now 2)" in page


def test_a_flat_path_is_still_unchanged(tmp_path: Path) -> None:
    from belonging_cli.coaching.bundle import parse_bundle
    from belonging_cli.coaching.prep import build_prep
    from belonging_cli.content.rubrics import load_rubric

    data = typical_month("Maya", TODAY)
    _with_path(data, (3, 3, 3, 3), None)
    raw = write_bundle(tmp_path / "maya.json", data).read_bytes()
    sheet = build_prep(parse_bundle(raw, "maya.json"), "maya.json", load_rubric(), TODAY)
    assert TITLE in sheet.stalled and TITLE not in [f.title for f in sheet.fell_back]
