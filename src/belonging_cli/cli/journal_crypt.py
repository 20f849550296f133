"""`belonging journal encrypt` and `journal decrypt`: the whole journal file
encrypted at rest, or plain again (journal/crypt/ does the work).

Nothing of SQLCipher or the keyring is imported until one of them runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import click

from belonging_cli.cli.options import pass_settings
from belonging_cli.cli.output import info
from belonging_cli.errors import JournalError, UsageProblem
from belonging_cli.settings import Settings


def is_encrypted(path: Path) -> bool:
    from belonging_cli.journal.errors import EncryptedJournal
    from belonging_cli.journal.file import inspect_file

    try:
        inspect_file(path)
    except EncryptedJournal:
        return True
    return False


def refuse_unfit(backup: Path, journal: Path) -> None:
    """`journal restore`'s checks before the journal is opened (before its key is asked
    and the restore confirmed): an empty file is no backup, and a plain backup does not
    go into an encrypted journal nor the reverse. An encrypted one is opened with the
    journal's key (safekeeping.restore_into)."""
    from belonging_cli.journal.errors import EncryptedJournal, not_a_journal
    from belonging_cli.journal.file import inspect_file
    from belonging_cli.journal.safekeeping import refuse_mixed

    try:
        empty = inspect_file(backup) is None
    except EncryptedJournal:
        if not (journal.exists() and is_encrypted(journal)):
            refuse_mixed(backup, backup_encrypted=True)
        return
    if empty:
        raise not_a_journal(backup, "it is empty")
    if journal.exists() and is_encrypted(journal):
        refuse_mixed(backup, backup_encrypted=False)


def _plain_backups(path: Path) -> list[Path]:
    from belonging_cli.journal.schema import ENCRYPTED_MAGIC

    plain = []
    for copy in sorted(path.parent.glob(f"{path.name}.*.bak")):
        with copy.open("rb") as f:
            if f.read(16) != ENCRYPTED_MAGIC:
                plain.append(copy)
    return plain


TRIES = 3  # chances to choose a passphrase and type it twice alike


def new_passphrase() -> str:
    from belonging_cli.journal.crypt.finding import hidden
    from belonging_cli.journal.crypt.keys import check_passphrase

    unanswered = "no passphrase chosen; nothing was changed"
    for attempt in range(1, TRIES + 1):  # a slip is asked again, as passwd does
        first = hidden("Choose a passphrase for the journal: ", unanswered)
        try:
            check_passphrase(first)
            if hidden("Type it again: ", unanswered) != first:
                raise JournalError("the two passphrases differ")
        except JournalError as exc:
            if attempt == TRIES:
                raise JournalError(f"{exc.message}; nothing was changed") from None
            from belonging_cli.fitting import for_stderr

            click.echo(for_stderr(f"{exc.message}: try again."), err=True)
            continue
        return first
    raise AssertionError("unreachable")  # the loop returns or raises


def _recovery_block(recovery: str) -> str:
    """The recovery key under its heading, both fitted to the terminal's width (whole
    lines when piped): what a person copies by hand is never cut mid-word or mid-group."""
    from belonging_cli.fitting import text_width, wrap
    from belonging_cli.journal.crypt.keys import recovery_rows

    width = text_width()
    heading = wrap(
        "Recovery key (shown this once: it opens the journal and its backups if the "
        "passphrase, key file or keyring is lost; keep it somewhere safe, apart from "
        "this computer):",
        width,
        0,
    )
    rows = recovery_rows(recovery, None if width is None else width - 4)
    return "\n".join([*heading, "", *(f"    {row}" for row in rows), ""])


