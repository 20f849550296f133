"""`belonging coach prep BUNDLE`: one page for the next session with one client."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from belonging_cli.content.rubrics import load_rubric
from support.cli import CliRunner
from support.prep_bundles import (
    EVIDENCE,
    EXERCISE_ANSWER,
    LEARNED,
    WANT,
    typical_month,
    write_bundle,
)

TODAY = dt.date.today()
HOSTILE = '<script>alert("x")</script>'


def all_prompts() -> set[str]:
    rubric = load_rubric()
    return {p.text for b in rubric.behaviours for p in b.prompts}


def test_the_sheet_says_what_moved_what_the_client_wrote_and_asks_rubric_questions(
    cli: CliRunner, tmp_path: Path
) -> None:
    bundle = write_bundle(tmp_path / "maya.json", typical_month("Maya", TODAY))
    result = cli("coach", "prep", str(bundle))
    assert result.code == 0, result.err
    text = result.out
    assert text.startswith("# Session prep: Maya")
    for words in (WANT, EVIDENCE, LEARNED, EXERCISE_ANSWER):
        assert words in text
    assert "## What moved" in text and "overdue" in text
    questions = text.split("## Questions for the session", 1)[1].strip().splitlines()
    assert 3 <= len(questions) <= 5
    prompts = all_prompts()
    for line in questions:
        asked = line.split(". ", 1)[1].rsplit(" (", 1)[0]
        assert asked in prompts  # each one a rubric prompt, word for word


def test_html_escapes_what_the_bundle_holds(cli: CliRunner, tmp_path: Path) -> None:
    data = typical_month(HOSTILE, TODAY)
    data["prep"][0]["text"] = HOSTILE
    bundle = write_bundle(tmp_path / "x.json", data)
    out = tmp_path / "prep.html"
    result = cli("coach", "prep", str(bundle), "--out", str(out))
    assert result.code == 0, result.err
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_an_unshared_bundle_is_refused_in_one_line(cli: CliRunner, tmp_path: Path) -> None:
    data = typical_month("Maya", TODAY)
    data["shared"] = False
    result = cli("coach", "prep", str(write_bundle(tmp_path / "own.json", data)))
    assert result.code == 1
    assert "not a shared report" in result.err and "--share" in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_a_broken_bundle_is_named_with_its_place(cli: CliRunner, tmp_path: Path) -> None:
    data = typical_month("Maya", TODAY)
    data["prep"][0]["text"] = 7
    result = cli("coach", "prep", str(write_bundle(tmp_path / "bad.json", data)))
    assert result.code == 1
    assert "bad.json:" in result.err and "prep[0].text" in result.err
    assert "Traceback" not in result.err


def test_at_a_terminal_it_fits_80_columns(tmp_path: Path) -> None:
    from belonging_cli.cli.output import _safe_console
    from belonging_cli.coaching.bundle import parse_bundle
    from belonging_cli.coaching.prep import build_prep
    from belonging_cli.coaching.prep_render import show_prep

    raw = write_bundle(tmp_path / "m.json", typical_month("Maya", TODAY)).read_bytes()
    sheet = build_prep(parse_bundle(raw, "m.json"), "m.json", load_rubric(), TODAY)
    buffer = io.StringIO()
    show_prep(sheet, _safe_console()(file=buffer, width=200, color_system=None))
    lines = buffer.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any("Session prep: Maya" in line for line in lines)
    assert WANT in " ".join(" ".join(lines).split())


def test_since_narrows_the_weeks(cli: CliRunner, tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path / "maya.json", typical_month("Maya", TODAY))
    result = cli("coach", "prep", str(bundle), "--since", TODAY.isoformat())
    assert result.code == 0, result.err
    assert LEARNED not in result.out  # last week's experiment is before --since
    assert WANT in result.out
