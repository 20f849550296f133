"""`belonging status` and bare `belonging` as a user runs them, over a real journal file."""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from belonging_cli import clock
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Assignment, Experiment, Session
from support.cli import CliRunner
from support.sessions import weekly_session

BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday 25 November 2026, 09:00 in Berlin: ISO week 2026-W48.
NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda zone=None: NOW.astimezone(zone))


def reflection(week: str, status: str = "complete", assignment: str | None = None) -> Session:
    started = dt.datetime.combine(clock.week_monday(week), dt.time(17), tzinfo=BERLIN)
    return weekly_session(
        started, week=week, status=status, rubric_version="1.0", assignment_id=assignment
    )


def exercise(pack: str, exercise_id: str, title: str, **more: Any) -> Assignment:
    return Assignment(
        id=f"{pack}/{exercise_id}",
        pack_id=pack,
        pack_version="1",
        exercise_id=exercise_id,
        behaviour_id="prompt-insight",
        title=title,
        instructions="Ask three questions before offering a view.",
        imported_at=NOW - dt.timedelta(days=10),
        **more,
    )


def test_a_new_user_sees_how_to_start(cli: CliRunner, isolated_home: Path) -> None:
    result = cli("status")
    assert result.code == 0, result.err
    assert "no reflections yet" in result.out
    assert result.out.rstrip().endswith("Next: belonging reflect")
    assert not (isolated_home / "journal.db").exists()  # status never creates the journal


def test_bare_belonging_shows_status_and_the_next_command(cli: CliRunner) -> None:
    result = cli()
    assert result.code == 0, result.err
    assert "Streak" in result.out
    assert "Next: belonging reflect" in result.out
    assert "belonging --help" in result.out


def test_status_over_a_journal(cli: CliRunner, isolated_home: Path) -> None:
    assert cli("config", "set", "timezone", "Europe/Berlin").code == 0
    assert cli("config", "set", "reflection_weekday", "thursday").code == 0
    with open_journal() as journal:
        for week in ("2026-W45", "2026-W46", "2026-W47", "2026-W47"):
            journal.create_session(reflection(week))
        journal.create_session(reflection("2026-W44", assignment=None, status="draft"))
        journal.add_experiment(
            Experiment(
                id=str(uuid.uuid4()),
                behaviour_id="protect-time",
                title="Block a thinking hour",
                week="2026-W48",
                created_at=NOW,
            )
        )
        journal.upsert_assignment(
            exercise("spring", "listen", "Listen first", due=dt.date(2026, 11, 20))
        )
    result = cli("status")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("Week 2026-W48 (Europe/Berlin), Wed 25 Nov 09:00\n")
    assert "Reflection  due Thu 26 Nov 16:00 (for 2026-W48)\n" in out
    assert "Streak      3 weeks in a row (longest 3); reflect this week to keep it\n" in out
    # The behaviour by its title (the rubric validated once, its facts kept), wrapped.
    said = " ".join(out.split())
    assert (
        "Experiment Block a thinking hour (Protect time to reflect, experiment, engage and "
        "rest), for 2026-W48: this week Exercise" in said
    )
    assert "Exercise    Listen first (overdue since 2026-11-20)\n" in out
    assert "run: belonging exercises do spring/listen" in out
    assert "Draft       a weekly reflection for 2026-W44 is waiting (0 questions answered)" in out
    assert out.rstrip().endswith("Next: belonging reflect --resume")

    data = json.loads(cli("status", "--json").out)
    assert data["streak"] == {"current": 3, "longest": 3, "last_week_reflected": "2026-W47"}
    assert data["reflection"]["due"] == "2026-11-26T16:00:00+01:00"
    assert data["exercises"][0]["state"] == "overdue"
    assert data["experiment"]["week"] == "2026-W48"
    assert data["next_command"] == "belonging reflect --resume"


def test_an_exercise_session_is_not_the_weekly_reflection(
    cli: CliRunner, isolated_home: Path
) -> None:
    with open_journal() as journal:
        journal.upsert_assignment(exercise("p", "x", "X", status="done"))
        journal.create_session(reflection("2026-W47", assignment="p/x"))
    data = json.loads(cli("status", "--json").out)
    assert data["streak"]["current"] == 0