@click.command("encrypt")
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Keep the key in this file (made if missing; else its key is used). "
    "Default: the key_file setting ($BELONGING_KEY_FILE).",
)
@click.option("--keyring", is_flag=True, help="Keep the key in the OS keyring.")
@pass_settings
def encrypt(settings: Settings, key_file: Path | None, keyring: bool) -> None:
    """Encrypt the journal file (and its future backups) with a new key.

    The key is kept where you say: a passphrase you type (asked at a terminal when
    there is no key file or keyring), a key file, the OS keyring. A recovery key is
    printed once: keep it somewhere safe, apart from this computer.
    """
    from belonging_cli.journal.crypt import convert, finding, keys, sidecar
    from belonging_cli.journal.store import open_journal

    path = settings.journal_path
    key_file = key_file.expanduser() if key_file else settings.config.key_file
    if path.exists() and is_encrypted(path):
        raise JournalError(f"the journal {path} is already encrypted")
    ask = key_file is None and not keyring
    if ask and not finding.at_terminal():
        raise UsageProblem(
            "journal encrypt needs somewhere to keep the key: give --key-file FILE or "
            "--keyring, or run it at a terminal to choose a passphrase"
        )
    # Chosen before the journal is made: a slip on a new home leaves nothing behind.
    passphrase = new_passphrase() if ask else None
    with open_journal(path):  # created and migrated first: what is encrypted is current
        pass
    made_file = key_file is not None and not key_file.exists()
    key = keys.read_key_file(key_file) if key_file and not made_file else keys.new_key()
    key_id = keys.key_id(key)
    if keyring:
        finding.store_in_keyring(key_id, key)
    if made_file and key_file is not None:
        keys.write_key_file(key_file, key)
    info_ = sidecar.KeyInfo(
        key_id, keyring, keys.wrap(key, passphrase) if passphrase is not None else None
    )
    remembered, written = _remember_key_file(settings, key_file) if key_file else (None, False)
    try:
        convert.encrypt(path, key, info_)
    except BaseException:
        if made_file and key_file is not None:
            key_file.unlink(missing_ok=True)
        if written:  # as it was: the journal stayed plain
            from belonging_cli.config import parse_setting
            from belonging_cli.config_file import set_value

            before = settings.config.key_file
            set_value(
                "key_file",
                None if before is None else parse_setting("key_file", str(before)),
                settings.config_path,
            )
        raise
    click.echo(_recovery_block(keys.recovery_key(key)))
    where = [w for w, used in (("the OS keyring", keyring), (f"{key_file}", key_file)) if used]
    if passphrase is not None:
        where.append("your passphrase")
    info(f"Encrypted the journal {path}; its key: {', '.join(where)}.")
    import sys

    if not sys.stdout.isatty():  # shown once: not lost unseen in a pipe or /dev/null
        info("note: the recovery key went to standard output, which is not a terminal")
    if remembered is not None:
        info(remembered)
    if key_file is not None:
        warn_if_shared(key_file)
        if path.parent.resolve() in key_file.resolve().parents:
            info(
                "warning: the key file is in the journal's own folder: whoever copies the "
                "folder has the key too; keep it on another disk, or use a passphrase"
            )
    plain = _plain_backups(path)
    if plain:
        info(
            f"{len(plain)} earlier backup(s) beside it are not encrypted and hold the "
            f"journal as it was: {', '.join(p.name for p in plain)}; delete them if you "
            "do not need them"
        )


def warn_if_shared(key_file: Path) -> None:
    """A key file others can read is their key too: said when it becomes the key
    (`journal encrypt`, `config set key_file`; files belonging makes are 0600, one a
    person brings may not be). One not there yet is said to be, when it is named."""
    import stat

    try:
        mode = stat.S_IMODE(key_file.stat().st_mode)
    except OSError:
        info(f"note: there is no key file {key_file} yet (journal encrypt makes it there)")
        return
    if mode & 0o077:
        info(
            f"warning: other users of this computer can read the key file {key_file} "
            f"(mode {mode:o}): `chmod 600 {key_file}`"
        )


def warn_if_plain_copy(journal: Path, what: str) -> None:
    """Say so when words of an encrypted journal are written to a file as plain text
    (a report, an edit kept after it failed): only the journal and its backups are
    encrypted, and a person who chose encryption expects to hear of any other copy."""
    if journal.exists() and is_encrypted(journal):
        info(
            f"warning: the journal is encrypted, but {what} is plain text: keep it "
            "somewhere as safe, or delete it when you are done with it"
        )


def backup_note(settings: Settings) -> None:
    """What opens a backup of an encrypted journal, said when it is made: a copy kept
    away from the journal (a USB disk) has no `journal.db.crypt` beside it."""
    journal = settings.journal_path
    if journal.exists() and is_encrypted(journal):
        routes = key_routes(settings)
        passphrase = (
            " with a copy of journal.db.crypt beside it"
            if routes[-1:] == [PASSPHRASE_ROUTE]
            else ""
        )
        info(f"It is encrypted like the journal: {_either(routes)} opens it{passphrase}.")


PASSPHRASE_ROUTE = "your passphrase"


