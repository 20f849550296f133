"""Four `belonging reflect --answers` at once into one journal: every session saved whole,
and nothing but the usual "Saved ..." note shown by any of them.

(test_reflect_answers.py checks the exit codes of four such runs; this also checks what
each one said, what each saved, and that the file is sound afterwards, with the runs
released together so that their writes really overlap.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.encrypted import connect_db

pytestmark = pytest.mark.usefixtures("either_journal")  # plain, then encrypted

RUNNER = """
import os, sys, time
from pathlib import Path
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.005)
from belonging_cli.main import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.slow
def test_four_scripted_reflections_at_once_all_saved_and_nothing_shown(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    answers = []
    for n in range(4):
        template = cli("reflect", "--answers-template", "--date", f"2026-0{n + 1}-05")
        assert template.code == 0, template.err
        path = tmp_path / f"week-{n}.yaml"
        # The control question's words are its first wording (a fresh journal's).
        words = template.out.replace('control: {prompt: control, text: ""}', f'control: "run {n}"')
        assert words != template.out  # a word written, so no "every answer is blank" note
        path.write_text(words, "utf-8")
        answers.append(path)
    assert cli("journal", "list").code == 0  # the journal exists before they race
    go = tmp_path / "go"
    env = {**os.environ, "BELONGING_HOME": str(isolated_home)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(go), "reflect", "--answers", str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in answers
    ]
    time.sleep(1.0)  # all four imported and waiting
    go.touch()
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert [line for line in err.splitlines() if not line.startswith("Saved ")] == [], err
        assert len(out.split()) == 1  # the new session's id
    ids = {out.strip() for out, _ in outputs}
    with open_journal() as journal:
        sessions = {s.id: s for s in journal.sessions()}
        assert journal.drafts() == []
    assert set(sessions) == ids and len(ids) == 4
    assert sorted(s.week for s in sessions.values()) == [
        "2026-W02",
        "2026-W06",
        "2026-W10",
        "2026-W14",
    ]
    controls = sorted(str(s.answer("control").value) for s in sessions.values())  # type: ignore[union-attr]
    assert controls == ["run 0", "run 1", "run 2", "run 3"]
    assert all(len(s.ratings) == 10 for s in sessions.values())
    conn = connect_db(isolated_home / "journal.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
