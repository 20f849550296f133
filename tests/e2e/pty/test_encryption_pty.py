"""Encryption's passphrase at a real terminal (issue 20), at 80x24 and at 60 columns.

What a person sees, on an emulated screen of that size:
- `journal encrypt` asks for a passphrase twice and never shows it; two that differ,
  or one too short, are said and asked again, the third time refused in one line
  (exit 1, the journal left as it was); the recovery key is shown once, in whole groups of four on
  every row; the file is then ciphertext, the planted sentence nowhere in it.
- `status` and `journal list` ask for the passphrase and then answer; a wrong one is
  one line, exit 1, the file byte for byte; the recovery key typed at the same prompt
  opens it.
- Ctrl-C (or Ctrl-D) at a passphrase prompt: exit 130, one line of its own, no
  traceback, nothing changed.
- `journal decrypt` with the passphrase makes it plain SQLite again.
No real keyring: the keyring's "fail" backend, and no key file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.encrypted import is_encrypted
from support.screen_words import cuts
from support.seen_terminal import SeenTerminal, seen_at_terminal

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

MARKER = "Priya took the credit for the migration plan again"
PASSPHRASE = "correct horse battery staple"
NO_KEY = {
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # never the real keyring
    "BELONGING_KEY_FILE": "",
    "COLUMNS": "",  # the terminal's own width, as a person's shell has it
    "LINES": "",
}
FULL = (24, 80)
NARROW = (24, 60)
ASKED = r"Passphrase for the journal .* \(or its recovery key\): "
SQLITE = b"SQLite format 3\x00"


@dataclasses.dataclass(frozen=True)
class Encrypted:
    home: Path
    size: tuple[int, int]
    seen: list[str]  # the screen of `journal encrypt`
    recovery: str
    status: int


def _journal(home: Path) -> Path:
    return home / "journal.db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _planted(home: Path) -> None:
    """A journal of two weeks, one answer the marker sentence."""
    home.mkdir(mode=0o700)
    data = generate(load_rubric(), weeks=2, end=dt.date(2026, 11, 27))
    first = data.sessions[0]
    answers = tuple(
        dataclasses.replace(a, value=MARKER) if a.step_id == "win" else a for a in first.answers
    )
    assert answers != first.answers
    sessions = (dataclasses.replace(first, answers=answers), *data.sessions[1:])
    with open_journal(_journal(home)) as journal:
        journal.import_data(dataclasses.replace(data, sessions=sessions))
    assert MARKER.encode() in _journal(home).read_bytes()


def _recovery_from(lines: list[str]) -> str:
    """The recovery key's rows: those after its heading's blank line, up to the next."""
    start = next(i for i, line in enumerate(lines) if line.startswith("Recovery key")) + 1
    while lines[start].strip():  # the heading's own rows, wrapped
        start += 1
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        rows.append(line.strip())
    return "".join(rows)


Made = Callable[[tuple[int, int]], Encrypted]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    """A journal encrypted at a terminal of a size with PASSPHRASE, once per module and size."""
    done: dict[tuple[int, int], Encrypted] = {}

    def at(size: tuple[int, int]) -> Encrypted:
        if size not in done:
            home = tmp_path_factory.mktemp("encrypted") / "home"
            _planted(home)
            with _at(home, size, "journal", "encrypt") as term:
                term.expect("Choose a passphrase for the journal: ")
                term.type(PASSPHRASE)
                term.expect("Type it again: ")
                term.type(PASSPHRASE)
            seen = term.lines()
            assert term.status is not None
            done[size] = Encrypted(home, size, seen, _recovery_from(seen), term.status)
        return done[size]

    return at


def _copy(encrypted: Encrypted, tmp_path: Path) -> Path:
    """A copy of the encrypted home, the test's own."""
    copy = tmp_path / "encrypted-home"
    shutil.copytree(encrypted.home, copy)
    return copy


def _at(
    home: Path, size: tuple[int, int], *args: str
) -> contextlib.AbstractContextManager[SeenTerminal]:
    return seen_at_terminal(home, list(args), size=size, env=NO_KEY)


