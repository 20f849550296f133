"""What a first trial of encryption at rest found, as a user meets it: the key file given
to `journal encrypt` is the one every later command finds; a recovery key copied with
0 for O or 1 for I still opens the journal; a backup says what opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.cli import CliRunner
from support.encrypted import is_encrypted


def _journal(cli: CliRunner, isolated_home: Path) -> Path:
    template = cli("reflect", "--answers-template", "--date", "2026-11-06")
    assert template.code == 0, template.err
    answers = isolated_home.parent / "week.yaml"
    answers.write_text(template.out, "utf-8")
    done = cli("reflect", "--answers", str(answers), "--date", "2026-11-06")
    assert done.code == 0, done.err
    return isolated_home / "journal.db"


def test_the_key_file_given_to_encrypt_is_the_one_every_command_then_finds(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    journal = _journal(cli, isolated_home)
    key = tmp_path / "keys" / "journal.key"
    key.parent.mkdir()
    done = cli("journal", "encrypt", "--key-file", str(key))
    assert done.code == 0, done.err
    assert is_encrypted(journal) and key.exists()
    assert "key_file setting now names it" in done.err
    assert str(key.resolve()) in (isolated_home / "config.toml").read_text("utf-8")
    status = cli("status")  # no terminal, no BELONGING_KEY_FILE: the setting finds it
    assert status.code == 0, status.err
    assert cli("journal", "list").code == 0


def test_a_recovery_key_copied_with_zero_for_o_and_one_for_i_still_opens_it(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    journal = _journal(cli, isolated_home)
    key = tmp_path / "journal.key"
    done = cli("journal", "encrypt", "--key-file", str(key))
    assert done.code == 0, done.err
    recovery = next(w for w in done.out.split() if w.count("-") > 10)
    # Base32 has no 0, 1 or 8: someone copying it from paper writes them for O, I and B.
    confusable = recovery.replace("O", "0").replace("I", "1").replace("B", "8")
    key.unlink()
    opened = cli("journal", "decrypt", "--recovery-key", confusable)
    assert opened.code == 0, opened.err
    assert not is_encrypted(journal)


def test_a_backup_of_an_encrypted_journal_says_what_opens_it(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    _journal(cli, isolated_home)
    assert cli("journal", "encrypt", "--key-file", str(tmp_path / "journal.key")).code == 0
    out = tmp_path / "copy.db"
    done = cli("journal", "backup", "--out", str(out))
    assert done.code == 0, done.err
    assert is_encrypted(out)
    said = done.out + done.err
    assert "recovery key" in said and f"the key file {tmp_path / 'journal.key'}" in said
    # Only what this journal has: no passphrase, no keyring entry (a third trial).
    assert "passphrase" not in said and "keyring" not in said, said


def test_plain_copies_of_an_encrypted_journal_are_said_to_be_plain(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    _journal(cli, isolated_home)
    encrypted = cli("journal", "encrypt", "--key-file", str(tmp_path / "journal.key"))
    assert "recovery key went to standard output" in encrypted.err  # not a terminal here
    report = cli("report", "--out", str(tmp_path / "r.html"))
    assert report.code == 0, report.err
    assert "the journal is encrypted, but r.html is plain text" in report.err
    plain = cli("report", "--format", "md")  # on stdout: yours to see, nothing said
    assert "plain text" not in plain.err


def test_a_key_file_in_the_journals_folder_is_warned_of(
    cli: CliRunner, isolated_home: Path
) -> None:
    _journal(cli, isolated_home)
    done = cli("journal", "encrypt", "--key-file", str(isolated_home / "journal.key"))
    assert done.code == 0, done.err
    assert "the key file is in the journal's own folder" in done.err


def test_a_key_file_others_can_read_is_warned_of_once_and_a_private_one_is_not(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    # A key file a person brings (written with their umask, say 0644) is everyone's key.
    _journal(cli, isolated_home)
    from belonging_cli.journal.crypt.keys import new_key

    brought = tmp_path / "brought.key"
    brought.write_text(new_key().hex() + "\n", "ascii")
    brought.chmod(0o644)
    done = cli("journal", "encrypt", "--key-file", str(brought))
    assert done.code == 0, done.err
    assert f"other users of this computer can read the key file {brought}" in done.err
    assert "(mode 644)" in done.err and f"chmod 600 {brought}" in done.err
    assert "other users" not in cli("status").err  # said when it becomes the key, not after
    assert cli("journal", "decrypt").code == 0
    brought.chmod(0o600)
    done = cli("journal", "encrypt", "--key-file", str(brought))
    assert done.code == 0 and "other users" not in done.err, done.err


def test_decrypt_says_the_key_file_and_its_setting_are_left(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    _journal(cli, isolated_home)
    key = tmp_path / "journal.key"
    assert cli("journal", "encrypt", "--key-file", str(key)).code == 0
    done = cli("journal", "decrypt")
    assert done.code == 0, done.err
    assert f"The key file {key.resolve()} and the key_file setting are left" in done.err


def test_importing_an_age_encrypted_export_says_what_it_is(cli: CliRunner, tmp_path: Path) -> None:
    armoured = tmp_path / "export.age"
    armoured.write_text(
        "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n"
        "-----END AGE ENCRYPTED FILE-----\n",
        "utf-8",
    )
    done = cli("journal", "import", str(armoured))
    assert done.code == 1
    assert f"{armoured}:1:1:" in done.err and "age-encrypted file" in done.err
    assert len(done.err.strip().splitlines()) == 1


def test_a_sidecar_left_from_another_key_does_not_lock_out_the_right_key_file(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    # A third trial: journal.db copied back from a backup disk beside the
    # journal.db.crypt of a later key (decrypted, then encrypted again). The key file
    # that opens it is used, and the stale sidecar is named, not the key blamed.
    journal = _journal(cli, isolated_home)
    old_key, new_key = tmp_path / "old.key", tmp_path / "new.key"
    assert cli("journal", "encrypt", "--key-file", str(old_key)).code == 0
    kept = tmp_path / "kept-journal.db"
    kept.write_bytes(journal.read_bytes())
    assert cli("journal", "decrypt").code == 0
    assert cli("config", "unset", "key_file").code == 0
    assert cli("journal", "encrypt", "--key-file", str(new_key)).code == 0
    journal.write_bytes(kept.read_bytes())  # the old journal, the new key's sidecar
    assert cli("config", "set", "key_file", str(old_key)).code == 0
    done = cli("status")
    assert done.code == 0, done.err
    assert "journal.db.crypt beside it is another key's" in done.err
    assert "`belonging journal passphrase` writes a new one" in done.err
    # A key file that opens neither is still refused in one line, the key named.
    assert cli("config", "set", "key_file", str(tmp_path / "other.key")).code == 0
    from belonging_cli.journal.crypt.keys import new_key as make_key
    from belonging_cli.journal.crypt.keys import write_key_file

    write_key_file(tmp_path / "other.key", make_key())
    done = cli("status")
    assert done.code == 1
    assert done.err.count("\n") == 1 and "holds another key, not the key of" in done.err
    assert "config unset key_file" in done.err


def test_a_plain_backup_into_an_encrypted_journal_is_refused_before_any_key_is_asked(
    cli: CliRunner, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A third trial typed the passphrase and confirmed, to then hear it could not be.
    journal = _journal(cli, isolated_home)
    plain = tmp_path / "plain.bak"
    plain.write_bytes(journal.read_bytes())
    assert cli("journal", "encrypt", "--key-file", str(tmp_path / "k.key")).code == 0
    monkeypatch.setenv("BELONGING_KEY_FILE", str(tmp_path / "no-such.key"))  # no key at all
    done = cli("journal", "restore", str(plain), "--yes")
    assert done.code == 1
    assert "is not encrypted and this journal is; nothing was changed" in done.err
    assert "key is not available" not in done.err


def test_a_backup_under_an_earlier_key_says_how_to_open_it(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    _journal(cli, isolated_home)
    assert cli("journal", "encrypt", "--key-file", str(tmp_path / "old.key")).code == 0
    old = tmp_path / "old.bak"
    assert cli("journal", "backup", "--out", str(old)).code == 0
    assert cli("journal", "decrypt").code == 0
    assert cli("config", "unset", "key_file").code == 0
    assert cli("journal", "encrypt", "--key-file", str(tmp_path / "new.key")).code == 0
    done = cli("journal", "restore", str(old), "--yes")
    assert done.code == 1
    assert "a backup made under an earlier key opens with that key" in done.err
    assert "`belonging --home FOLDER`" in done.err


def test_an_encryption_that_fails_leaves_no_key_file_and_the_setting_as_it_was(
    cli: CliRunner, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The setting is written before the conversion (a kill after it must not leave an
    # encrypted journal that no setting finds); a conversion that fails puts it back.
    journal = _journal(cli, isolated_home)
    before = journal.read_bytes()
    from belonging_cli.journal.crypt import convert

    def full_disk(*_: object) -> None:
        from belonging_cli.errors import JournalError

        raise JournalError("cannot encrypt the journal: the disk is full; it was left as it was")

    monkeypatch.setattr(convert, "encrypt", full_disk)
    key = tmp_path / "journal.key"
    done = cli("journal", "encrypt", "--key-file", str(key))
    assert done.code == 1 and "the disk is full" in done.err
    assert not key.exists() and journal.read_bytes() == before
    shown = [line.split() for line in cli("config", "show").out.splitlines()]
    assert ["key_file", "(not", "set)"] in shown


def test_a_key_file_named_only_by_the_environment_is_said_to_be(
    cli: CliRunner, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fourth trial: BELONGING_KEY_FILE alone named the key file at encrypt; the next
    # shell without the variable found no key, and nothing had said so.
    _journal(cli, isolated_home)
    key = tmp_path / "env.key"
    monkeypatch.setenv("BELONGING_KEY_FILE", str(key))
    done = cli("journal", "encrypt")
    assert done.code == 0, done.err
    assert f"only BELONGING_KEY_FILE names the key file {key.resolve()}" in done.err
    assert f"config set key_file {key.resolve()}" in done.err
    done = cli("journal", "decrypt")
    assert done.code == 0 and "passphrase only with a copy of journal.db.crypt" in done.err


def test_config_set_key_file_says_a_missing_or_shared_key_file(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    # A fourth trial: `config set key_file` took a file others could read without a word.
    missing = tmp_path / "later.key"
    done = cli("config", "set", "key_file", str(missing))
    assert done.code == 0 and f"there is no key file {missing} yet" in done.err
    from belonging_cli.journal.crypt.keys import new_key

    shared = tmp_path / "shared.key"
    shared.write_text(new_key().hex() + "\n", "ascii")
    shared.chmod(0o644)
    done = cli("config", "set", "key_file", str(shared))
    assert done.code == 0 and "other users of this computer can read the key file" in done.err
    shared.chmod(0o600)
    done = cli("config", "set", "key_file", str(shared))
    assert done.code == 0 and done.err == "", done.err