def key_routes(settings: Settings, key_file_too: bool = True) -> list[str]:
    """What opens the encrypted journal, as said to its owner: the recovery key always,
    then the key file, the keyring entry and the passphrase it has (the passphrase last)."""
    from belonging_cli.journal.crypt import sidecar

    try:
        kept = sidecar.read(settings.journal_path)
    except sidecar.Damaged:
        kept = None
    routes = ["its recovery key"]
    key_file = settings.config.key_file
    if key_file_too and key_file is not None and key_file.exists():
        routes.append(f"the key file {key_file}")
    if kept is not None and kept.keyring:
        routes.append("the OS keyring entry")
    if kept is not None and kept.passphrase is not None:
        routes.append(PASSPHRASE_ROUTE)
    return routes


def _either(routes: list[str]) -> str:
    return routes[0] if len(routes) == 1 else f"{', '.join(routes[:-1])} or {routes[-1]}"


def _remember_key_file(settings: Settings, key_file: Path) -> tuple[str | None, bool]:
    """Every later command must find the key: `--key-file` becomes the key_file setting
    (config.toml), unless that or BELONGING_KEY_FILE already names this file. Written
    before the journal is encrypted (a kill in between leaves a plain journal and a
    setting it does not need, never an encrypted one no setting finds); what to say
    once it is, and whether the setting was written."""
    from belonging_cli.config import parse_setting
    from belonging_cli.config_file import set_value

    chosen = key_file.resolve()
    if settings.config.key_file is not None and settings.config.key_file.resolve() == chosen:
        if "key_file" in settings.from_environment():  # only this shell's variable knows it
            return (
                f"note: only BELONGING_KEY_FILE names the key file {chosen}: keep it set for "
                f"every later command, or `belonging config set key_file {chosen}`"
            ), False
        return None, False
    if "key_file" in settings.from_environment():
        return (
            f"note: BELONGING_KEY_FILE names {settings.config.key_file}, not this key file: "
            f"point it at {chosen} for the next commands to find the key"
        ), False
    written = set_value("key_file", parse_setting("key_file", str(chosen)), settings.config_path)
    return (
        f"The key_file setting now names it ({written}): every command finds the key there.",
        True,
    )


@click.command("decrypt")
@click.option(
    "--recovery-key", metavar="KEY", help="Open it with the recovery key printed at encrypt."
)
@pass_settings
def decrypt(settings: Settings, recovery_key: str | None) -> None:
    """Decrypt the journal file back to plain SQLite (its key is asked as for any command)."""
    from belonging_cli.journal.crypt import convert, keys

    path = settings.journal_path
    if not path.exists() or not is_encrypted(path):
        raise JournalError(f"the journal {path} is not encrypted")
    if recovery_key is not None:
        key = keys.parse_key(recovery_key, "the recovery key", typed=True)
    else:
        from belonging_cli.journal.crypt.opening import key_for

        key = key_for(path)
    convert.decrypt(path, key)
    info(
        f"Decrypted the journal {path}: it is plain SQLite again. Backups made while it "
        "was encrypted stay encrypted: its recovery key or key file opens them, your "
        "passphrase only with a copy of journal.db.crypt, which is removed now."
    )
    kept = settings.config.key_file
    if kept is not None and kept.exists():
        info(
            f"The key file {kept} and the key_file setting are left as they were: a later "
            "journal encrypt uses that key again (`belonging config unset key_file` and "
            "delete the file if you no longer need them)."
        )


age_option = click.option(
    "--age-recipient",
    metavar="AGE1...",
    help="Encrypt the export to this age public key (needs pyrage: the age extra).",
)


def export_encryption(
    settings: Settings, age_recipient: str | None, *, one_file: bool = True
) -> Callable[[Iterable[str]], Iterable[str]]:
    """What `journal export` does to its chunks once the journal is open: encrypted to
    `age_recipient` (checked now, before any work), else as they are, with a warning on
    stderr when the journal is encrypted and its export will not be."""
    if age_recipient is not None and not one_file:
        raise UsageProblem("--age-recipient encrypts one file: not --format obsidian")
    if age_recipient is not None:
        from belonging_cli.journal.crypt.age_export import encrypted, recipient

        to = recipient(age_recipient)
        return lambda chunks: encrypted(chunks, to)

    def plain(chunks: Iterable[str]) -> Iterable[str]:
        path = settings.journal_path
        return _warned_after(chunks) if path.exists() and is_encrypted(path) else chunks

    return plain


def _warned_after(chunks: Iterable[str]) -> Iterator[str]:
    """The chunks, then the warning: said once the export is written (a failure says
    only what failed)."""
    yield from chunks
    info(
        "warning: the journal is encrypted, but this export is plain text: keep it "
        "somewhere as safe, or export with --age-recipient AGE1... to encrypt it"
    )
