"""`--out` into things that are not plain files: written through, never replaced.

Writing atomically means replacing the target; for a device, a pipe or a link that
would swap the thing itself for a regular file (as root, `--out /dev/null` once
replaced /dev/null). These use a FIFO and a symlink of their own, never /dev.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.cli import CliRunner


def _journal(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    with open_journal(home / "journal.db") as journal:
        journal.import_data(generate(load_rubric(), weeks=6, seed=3))


def test_report_into_a_fifo_leaves_the_fifo(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    _journal(isolated_home)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("report", "--period", "all", "--format", "json", "--out", str(fifo))
    reader.join(timeout=30)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b'"belonging-report"' in received[0]


def test_export_through_a_symlink_keeps_the_link(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    _journal(isolated_home)
    real = tmp_path / "exports" / "journal.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    result = cli("journal", "export", "--out", str(link))
    assert result.code == 0, result.err
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("{")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
