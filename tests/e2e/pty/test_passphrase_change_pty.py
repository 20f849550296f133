"""`journal passphrase` at a real terminal (issue 20): the passphrase set, changed or
taken away without touching the journal's bytes, at 80x24 and 60 columns.

What a person sees:
- the current key is asked as for any command, then the new passphrase twice, never
  shown; afterwards the new passphrase opens the journal and the old one does not;
  the journal file is byte for byte as it was (only journal.db.crypt changes), and the
  recovery key still opens it;
- `--remove` with nothing else to open it is refused in one line; with a key file it
  takes the passphrase away;
- a plain journal is refused in one line; a passphrase that will not do on a new home
  leaves no journal behind.
No real keyring: the keyring's "fail" backend.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support.encrypted import is_encrypted
from support.seen_terminal import SeenTerminal, seen_at_terminal

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

OLD = "correct horse battery staple"
NEW = "a longer walk by the river"
NO_KEY = {
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # never the real keyring
    "BELONGING_KEY_FILE": "",
    "COLUMNS": "",
    "LINES": "",
}
ASKED = r"Passphrase for the journal .* \(or its recovery key\): "
SIZES = pytest.mark.parametrize("size", [(24, 80), (24, 60)], ids=["80x24", "60cols"])


def _at(
    home: Path, size: tuple[int, int], *args: str, env: dict[str, str] | None = None
) -> contextlib.AbstractContextManager[SeenTerminal]:
    return seen_at_terminal(home, list(args), size=size, env={**NO_KEY, **(env or {})})


def _choose(term: SeenTerminal, passphrase: str) -> None:
    """Choose `passphrase` at the prompts that ask for a new one, twice alike."""
    term.expect("Choose a passphrase for the journal: ")
    term.type(passphrase)
    term.expect("Type it again: ")
    term.type(passphrase)


def _at_prompt(term: SeenTerminal, *typed: str) -> None:
    """Each of `typed` at the prompt for the journal's key, in turn (a slip asked again)."""
    for text in typed:
        term.expect(ASKED)
        term.type(text)


def _two_journals(tmp_path: Path, size: tuple[int, int]) -> tuple[Path, str, Path, str]:
    """Two homes encrypted with OLD, each its own key: (home, its recovery key) twice."""
    home, other = tmp_path / "home", tmp_path / "other"
    return home, _encrypted(home, size), other, _encrypted(other, size)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _encrypted(home: Path, size: tuple[int, int]) -> str:
    """A new home's journal encrypted with OLD; its recovery key."""
    home.mkdir(mode=0o700)
    with _at(home, size, "journal", "encrypt") as term:
        _choose(term, OLD)
    assert term.status == 0, term.text()
    rows = [line.strip() for line in term.lines() if line.startswith("    ")]
    return "".join(rows)


def _opens(home: Path, size: tuple[int, int], typed: str, tries: int = 1) -> SeenTerminal:
    """`status`, `typed` at its passphrase prompt `tries` times (a slip is asked again)."""
    with _at(home, size, "status") as term:
        _at_prompt(term, *[typed] * tries)
    return term


def _refusal(term: SeenTerminal) -> str:
    assert "Traceback" not in term.text(), term.text()
    said = [line for line in term.said() if line.startswith("belonging:")]
    assert len(said) == 1, term.raw
    return said[0]


