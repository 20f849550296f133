"""`belonging journal edit`: a session in your editor, saved without losing anyone's writing.

The edited YAML is checked before anything is saved; problems reopen the editor
with them at the top (at a terminal; a few rounds at most). The save is refused
when the session changed in another terminal since it was opened. Whenever the
edit is not saved for a reason other than the user's choice (a conflict, a busy,
full or read-only journal, an editor that keeps giving back text with problems),
the edited text is kept in a private file under the home's `drafts/` folder and the
message names it.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from belonging_cli import ask, paths
from belonging_cli.cli.output import info
from belonging_cli.errors import BelongingError, ContentError, JournalError, Problem
from belonging_cli.files import write_private
from belonging_cli.journal import editing
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from belonging_cli.settings import Settings

ROUNDS = 3  # editor runs giving back problems before giving up, at a terminal
KEPT_FOLDER = "drafts"


def edit_session(settings: Settings, session_id: str) -> None:
    command = editor_command(settings)
    with open_journal(settings.journal_path) as journal:
        session = journal.session(session_id)
        original = editing.render(session)
        folder = Path(tempfile.mkdtemp(prefix="belonging-edit-"))  # 0700: private writing
        try:
            edited = _edit_until_valid(settings, command, folder, session, original)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if edited is None:
            return
        changed, text = edited
        if changed == session:
            info("No changes saved.")
            return
        try:
            journal.replace_session(changed, expected=session)
        except JournalError as error:  # changed meanwhile, or the disk refused the write
            raise JournalError(
                f"{error.message}; nothing was saved: your edit is kept in "
                f"{keep_edit(settings, session.id, text)}",
                hint=error.hint,
            ) from None
    info(f"Saved session {session.id[:8]}.")


def _edit_until_valid(
    settings: Settings, command: list[str], folder: Path, session: Session, original: str
) -> tuple[Session, str] | None:
    """The edited session and its text; None when the user gave up (already said)."""
    # Without a terminal nobody can fix the problems: an editor run by a script would
    # give back the same text again and again, so it is run once.
    rounds = ROUNDS if ask.terminal_available() else 1
    file = folder / f"session-{session.id[:8]}.yaml"
    shown, previous = original, None
    for round_ in range(1, rounds + 1):
        edited = run_editor(command, file, shown)
        if edited == shown or not edited.strip():
            info("No changes saved." if shown == original else "Edit abandoned; nothing saved.")
            return None
        text = editing.strip_errors(edited)
        try:
            return editing.apply(session, text, str(file)), text
        except ContentError as error:
            if text == previous or round_ == rounds:
                raise _gave_up(settings, session.id, text, error, round_, rounds) from None
            previous = text
            shown = editing.with_errors(text, error)
    raise AssertionError("unreachable: the last round returns or raises")


class EditNotSaved(ContentError):
    """The edit still has problems and the editor is not reopened: the problems, located
    in the file that keeps the text, then why nothing was saved."""

    def __init__(self, problems: list[Problem], note: str) -> None:
        super().__init__(problems)
        self.note = note

    def lines(self) -> list[str]:
        return [*super().lines(), self.note]


def _gave_up(
    settings: Settings, session_id: str, text: str, error: ContentError, round_: int, rounds: int
) -> EditNotSaved:
    kept = keep_edit(settings, session_id, text)
    if rounds == 1:
        why = "input is not a terminal, so the editor is not reopened"
    elif round_ == rounds:
        why = f"the editor gave back text with problems {rounds} times"
    else:
        why = "the editor gave back the same text with problems again"
    # The kept file holds exactly `text`, so the problems' lines and columns hold there.
    problems = [p._replace(path=str(kept)) for p in error.problems]
    return EditNotSaved(
        problems,
        f"{why}; nothing was saved: your edit is kept in {kept} "
        f"(fix it there, then copy it into `belonging journal edit {session_id[:8]}`)",
    )


def keep_edit(settings: Settings, session_id: str, text: str) -> Path:
    """Keep edited text that could not be saved in a new private file; its path.

    Beside the journal first; if that folder cannot be written (a full or read-only
    disk is often why the save failed), the system's temporary folder.
    """
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    name = f"edit-{session_id[:8]}-{stamp}"
    try:
        folder = paths.ensure_private_dir(settings.data_dir / KEPT_FOLDER)
        target = folder / f"{name}.yaml"
        n = 1
        while target.exists():
            n += 1
            target = folder / f"{name}-{n}.yaml"
        write_private(target, [text])
    except (OSError, BelongingError):
        pass
    else:
        _warn_plain(settings, target)
        return target
    try:
        fd, temp = tempfile.mkstemp(prefix=f"belonging-{name}-", suffix=".yaml")  # 0600
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        _warn_plain(settings, Path(temp))
        return Path(temp)
    except OSError as exc:
        raise BelongingError(
            f"nothing was saved, and the edited text could not be kept anywhere: {exc.strerror}"
        ) from None


def editor_command(settings: Settings) -> list[str]:
    """The editor in use (`Settings.editor`), split like a shell would."""
    value = (settings.editor() or "").strip()
    if value:
        try:
            return shlex.split(value)
        except ValueError:
            raise BelongingError(
                f"cannot understand the editor command {value!r}",
                hint="check the editor setting, $VISUAL and $EDITOR (the first set is used)",
            ) from None
    raise BelongingError(
        "no editor configured",
        hint="set $VISUAL or $EDITOR, or `belonging config set editor nano`",
    )


def run_editor(command: list[str], file: Path, text: str) -> str:
    """Open `text` in the editor (as a new 0600 file); what it left in the file."""
    file.unlink(missing_ok=True)
    fd = os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    try:
        result = subprocess.run([*command, str(file)], check=False)
    except OSError as exc:
        raise BelongingError(f"cannot run the editor {command[0]!r}: {exc.strerror}") from None
    if result.returncode != 0:
        raise BelongingError(
            f"the editor exited with status {result.returncode}; nothing was saved"
        )
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BelongingError(f"cannot read the edited file back: {exc}") from None


def _warn_plain(settings: Settings, kept: Path) -> None:
    from belonging_cli.cli.journal_crypt import warn_if_plain_copy

    warn_if_plain_copy(settings.journal_path, f"the kept edit {kept.name}")