def test_not_a_journal_is_one_line_and_left_untouched(cli: CliRunner, isolated_home: Path) -> None:
    isolated_home.mkdir()
    other = isolated_home / "journal.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    before = other.read_bytes()
    result = cli("status")
    assert result.code == 1
    assert "is not a belonging journal" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert other.read_bytes() == before


def test_a_broken_config_names_its_line(cli: CliRunner, isolated_home: Path) -> None:
    isolated_home.mkdir()
    (isolated_home / "config.toml").write_text('reflection_weekday = "someday"\n')
    result = cli("status")
    assert result.code == 1
    assert ":1:1: reflection_weekday: 'someday' is not allowed" in result.err


def test_bold_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from belonging_cli.cli import status as view

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR")  # the test suite sets it
    monkeypatch.setenv("TERM", "xterm")
    assert view._wants_bold() is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert view._wants_bold() is False
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert view._wants_bold() is False


def test_status_through_typer_with_global_options(cli: CliRunner, tmp_path: Path) -> None:
    # `--home` takes the full command-line path rather than the fast one: same output.
    home = tmp_path / "elsewhere"
    for args in (("--home", str(home)), ("--home", str(home), "status")):
        result = cli(*args)
        assert result.code == 0, result.err
        assert "Next: belonging reflect" in result.out
    assert "--json" in cli("status", "--help").out


@pytest.mark.parametrize("args", [[], ["status"], ["status", "--json"]])
def test_status_imports_no_heavy_library(args: list[str], isolated_home: Path) -> None:
    # The most-run command: neither typer (which pulls in pydantic) nor rich and friends.
    probe = (
        "import sys\nfrom belonging_cli.main import main\ncode = main(sys.argv[1:])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = set(ast.literal_eval(result.stderr.splitlines()[-1]))
    assert not loaded & {"typer", "rich", "pydantic", "questionary", "jinja2", "yaml"}


def test_shell_completion_still_works(tmp_path: Path) -> None:
    # Click's protocol: the shell runs the bare program with _BELONGING_COMPLETE set.
    env = {**os.environ, "BELONGING_HOME": str(tmp_path), "COMP_CWORD": "3"}
    env |= {"_BELONGING_COMPLETE": "bash_complete", "COMP_WORDS": "belonging config set rep"}
    probe = "import sys\nfrom belonging_cli.main import main\nsys.exit(main([]))\n"
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.split() == ["plain,report_period"], done.stderr
    env |= {"COMP_CWORD": "1", "COMP_WORDS": "belonging jour"}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.split() == ["plain,journal"], done.stderr
    for shell in ("bash", "zsh", "fish"):
        script = subprocess.run(
            [sys.executable, "-c", probe.replace("main([])", f"main(['completion', '{shell}'])")],
            env={**os.environ, "BELONGING_HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            check=False,
        )
        assert script.returncode == 0, script.stderr
        assert "_belonging_completion" in script.stdout, script.stderr
        assert "_BELONGING_COMPLETE" in script.stdout


KILLED_WRITER = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill pages to the file: the rollback journal is hot
conn.execute("BEGIN IMMEDIATE")
for i in range(500):
    conn.execute(
        "INSERT INTO assignments (id, pack_id, pack_version, exercise_id, behaviour_id, title, "
        "instructions, imported_at, status) VALUES (?, 'p', '1', ?, 'b', ?, ?, ?, 'assigned')",
        (f"p/{i}", str(i), "t" * 200, "i" * 500, "2026-11-01T00:00:00+00:00"),
    )
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_status_after_a_writer_was_killed_mid_transaction(
    cli: CliRunner, isolated_home: Path
) -> None:
    with open_journal() as journal:
        journal.create_session(reflection("2026-W47"))
    path = isolated_home / "journal.db"
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=False)
    assert (isolated_home / "journal.db-journal").exists()
    result = cli("status", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["streak"]["current"] == 1  # the committed reflection
    assert data["exercises"] == []  # the half-written ones were rolled back