@SIZES
def test_the_passphrase_changes_and_the_journal_file_does_not(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    home = tmp_path / "home"
    recovery = _encrypted(home, size)
    journal = home / "journal.db"
    before = _digest(journal)
    with _at(home, size, "journal", "passphrase") as term:
        term.expect(ASKED)
        term.type(OLD)
        _choose(term, NEW)
    assert term.status == 0, term.text()
    text = term.text()
    assert NEW not in text and OLD not in text
    assert "passphrase of the journal" in text and "is changed" in text, text
    # The long note is broken at words to the terminal's width, not cut by it.
    start = next(i for i, line in enumerate(term.said()) if "The passphrase of" in line)
    note = [line.strip() for line in term.said()[start:] if line.strip()]
    assert len(note) > 2 and all(len(line) <= size[1] for line in note if "/" not in line)
    assert "old copy of journal.db.crypt" in " ".join(note)
    assert _digest(journal) == before and is_encrypted(journal)
    assert NEW.encode() not in (home / "journal.db.crypt").read_bytes()
    assert _opens(home, size, NEW).status == 0
    wrong = _opens(home, size, OLD, tries=3)
    assert wrong.status == 1 and "wrong passphrase" in wrong.text()
    assert _opens(home, size, recovery).status == 0


def test_remove_needs_another_way_in_and_then_takes_the_passphrase_away(
    tmp_path: Path,
) -> None:
    size = (24, 80)
    home = tmp_path / "home"
    _encrypted(home, size)
    before = _digest(home / "journal.db.crypt")
    with _at(home, size, "journal", "passphrase", "--remove") as term:
        pass  # refused before the key is asked: nothing to type for nothing
    assert term.status == 1
    refused = _refusal(term)
    assert "only the recovery key would open the journal" in refused
    assert "put the recovery key in a file on another disk" in refused
    assert _digest(home / "journal.db.crypt") == before
    # The key written to a key file (as a person would from the recovery key): then
    # the passphrase can go, and the key file alone opens the journal.
    key_file = tmp_path / "journal.key"
    from belonging_cli.journal.crypt import keys

    with _at(home, size, "journal", "decrypt") as term:
        term.expect(ASKED)
        term.type(OLD)
    assert term.status == 0
    with _at(home, size, "journal", "encrypt", "--key-file", str(key_file)) as term:
        pass
    assert term.status == 0 and keys.read_key_file(key_file)
    with _at(home, size, "journal", "passphrase") as term:
        _choose(term, NEW)  # the key file opened it
    assert term.status == 0, term.text()
    with _at(home, size, "journal", "passphrase", "--remove") as term:
        pass
    flat = " ".join(term.said())  # whole lines: a path is cut by the terminal anywhere
    assert term.status == 0 and "has no passphrase now" in flat, flat
    assert f"the key file {key_file}" in flat and "opens it" in flat
    with _at(home, size, "journal", "passphrase", "--remove") as term:
        pass
    assert term.status == 0 and "has no passphrase; nothing was changed" in term.text()
    with _at(home, size, "status", env={"BELONGING_KEY_FILE": str(tmp_path / "gone.key")}) as term:
        term.expect(r"Recovery key of the journal .*: ")  # no passphrase to ask for
        term.interrupt()
    assert term.status == 130


def test_a_plain_journal_is_refused_and_a_slip_on_a_new_home_leaves_nothing(
    tmp_path: Path,
) -> None:
    size = (24, 60)
    plain = tmp_path / "plain"
    plain.mkdir(mode=0o700)
    with _at(plain, size, "journal", "passphrase") as term:
        pass
    assert term.status == 1 and "is not encrypted" in _refusal(term)
    new = tmp_path / "new"
    new.mkdir(mode=0o700)
    with _at(new, size, "journal", "encrypt") as term:
        for _ in range(3):
            term.expect("Choose a passphrase for the journal: ")
            term.type(OLD)
            term.expect("Type it again: ")
            term.type(NEW)
    assert term.status == 1
    assert not (new / "journal.db").exists(), sorted(p.name for p in new.iterdir())


def test_a_damaged_sidecar_is_said_as_such_and_journal_passphrase_mends_it(
    tmp_path: Path,
) -> None:
    # A flipped character in journal.db.crypt: not "wrong passphrase" three times (which
    # reads as a forgotten passphrase), but what happened, and the recovery key asked.
    size = (24, 80)
    home = tmp_path / "home"
    recovery = _encrypted(home, size)
    crypt = home / "journal.db.crypt"
    text = crypt.read_text("utf-8")
    at = text.index('"wrapped": "') + len('"wrapped": "')
    crypt.write_text(text[:at] + ("0" if text[at] != "0" else "1") + text[at + 1 :], "utf-8")
    with _at(home, size, "status") as term:
        term.expect(r"Recovery key of the journal .*: ")
        term.type(recovery)
    assert term.status == 0, term.text()
    assert "journal.db.crypt beside it is damaged (its check fails)" in term.text()
    with _at(home, size, "journal", "passphrase") as term:
        term.expect(r"Recovery key of the journal .*: ")
        term.type(recovery)
        _choose(term, NEW)
    assert term.status == 0, term.text()
    assert "is set" in term.text()
    assert _opens(home, size, NEW).status == 0


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (lambda crypt: crypt.write_text("garbage\n", "utf-8"), "it cannot be read as one"),
        (lambda crypt: crypt.write_bytes(crypt.read_bytes()[:40]), "it cannot be read as one"),
        (lambda crypt: crypt.unlink(), "there is no journal.db.crypt beside it"),
    ],
    ids=["garbage", "cut-short", "missing"],
)
def test_a_sidecar_that_is_no_use_is_said_before_the_recovery_key_is_asked(
    tmp_path: Path, spoil: Callable[[Path], object], said: str
) -> None:
    size = (24, 80)
    home = tmp_path / "home"
    recovery = _encrypted(home, size)
    spoil(home / "journal.db.crypt")
    with _at(home, size, "status") as term:
        term.expect(r"Recovery key of the journal .*: ")
        term.type(OLD)  # the passphrase out of habit: why it cannot work, asked again
        term.expect(r"Recovery key of the journal .*: ")
        term.type(recovery)
    assert term.status == 0, term.text()
    flat = " ".join(term.text().split())
    assert said in flat and "`belonging journal passphrase` sets a passphrase again" in flat
    assert "has no passphrase: " in flat and "type its recovery key instead" in flat, flat