def _one_line(term: SeenTerminal, *words: str) -> str:
    """The one line a refusal says, a line of its own (not after a prompt)."""
    text = term.text()
    assert "Traceback" not in text and "ERROR CORE" not in text, text
    said = [line for line in term.said() if line.startswith("belonging:")]
    assert len(said) == 1, term.raw
    for word in words:
        assert word in said[0], said[0]
    return said[0]


SIZES = pytest.mark.parametrize("size", [FULL, NARROW], ids=["80x24", "60cols"])


@SIZES
def test_encrypt_asks_twice_hides_it_and_shows_the_recovery_key_once(
    made: Made, size: tuple[int, int]
) -> None:
    encrypted = made(size)
    assert encrypted.status == 0, "\n".join(encrypted.seen)
    text = "\n".join(encrypted.seen)
    assert PASSPHRASE not in text and PASSPHRASE[:8] not in text
    assert "Choose a passphrase for the journal:" in text and "Type it again:" in text
    assert "Traceback" not in text
    # The recovery key: 14 groups of four, each group whole on its row, shown once.
    rows = [line.strip() for line in encrypted.seen if line.startswith("    ")]
    assert rows and all(len(row) <= size[1] - 4 for row in rows), text
    groups = [g for row in rows for g in row.split("-") if g]
    assert len(groups) == 14 and all(len(g) == 4 and g.isalnum() for g in groups), rows
    assert "".join(groups) == encrypted.recovery.replace("-", "")
    assert text.count(groups[0]) == 1 and text.count(groups[-1]) == 1
    # Its heading, what to do with it, wraps at words: none is cut at the edge.
    start = next(i for i, line in enumerate(encrypted.seen) if line.startswith("Recovery key"))
    heading = encrypted.seen[start : encrypted.seen.index("", start)]
    assert "apart from this computer" in " ".join(heading)
    assert cuts(heading) == [], heading
    assert "its key: your passphrase" in " ".join(encrypted.seen)
    journal = _journal(encrypted.home)
    assert journal.read_bytes()[:16] != SQLITE and is_encrypted(journal)
    for path in encrypted.home.rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("first", "again", "said"),
    [
        (PASSPHRASE, PASSPHRASE + "!", "the two passphrases differ; nothing was changed"),
        ("kiwi7", None, "the passphrase is too short: use at least 8 characters"),
    ],
    ids=["mismatch", "too-short"],
)
def test_a_passphrase_that_will_not_do_is_asked_again_then_refused_in_one_line(
    tmp_path: Path, first: str, again: str | None, said: str
) -> None:
    # A slip is said and asked again (as passwd does); the third is one line, exit 1.
    home = tmp_path / "plain-home"
    _planted(home)
    before = _digest(_journal(home))
    with _at(home, NARROW, "journal", "encrypt") as term:
        for _ in range(3):
            term.expect("Choose a passphrase for the journal: ")
            term.type(first)
            if again is not None:
                term.expect("Type it again: ")
                term.type(again)
    assert term.status == 1
    _one_line(term, said)
    assert " ".join(term.text().split()).count(": try again.") == 2, term.text()
    assert first not in term.text() and (again is None or again not in term.text())
    assert len(term.rows_with("Choose a passphrase")) == 3
    assert _digest(_journal(home)) == before
    assert sorted(p.name for p in home.iterdir()) == ["journal.db"]


@SIZES
def test_status_asks_for_the_passphrase_and_shows_the_status(
    made: Made, tmp_path: Path, size: tuple[int, int]
) -> None:
    home = _copy(made(size), tmp_path)
    before = _digest(_journal(home))
    with _at(home, size, "status") as term:
        term.expect(ASKED)
        term.type(PASSPHRASE)
    assert term.status == 0, term.text()
    assert PASSPHRASE not in term.text()
    assert term.rows_with(r"^Week 20\d\d-W\d\d"), term.text()
    assert term.rows_with(r"^Reflection ")
    assert not term.rows_with("^belonging:"), term.text()
    assert _digest(_journal(home)) == before


