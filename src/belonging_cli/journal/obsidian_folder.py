"""Writing the Obsidian notes into DIR, again and again, without losing anyone's words.

A hidden manifest (`.belonging-export.json`) remembers a checksum of each note as
belonging last wrote it. On the next export:
- a note still as belonging wrote it is rewritten if its session changed, else left;
- a note the person edited since (its checksum differs) is kept as it is, and named,
  so that their words are never overwritten (delete it to have it written again);
- a note of a session no longer in the journal is removed if unedited;
- any other file in DIR (the person's own notes) is never touched.
Only regular files directly in DIR are written, named from dates and ids: a link
at a note's name is left alone, so nothing is ever written outside DIR.
"""

from __future__ import annotations

import json
import os
import stat
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from belonging_cli.errors import BelongingError, UsageProblem
from belonging_cli.journal.obsidian import Note

MANIFEST = ".belonging-export.json"
MANIFEST_VERSION = 1


class Written(NamedTuple):
    written: list[str]  # new or changed notes
    unchanged: int
    kept: list[str]  # notes the person edited (or files not belonging's), left alone
    removed: list[str]  # notes of sessions no longer in the journal


def checksum(text: str) -> str:
    data = text.encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def prepare(folder: Path) -> None:
    """DIR exists as a folder (created if missing); a file there is refused."""
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{folder} is a file, not a folder", hint="name a folder for the notes")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BelongingError(f"cannot create {folder}: {exc.strerror or exc}") from None


def write_notes(folder: Path, notes: Sequence[Note]) -> Written:
    from belonging_cli.files import write_private

    prepare(folder)
    before = _read_manifest(folder)
    after: dict[str, str] = {}
    result = Written([], 0, [], [])
    for note in notes:
        file_name = f"{note.name}.md"
        path = folder / file_name
        current = _current(path)
        wanted = checksum(note.text)
        if current is not None and current != before.get(file_name) and current != wanted:
            result.kept.append(file_name)  # edited by the person, or not belonging's
            if file_name in before:
                after[file_name] = before[file_name]  # still ours: updated once they delete it
            continue
        if current == wanted:
            result = result._replace(unchanged=result.unchanged + 1)
        elif current is None and os.path.lexists(path):
            result.kept.append(file_name)  # a link, a folder, a file not UTF-8: not ours
            continue
        else:
            write_private(path, [note.text])
            result.written.append(file_name)
        after[file_name] = wanted
    for file_name, written_as in before.items():
        if file_name in after:
            continue
        path = folder / file_name
        current = _current(path)
        if current == written_as:
            path.unlink()
            result.removed.append(file_name)
        elif current is not None:
            after[file_name] = written_as  # edited: kept, still known as ours
    _write_manifest(folder, after)
    return result


def _current(path: Path) -> str | None:
    """The checksum of the regular file at `path` (never through a link), or None."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        return checksum(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _read_manifest(folder: Path) -> dict[str, str]:
    """The notes belonging wrote, by file name; anything unreadable is an empty manifest
    (every existing note is then treated as the person's: kept, never overwritten)."""
    path = folder / MANIFEST
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    notes = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(notes, dict):
        return {}
    return {
        name: value
        for name, value in notes.items()
        if isinstance(name, str)
        and isinstance(value, str)
        and name.endswith(".md")
        and "/" not in name
        and "\\" not in name
        and name not in (".md", "..md")
        and not name.startswith(".")
    }


def _write_manifest(folder: Path, notes: dict[str, str]) -> None:
    from belonging_cli.files import write_private

    text = json.dumps({"version": MANIFEST_VERSION, "notes": dict(sorted(notes.items()))}, indent=1)
    write_private(folder / MANIFEST, [text + "\n"])