def test_a_whole_sidecar_of_another_key_is_said_and_the_recovery_key_still_opens(
    tmp_path: Path,
) -> None:
    size = (24, 80)
    home, recovery, other, _ = _two_journals(tmp_path, size)  # the same passphrase
    (home / "journal.db.crypt").write_bytes((other / "journal.db.crypt").read_bytes())
    with _at(home, size, "status") as term:
        _at_prompt(term, OLD, recovery)  # OLD unlocks the other key: not this journal's
    assert term.status == 0, term.text()
    flat = " ".join(term.text().split())
    assert "journal.db.crypt beside it is another key's" in flat, flat
    assert "type this journal's own recovery key instead: try again" in flat


def test_a_wrong_key_file_or_recovery_key_is_said_and_the_prompt_still_asks(
    tmp_path: Path,
) -> None:
    # A fourth trial: a key file of another key stopped every command at a terminal
    # (the passphrase never asked), and another journal's recovery key typed at the
    # prompt ended it at once, saying "nothing was changed" twice.
    size = (24, 80)
    home, recovery, _, other_recovery = _two_journals(tmp_path, size)
    from belonging_cli.journal.crypt.keys import new_key, write_key_file

    stray = tmp_path / "stray.key"
    write_key_file(stray, new_key())
    with _at(home, size, "status", env={"BELONGING_KEY_FILE": str(stray)}) as term:
        term.expect(ASKED)
        term.type(OLD)
    assert term.status == 0, term.text()
    flat = " ".join(term.said())
    assert f"the key file {stray} holds another key" in flat and "key_file setting" in flat
    with _at(home, size, "status") as term:
        _at_prompt(term, other_recovery, recovery)  # another journal's: asked again
    assert term.status == 0, term.text()
    flat = " ".join(term.said())
    assert "that recovery key does not open the journal" in flat, flat
    assert flat.count("nothing was changed") == 0


def test_journal_passphrase_checks_the_current_key_before_asking_for_a_new_one(
    tmp_path: Path,
) -> None:
    size = (24, 80)
    home, recovery, other, other_recovery = _two_journals(tmp_path, size)
    # The other journal's sidecar beside this journal: its recovery key fits the sidecar,
    # yet does not open this journal, and is refused before a new passphrase is asked.
    (home / "journal.db.crypt").write_bytes((other / "journal.db.crypt").read_bytes())
    with _at(home, size, "journal", "passphrase") as term:
        _at_prompt(term, other_recovery, recovery)
        _choose(term, NEW)
    assert term.status == 0, term.text()
    assert "that recovery key does not open the journal" in " ".join(term.said())
    assert _opens(home, size, NEW).status == 0


def test_one_row_of_the_recovery_key_is_said_and_a_grouped_passphrase_still_opens(
    tmp_path: Path,
) -> None:
    # A fourth trial typed only the first row of a key printed in rows at 60 columns:
    # "wrong passphrase". Now the count of groups is said; yet a passphrase made of
    # four-letter words with dashes is still a passphrase.
    size = (24, 60)
    home = tmp_path / "home"
    recovery = _encrypted(home, size)
    row = "-".join(recovery.split("-")[:5]) + "-"
    with _at(home, size, "status") as term:
        term.expect(ASKED)
        term.type(row)
        term.expect(ASKED)
        term.type(recovery)
    assert term.status == 0, term.text()
    flat = " ".join(term.said())
    assert "5 of the recovery key's 14 groups: type all its rows as one line" in flat, flat
    grouped = "blue-fish-tree-moon"
    with _at(home, size, "journal", "passphrase") as term:
        term.expect(ASKED)
        term.type(OLD)
        _choose(term, grouped)
    assert term.status == 0, term.text()
    assert _opens(home, size, grouped).status == 0
