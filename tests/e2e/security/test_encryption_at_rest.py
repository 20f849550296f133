"""Encryption at rest: what a person planted in the journal is in none of its files.

- After `journal encrypt`, a marker sentence written in a reflection is found (bytes,
  as `grep -a` reads them) in no file beside the journal: not the journal, not its
  backups, not a temporary file, including what a conversion killed midway leaves.
- A kill at any point of encrypt or decrypt leaves the old file or the new one.
- A wrong key, a missing keyring and no terminal each give one line, exit 1, and leave
  the journal byte for byte; SQLCipher's own output never reaches the terminal.
- The recovery key printed once opens it (`journal decrypt --recovery-key`).
- Files that look like an encrypted journal and are not one are refused in one line.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from belonging_cli.journal.crypt import keys
from support import places
from support.cli import CliRunner
from support.encrypted import TEST_KEY, connect_db, encrypt_in_place, is_encrypted
from support.file_keyring import BACKEND, FILE_ENV
from support.users import belonging

MARKER = "Priya took the credit for the migration plan again"
HOSTILE = places.HOSTILE / "encryption"
TESTS = Path(__file__).resolve().parents[2]


def _reflect(cli: CliRunner, tmp_path: Path, words: str, day: str) -> None:
    template = cli("reflect", "--answers-template", "--date", day).out
    answers = template.replace('  takeaway: ""', f'  takeaway: "{words}"')
    assert answers != template
    path = tmp_path / f"{day}.yaml"
    path.write_text(answers, "utf-8")
    result = cli("reflect", "--answers", str(path), "--date", day)
    assert result.code == 0, result.err


def _files_holding(folder: Path, words: str) -> list[str]:
    """The files under `folder` whose bytes hold `words` (grep -a -l)."""
    needle = words.encode("utf-8")
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and needle in p.read_bytes()
    )


def _run(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in a child process, no terminal; `env` over this run's environment."""
    environ = {**os.environ, "BELONGING_HOME": str(home), **env}
    environ = {k: v for k, v in environ.items() if v}  # env NAME="" removes NAME
    return subprocess.run(
        belonging(*args),
        env=environ,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _one_line(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("belonging: error: "), done.stderr
    assert "Traceback" not in done.stderr and "ERROR CORE" not in done.stderr
    for word in words:
        assert word in lines[0], done.stderr
    return lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where `journal encrypt` keeps the key: outside the home, named by BELONGING_KEY_FILE."""
    path = tmp_path / "keys" / "journal.key"
    path.parent.mkdir()
    monkeypatch.setenv("BELONGING_KEY_FILE", str(path))
    return path


def test_after_encrypt_no_file_beside_the_journal_holds_the_marker(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, key_file: Path
) -> None:
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    assert cli("journal", "backup").code == 0  # a plain backup, from before
    assert _files_holding(isolated_home, MARKER)  # the marker is there to be found
    result = cli("journal", "encrypt")
    assert result.code == 0, result.err
    recovery = result.out.split("\n\n")[1].strip()
    assert keys.parse_key(recovery, "it") == keys.read_key_file(key_file)
    assert "not encrypted" in result.err  # the earlier, plain backup is named
    for old in isolated_home.glob("*.bak"):
        old.unlink()
    _reflect(cli, tmp_path, MARKER + " (and in week 46)", "2026-11-13")
    assert cli("journal", "backup").code == 0
    assert cli("journal", "backup", "--out", str(isolated_home / "copy.db")).code == 0
    assert is_encrypted(isolated_home / "journal.db")
    assert all(is_encrypted(p) for p in isolated_home.glob("*.bak"))
    assert _files_holding(isolated_home, MARKER) == []
    assert _files_holding(isolated_home, "Priya") == []
    listed = cli("journal", "search", "Priya")
    assert listed.code == 0 and MARKER in listed.out  # and it is all still there to read


@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
@pytest.mark.parametrize("at", ["exported", "checked", "renamed"])
def test_a_conversion_killed_midway_leaves_one_journal_and_no_plain_copy(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, key_file: Path, direction: str, at: str
) -> None:
    journal = isolated_home / "journal.db"
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    if direction == "decrypt":
        assert cli("journal", "encrypt").code == 0
    before = journal.read_bytes()
    # The child dies by SIGKILL (no clean-up can run) right after the stage `at`.
    killer = f"""
import os, signal, sys
from belonging_cli.journal.crypt import convert
from belonging_cli.journal import safekeeping
die = lambda: os.kill(os.getpid(), signal.SIGKILL)
at = {at!r}
if at == "exported":
    real_export = convert._export
    convert._export = lambda *a: (real_export(*a), die())
elif at == "checked":
    real_check = convert._check
    convert._check = lambda *a: (real_check(*a), die())
else:
    real_fsync = convert.fsync
    def fsync(path):
        real_fsync(path)
        if path.is_dir():
            die()
    convert.fsync = fsync
from belonging_cli.main import main
sys.exit(main(["journal", {direction!r}]))
"""
    done = subprocess.run(
        [sys.executable, "-c", killer],
        env={**os.environ, "BELONGING_HOME": str(isolated_home)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    renamed = at == "renamed"
    now = journal.read_bytes()
    assert now != before if renamed else now == before  # the old file or the new, whole
    assert is_encrypted(journal) == ((direction == "encrypt") == renamed)
    left = sorted(p.name for p in isolated_home.iterdir() if p.name.endswith(".tmp"))
    if direction == "encrypt" or renamed:
        # What encrypting leaves is ciphertext; a finished decryption, the journal itself.
        holding = _files_holding(isolated_home, MARKER)
        assert holding == ([] if is_encrypted(journal) else ["journal.db"]), (holding, left)
    # The next command opens the journal (either one); opening an encrypted journal
    # clears what a killed decryption left, and the next conversion what any left:
    # `status` too, the command run most (its read is its own).
    listed = cli("status")
    assert listed.code == 0, listed.err
    left = sorted(p.name for p in isolated_home.iterdir() if p.name.endswith(".tmp"))
    assert all(".encrypting-" in name for name in left), left  # ciphertext only
    if is_encrypted(journal):
        assert _files_holding(isolated_home, MARKER) == []
    again = cli("journal", "decrypt" if is_encrypted(journal) else "encrypt")
    assert again.code == 0, again.err
    assert sorted(p.name for p in isolated_home.iterdir() if p.name.endswith(".tmp")) == []


def test_a_wrong_key_file_is_one_line_and_the_journal_is_byte_identical(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, key_file: Path
) -> None:
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    assert cli("journal", "encrypt").code == 0
    journal = isolated_home / "journal.db"
    digest = _digest(journal)
    wrong = tmp_path / "wrong.key"
    wrong.write_text(bytes(32).hex(), "ascii")
    for args in (("status",), ("journal", "list"), ("report",), ("journal", "decrypt")):
        done = _run(isolated_home, *args, BELONGING_KEY_FILE=str(wrong))
        _one_line(done, "holds another key, not the key of", "nothing was changed")
    # Without the sidecar to check it by, SQLCipher itself refuses it: one line too.
    (isolated_home / "journal.db.crypt").unlink()
    done = _run(isolated_home, "journal", "list", BELONGING_KEY_FILE=str(wrong))
    _one_line(done, "the key does not open the encrypted journal")
    done = _run(isolated_home, "status", BELONGING_KEY_FILE=str(wrong))
    _one_line(done, "the key does not open the encrypted journal")
    assert _digest(journal) == digest


def test_no_key_and_no_terminal_is_one_line(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, key_file: Path
) -> None:
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    assert cli("journal", "encrypt").code == 0
    digest = _digest(isolated_home / "journal.db")
    for args in (("status",), ("journal", "list"), ("journal", "export")):
        done = _run(isolated_home, *args, BELONGING_KEY_FILE="")
        _one_line(done, "is an encrypted belonging journal; the key is not available")
        assert done.stdout == ""
    missing = tmp_path / "gone.key"
    done = _run(isolated_home, "status", BELONGING_KEY_FILE=str(missing))
    _one_line(done, f"the key file {missing} does not exist")
    assert _digest(isolated_home / "journal.db") == digest


def _keyring_env(tmp_path: Path) -> dict[str, str]:
    return {
        "PYTHON_KEYRING_BACKEND": BACKEND,
        FILE_ENV: str(tmp_path / "keyring.json"),
        "PYTHONPATH": str(TESTS),
    }


def test_the_key_in_the_keyring_opens_it_and_a_missing_keyring_is_one_line(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    env = _keyring_env(tmp_path)
    done = _run(isolated_home, "journal", "encrypt", "--keyring", **env)
    assert done.returncode == 0, done.stderr
    assert "the OS keyring" in done.stderr
    status = _run(isolated_home, "status", **env)
    assert status.returncode == 0, status.stderr
    assert status.stderr == ""
    digest = _digest(isolated_home / "journal.db")
    failing = {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = _run(isolated_home, "status", **failing)
    _one_line(done, "the OS keyring cannot be used (No recommended backend was available)")
    emptied = {**env, FILE_ENV: str(tmp_path / "another-keyring.json")}
    done = _run(isolated_home, "journal", "list", **emptied)
    _one_line(done, "the OS keyring holds no key for it")
    assert _digest(isolated_home / "journal.db") == digest


def test_storing_in_a_missing_keyring_is_one_line_and_nothing_changes(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    digest = _digest(isolated_home / "journal.db")
    done = _run(
        isolated_home,
        "journal",
        "encrypt",
        "--keyring",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    _one_line(done, "cannot store the key in the OS keyring", "nothing was changed")
    assert _digest(isolated_home / "journal.db") == digest
    assert sorted(p.name for p in isolated_home.iterdir()) == ["cache", "journal.db"]


def test_the_recovery_key_decrypts_and_a_mistyped_one_is_one_line(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, key_file: Path
) -> None:
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    result = cli("journal", "encrypt")
    recovery = result.out.split("\n\n")[1].strip()
    key_file.unlink()  # the key file is lost: only the recovery key is left
    digest = _digest(isolated_home / "journal.db")
    typo = ("B" if recovery[0] != "B" else "C") + recovery[1:]
    done = _run(isolated_home, "journal", "decrypt", "--recovery-key", typo)
    _one_line(done, "has a typo")
    other = keys.recovery_key(bytes(32))
    done = _run(isolated_home, "journal", "decrypt", "--recovery-key", other)
    _one_line(done, "the key does not open the encrypted journal")
    assert _digest(isolated_home / "journal.db") == digest
    done = _run(isolated_home, "journal", "decrypt", "--recovery-key", recovery.lower())
    assert done.returncode == 0, done.stderr
    assert not is_encrypted(isolated_home / "journal.db")
    assert not (isolated_home / "journal.db.crypt").exists()
    assert cli("journal", "search", "Priya").out.count(MARKER) == 1


def test_an_export_of_an_encrypted_journal_warns_or_is_encrypted_to_age(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, key_file: Path
) -> None:
    pyrage = pytest.importorskip("pyrage")
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    plain = cli("journal", "export", "--out", str(tmp_path / "before.json"))
    assert plain.code == 0 and "plain text" not in plain.err
    assert cli("journal", "encrypt").code == 0
    warned = cli("journal", "export", "--out", str(tmp_path / "plain.json"))
    assert warned.code == 0
    assert "warning: the journal is encrypted, but this export is plain text" in warned.err
    identity = pyrage.x25519.Identity.generate()
    out = tmp_path / "export.age"
    sealed = cli(
        "journal", "export", "--age-recipient", str(identity.to_public()), "--out", str(out)
    )
    assert sealed.code == 0, sealed.err
    assert "plain text" not in sealed.err
    assert MARKER.encode() not in out.read_bytes()
    assert pyrage.decrypt(out.read_bytes(), [identity]) == (tmp_path / "plain.json").read_bytes()
    bad = cli("journal", "export", "--age-recipient", "age1notakey", "--out", str(tmp_path / "x"))
    assert bad.code == 2 and len(bad.err.strip().splitlines()) == 1, bad.err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("*.db")))
def test_a_file_that_only_looks_encrypted_is_refused_in_one_line_unchanged(
    tmp_path: Path, key_file: Path, name: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    journal = home / "journal.db"
    journal.write_bytes((HOSTILE / name).read_bytes())
    key_file.write_text(TEST_KEY.hex(), "ascii")
    for args in (("status",), ("journal", "list")):
        done = _run(home, *args)
        _one_line(done, "the key does not open the encrypted journal", "nothing was changed")
        done = _run(home, *args, BELONGING_KEY_FILE="")
        _one_line(done, "is an encrypted belonging journal; the key is not available")
    assert journal.read_bytes() == (HOSTILE / name).read_bytes()
    assert sorted(p.name for p in home.iterdir()) == ["journal.db"]


def test_a_truncated_encrypted_journal_is_refused_unchanged(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, key_file: Path
) -> None:
    for day in ("2026-10-02", "2026-10-09", "2026-10-16"):
        _reflect(cli, tmp_path, MARKER, day)
    journal = isolated_home / "journal.db"
    key_file.write_text(TEST_KEY.hex(), "ascii")
    encrypt_in_place(journal)
    journal.write_bytes(journal.read_bytes()[: journal.stat().st_size // 2])
    before = journal.read_bytes()
    done = _run(isolated_home, "journal", "list")
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "ERROR CORE" not in done.stderr and "Traceback" not in done.stderr
    assert journal.read_bytes() == before


def test_a_journal_encrypted_while_another_belonging_has_it_open_is_not_written_there(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    from belonging_cli.errors import JournalError
    from belonging_cli.journal.store import open_journal

    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    journal = isolated_home / "journal.db"
    with open_journal(journal) as opened:
        session = opened.sessions()[0]
        encrypt_in_place(journal)  # another process's `journal encrypt`, meanwhile
        with pytest.raises(JournalError, match="was replaced"):
            opened.delete_session(session.id)
    with connect_db(journal) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1


def test_status_on_a_plain_journal_imports_nothing_of_the_encryption(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    _reflect(cli, tmp_path, MARKER, "2026-11-06")
    probe = (
        "import sys; from belonging_cli.main import main; main(['status']); "
        "print(sorted(m for m in ('sqlcipher3', 'keyring', 'pyrage', "
        "'belonging_cli.journal.crypt.finding') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "BELONGING_HOME": str(isolated_home)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
