"""`belonging evidence transcript`: figures kept per week, nobody else's words, one-line errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from support.cli import CliRunner
from support.places import HOSTILE

HERE = HOSTILE / "transcripts"
TEAMS = str(HERE / "teams-weekly-sync.vtt")
ZOOM = str(HERE / "GMT20260312-150000_Recording.transcript.vtt")
DAY = "2026-03-10"  # the Teams file's (it has no date of its own)


def _journal(home: Path) -> Path:
    (found,) = [p for p in home.iterdir() if p.suffix in {".sqlite3", ".db", ".sqlite"}]
    return found


def test_a_week_of_teams_and_zoom_is_kept_as_figures(cli: CliRunner, isolated_home: Path) -> None:
    result = cli(
        "evidence", "transcript", TEAMS, ZOOM, "--me", "dana reyes", "--date", "2026-03-10"
    )
    assert result.code == 0, result.err
    assert "2026-03-10  teams-weekly-sync.vtt: you spoke 60% of the time in 1 meeting" in result.out
    assert "2026-03-12  GMT20260312-150000_Recording.transcript.vtt: you spoke 43%" in result.out
    assert (
        "2026-W11  you spoke 56% of the time in 2 meetings (57% of the words), longest monologue "
        "1 min 0 s, 7 turns, 8 questions, 5 open, 1 directive, 5 inviting, "
        "spoke least: speaker 4 of 4 (5%)"
    ) in result.out
    assert "Kept the figures of 1 week and 3 of your own sentences (private)" in result.err
    with sqlite3.connect(_journal(isolated_home)) as conn:
        ((week, source, figures, kept),) = conn.execute(
            "SELECT week, source, figures, examples FROM evidence"
        ).fetchall()
    assert (week, source) == ("2026-W11", "transcript")
    assert json.loads(figures)["questions"] == 8
    assert len(json.loads(kept)) == 3


def test_nobody_elses_words_are_kept(cli: CliRunner, isolated_home: Path) -> None:
    assert (
        cli("evidence", "transcript", TEAMS, "--me", "Dana Reyes", "--date", "2026-03-10").code == 0
    )
    stored = _journal(isolated_home).read_bytes()
    for theirs in (b"database migration", b"two small bugs", b"Sam Ortiz", b"Priya", b"Lee Chan"):
        assert theirs not in stored


def test_me_matching_nobody_lists_the_speakers_in_one_line(
    cli: CliRunner, isolated_home: Path
) -> None:
    result = cli("evidence", "transcript", ZOOM, TEAMS, "--me", "Dana", "--date", "2026-03-10")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "no speaker is 'Dana'; the speakers in it: Dana Reyes, Alex Kim" in result.err
    assert "Traceback" not in result.err
    assert not _stored(isolated_home)


def _stored(home: Path) -> bool:
    if not home.exists() or not any(home.iterdir()):
        return False
    path = _journal(home)
    with sqlite3.connect(path) as conn:
        return bool(conn.execute("SELECT count(*) FROM evidence").fetchone()[0])


def test_one_bad_file_stores_nothing(cli: CliRunner, isolated_home: Path) -> None:
    bad = str(HERE / "bad" / "ends_before.vtt")
    result = cli("evidence", "transcript", ZOOM, bad, "--me", "Dana Reyes")
    assert result.code == 1
    assert result.err.strip() == f"{bad}:4:18: the cue ends before it starts"
    assert not _stored(isolated_home)


def test_a_file_without_a_date_asks_for_date(cli: CliRunner) -> None:
    result = cli("evidence", "transcript", TEAMS, "--me", "Dana Reyes")
    assert result.code == 1
    assert "no date in the file or its name (give the meeting's day with --date" in result.err


def test_a_future_date_is_a_usage_error(cli: CliRunner) -> None:
    result = cli("evidence", "transcript", TEAMS, "--me", "Dana Reyes", "--date", "2999-01-01")
    assert result.code == 2
    assert "--date" in result.err


def test_importing_a_week_again_replaces_it(cli: CliRunner, isolated_home: Path) -> None:
    assert (
        cli(
            "evidence", "transcript", TEAMS, ZOOM, "--me", "Dana Reyes", "--date", "2026-03-10"
        ).code
        == 0
    )
    again = cli("evidence", "transcript", ZOOM, "--me", "Dana Reyes")
    assert again.code == 0
    assert "Replaced what was kept before for 2026-W11." in again.err
    with sqlite3.connect(_journal(isolated_home)) as conn:
        (figures,) = conn.execute("SELECT figures FROM evidence").fetchone()
    assert json.loads(figures)["meetings"] == 1


def test_control_characters_never_reach_the_terminal(cli: CliRunner) -> None:
    controls = str(HERE / "controls.vtt")
    result = cli("evidence", "transcript", controls, "--me", "Eve", "--date", "2026-03-10")
    assert result.code == 0, result.err
    wrong = cli("evidence", "transcript", controls, "--me", "Nobody", "--date", "2026-03-10")
    assert wrong.code == 1
    for text in (result.out, result.err, wrong.err):
        assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_the_help_names_transcript(cli: CliRunner) -> None:
    result = cli("evidence", "--help")
    assert "transcript" in result.out


def test_one_question_is_one_question(cli: CliRunner) -> None:
    srt = str(HERE / "one-to-one-2026-03-17.srt")
    result = cli("evidence", "transcript", srt, "--me", "Dana Reyes")
    assert result.code == 0, result.err
    assert "2 turns, 1 question, 1 open, 1 directive, 1 inviting" in result.out
