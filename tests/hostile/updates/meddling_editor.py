"""An $EDITOR during whose run "another terminal" changes the same session.

$MEDDLE=complete: the other terminal completes the draft with its own answer to
`control` ("finished elsewhere"). $MEDDLE=edit: the other terminal runs its own
`belonging journal edit` that changes `control` to "their edit". Then this editor
makes its own change: `control` becomes "my edit".
"""

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from belonging_cli.journal.store import open_journal

edit_file = Path(sys.argv[1])
text = edit_file.read_text(encoding="utf-8")
session_prefix = edit_file.stem.removeprefix("session-")
journal_file = Path(os.environ["BELONGING_HOME"]) / "journal.db"

if os.environ["MEDDLE"] == "complete":
    with open_journal(journal_file) as journal:
        session = journal.session(session_prefix)
        answers = tuple(
            dataclasses.replace(a, value="finished elsewhere") if a.step_id == "control" else a
            for a in session.answers
        )
        done = dataclasses.replace(
            session,
            status="complete",
            completed_at=dt.datetime.now(dt.timezone.utc),
            answers=answers,
        )
        journal.save_whole_session(done, [])
else:
    replacer = Path(__file__).with_name("replacing_editor.py")
    env = {**os.environ, "EDITOR": f"{sys.executable} {replacer}"}
    env.update(REPLACE_OLD="first words", REPLACE_NEW="their edit")
    other = [sys.executable, "-m", "belonging_cli", "journal", "edit", session_prefix]
    subprocess.run(other, env=env, check=True)

edit_file.write_text(text.replace("first words", "my edit"), encoding="utf-8")