def test_a_wrong_passphrase_is_asked_again_then_one_line_and_the_file_is_byte_for_byte(
    made: Made, tmp_path: Path
) -> None:
    home = _copy(made(NARROW), tmp_path)
    before = _digest(_journal(home))
    with _at(home, NARROW, "status") as term:
        for typed in ("wrong horse battery staple", "", "ABCD-EFGH-" * 6 + "ABCD"):
            term.expect(ASKED)
            term.type(typed)
    assert term.status == 1
    # The last try was grouped like a recovery key, one group short: said as that.
    _one_line(
        term, "the recovery key has 13 of its 14 groups: one is missing", "nothing was changed"
    )
    flat = " ".join(term.text().split())
    assert "wrong passphrase for the journal" in flat and "nothing was typed" in flat
    assert flat.count(": try again.") == 2
    assert "wrong horse" not in term.text()
    assert _digest(_journal(home)) == before
    assert not term.rows_with(r"^Week 20")


def test_a_mistyped_passphrase_then_the_right_one_opens_it(made: Made, tmp_path: Path) -> None:
    home = _copy(made(NARROW), tmp_path)
    with _at(home, NARROW, "status") as term:
        term.expect(ASKED)
        term.type("wrong horse battery staple")
        term.expect(ASKED)
        term.type(PASSPHRASE)
    assert term.status == 0, term.text()
    assert term.rows_with(r"^Week 20\d\d-W\d\d"), term.text()


@SIZES
def test_the_recovery_key_typed_at_the_prompt_opens_it(
    made: Made, tmp_path: Path, size: tuple[int, int]
) -> None:
    encrypted = made(size)
    home = _copy(encrypted, tmp_path)
    before = _digest(_journal(home))
    with _at(home, size, "journal", "list") as term:
        term.expect(ASKED)
        term.type(encrypted.recovery)
    assert term.status == 0, term.text()
    assert not term.rows_with("^belonging:"), term.text()
    assert len(term.rows_with(r"^2026-11-2[07] ")) == 2, term.text()  # its two sessions
    assert encrypted.recovery[:9] not in term.text()  # typed, not shown
    assert _digest(_journal(home)) == before


@pytest.mark.parametrize(
    ("args", "key", "said"),
    [
        (("status",), "ctrl-c", "no key given; nothing was changed"),
        (("status",), "ctrl-d", "no key given; nothing was changed"),
        (("journal", "list"), "ctrl-c", "no key given; nothing was changed"),
        (("journal", "decrypt"), "ctrl-c", "no key given; nothing was changed"),
        (("journal", "encrypt"), "ctrl-c", "no passphrase chosen; nothing was changed"),
        (("journal", "encrypt"), "ctrl-d", "no passphrase chosen; nothing was changed"),
    ],
    ids=["status", "status-ctrl-d", "list", "decrypt", "encrypt", "encrypt-ctrl-d"],
)
def test_ctrl_c_at_the_prompt_is_exit_130_in_one_line(
    made: Made, tmp_path: Path, args: tuple[str, ...], key: str, said: str
) -> None:
    if args == ("journal", "encrypt"):  # a plain journal, to be encrypted
        home, prompt = tmp_path / "plain-home", "Choose a passphrase for the journal: "
        _planted(home)
    else:
        home, prompt = _copy(made(NARROW), tmp_path), ASKED
    before = _digest(_journal(home))
    names = sorted(p.name for p in home.iterdir())
    with _at(home, NARROW, *args) as term:
        term.expect(prompt)
        if key == "ctrl-c":
            term.interrupt()
        else:
            term.end_of_input()
    assert term.status == 130, term.text()
    _one_line(term, said)
    assert _digest(_journal(home)) == before
    assert sorted(p.name for p in home.iterdir()) == names


def test_decrypt_with_the_passphrase_makes_it_plain_sqlite(made: Made, tmp_path: Path) -> None:
    home = _copy(made(FULL), tmp_path)
    with _at(home, FULL, "journal", "decrypt") as term:
        term.expect(ASKED)
        term.type(PASSPHRASE)
    assert term.status == 0, term.text()
    assert "it is plain SQLite again" in " ".join(term.lines())
    assert PASSPHRASE not in term.text()
    journal = _journal(home)
    assert journal.read_bytes()[:16] == SQLITE
    assert MARKER.encode() in journal.read_bytes()
    beside = sorted(p.name for p in home.iterdir() if p.name.startswith("journal.db"))
    assert beside == ["journal.db"]
