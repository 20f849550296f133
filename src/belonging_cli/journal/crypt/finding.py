"""Where an encrypted journal's key comes from, in this order:

1. the OS keyring (the `keyring` package, imported only here), when the journal's
   key was stored there (`journal encrypt --keyring`);
2. a key file: the `key_file` setting (`BELONGING_KEY_FILE`, config.toml);
3. a person at a terminal: the passphrase (stretched by scrypt to unwrap the key)
   or the recovery key, never echoed.

What was tried and why it did not give the key goes into the one line said when
nothing did. A key that does not fit (a key file of another journal, a wrong
passphrase) is said at once, before the journal is touched.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

from belonging_cli.errors import JournalError
from belonging_cli.journal.crypt import keys, sidecar
from belonging_cli.journal.errors import EncryptedJournal

SERVICE = "belonging journal"  # the keyring entry: this service, the key's id as user name

# A key typed at the terminal is asked once a run, whichever command opens the journal
# again (status's recovery, a report's second read): by the file and its key id.
_typed: dict[tuple[Path, str], bytes] = {}


class KeyringUnavailable(JournalError):
    """The OS keyring cannot be used (no backend, locked, refused)."""


def _keyring() -> ModuleType:
    from belonging_cli.journal.crypt.deferred import KEYRING_UNUSED, deferred

    try:
        # What keyring's helpers import and keyring never uses here (deferred.py).
        with deferred(*KEYRING_UNUSED):
            import keyring
    except ImportError:
        raise KeyringUnavailable("the keyring package is not installed") from None
    return keyring


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.split(". ")[0].rstrip(".")  # keyring's advice runs on: the first sentence


def from_keyring(key_id: str) -> bytes | None:
    keyring = _keyring()
    try:
        text = keyring.get_password(SERVICE, key_id)
    # Any backend's failure (no backend, a locked or refused store, D-Bus gone) is the
    # keyring not being there for this run: one line, and the next source is tried.
    except Exception as exc:
        raise KeyringUnavailable(f"the OS keyring cannot be used ({_short(exc)})") from None
    return None if text is None else keys.parse_key(text, "the OS keyring's entry")


def store_in_keyring(key_id: str, key: bytes) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(SERVICE, key_id, key.hex())
    except Exception as exc:  # as from_keyring
        raise KeyringUnavailable(
            f"cannot store the key in the OS keyring ({_short(exc)}); nothing was changed",
            hint="use --key-file FILE, or a passphrase at a terminal, instead",
        ) from None


def key_file_setting() -> Path | None:
    from belonging_cli.settings import current

    return current().config.key_file


def at_terminal() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def hidden(prompt: str, unanswered: str) -> str:
    """What a person types at `prompt`, not echoed; Ctrl-C or Ctrl-D is `Interrupted`
    (`unanswered`), said on a line of its own: getpass ends the prompt's line only
    after an answer."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        from belonging_cli.errors import Interrupted

        sys.stderr.write("\n")
        raise Interrupted(unanswered) from None


def _fits(key: bytes, info: sidecar.KeyInfo | None) -> bool:
    import hmac

    return info is None or hmac.compare_digest(keys.key_id(key), info.key_id)


def _opens(path: Path, key: bytes) -> bool:
    """Whether `key` opens the journal itself (read-only, nothing written)."""
    from belonging_cli.journal.crypt.cipher import open_keyed

    try:
        open_keyed(path.resolve().as_uri() + "?mode=ro", path, key).close()
    except JournalError:
        return False
    return True


def _stale(path: Path) -> str:
    name = sidecar.path_of(path).name
    return (
        f"{name} beside it is another key's (another journal's, or from before the key "
        f"changed), so no passphrase opens it; `belonging journal passphrase` writes a new one"
    )


class _WrongKey(JournalError):
    """A key that is well formed but not this journal's (a key file, a recovery key)."""


def _fitting(
    path: Path, key: bytes, info: sidecar.KeyInfo | None, wrong: str, *, typed: bool = False
) -> bytes:
    """`key` if it is this journal's: by the sidecar's key id, else (a sidecar left from
    another key: a journal copied back from a backup disk) by opening the journal. A
    key typed at the prompt is always tried on the journal itself, before anything
    else is asked (a sidecar of another journal would take that journal's key)."""
    fits = _fits(key, info)
    if fits and not typed:
        return key
    if not _opens(path, key):
        raise _WrongKey(wrong)
    if not fits:
        _note(_stale(path))
    return key


def _read_sidecar(path: Path) -> tuple[sidecar.KeyInfo | None, str | None]:
    """The sidecar, and why it gives no passphrase (None when it gives one)."""
    name = sidecar.path_of(path).name
    try:
        info = sidecar.read(path)
    except sidecar.Damaged as exc:  # the passphrase route is gone; the others are not
        return None, exc.message
    if info is None:
        return None, f"there is no {name} beside it, so no passphrase"
    return info, None if info.passphrase is not None else f"{name} names no passphrase"


def find_key(path: Path) -> bytes:
    """The key of the encrypted journal at `path`, or one line saying why there is none."""
    tried: list[str] = []
    info, no_passphrase = _read_sidecar(path)
    if info is not None and info.keyring:
        try:
            key = from_keyring(info.key_id)
        except KeyringUnavailable as exc:
            tried.append(exc.message)
        else:
            # Found by the key's id, so its own: not checked again here (hashlib loads
            # OpenSSL, most of status's margin); a wrong one fails SQLCipher's check.
            if key is not None:
                return key
            tried.append("the OS keyring holds no key for it")
    key_file = key_file_setting()
    if key_file is not None:
        try:
            key = keys.read_key_file(key_file)
        except JournalError as exc:
            tried.append(exc.message)
        else:
            wrong = f"the key file {key_file} holds another key, not the key of {path}"
            try:
                return _fitting(path, key, info, wrong)
            except _WrongKey as exc:
                if not at_terminal():
                    raise JournalError(
                        f"{exc.message}; nothing was changed",
                        hint="point the key_file setting at this journal's key file, or "
                        "`belonging config unset key_file` to be asked for the passphrase",
                    ) from None
                tried.append(f"{exc.message} (check the key_file setting)")
    if at_terminal():
        if no_passphrase is not None and info is None:  # damaged or missing: say so first
            tried.append(
                f"{no_passphrase}: type the recovery key, then `belonging journal "
                "passphrase` sets a passphrase again"
            )
        for reason in tried:  # what was tried first, said before the prompt, not hidden
            _note(reason)
        return _typed_key(path, info, no_passphrase)
    if not tried:
        tried.append("no key file is set and there is no terminal to ask for the passphrase")
    else:
        tried.append("there is no terminal to ask for the passphrase")
    raise EncryptedJournal(path, "; ".join(tried))


def _note(text: str) -> None:
    from belonging_cli.fitting import for_stderr

    sys.stderr.write(for_stderr(f"belonging: note: {text}") + "\n")


TRIES = 3  # a mistyped passphrase or recovery key is asked again, as sudo does


def _typed_key(path: Path, info: sidecar.KeyInfo | None, no_passphrase: str | None) -> bytes:
    cached = _typed.get((path.resolve(), info.key_id if info else ""))
    if cached is not None:
        return cached
    asked = (
        f"Passphrase for the journal {path} (or its recovery key): "
        if info is not None and info.passphrase
        else f"Recovery key of the journal {path}: "
    )
    for attempt in range(1, TRIES + 1):
        typed = hidden(asked, "no key given; nothing was changed")
        try:
            key = _from_typed(path, info, typed, no_passphrase)
        except JournalError as exc:
            if attempt == TRIES or not isinstance(exc, _Mistyped):
                raise JournalError(f"{exc.message}; nothing was changed") from None
            from belonging_cli.fitting import for_stderr

            sys.stderr.write(for_stderr(f"{exc.message}: try again.") + "\n")
            continue
        _typed[(path.resolve(), info.key_id if info else "")] = key
        return key
    raise AssertionError("unreachable")  # the loop returns or raises


class _Mistyped(JournalError):
    """What was typed does not open the journal, and typing it again may."""


def _from_typed(
    path: Path, info: sidecar.KeyInfo | None, typed: str, no_passphrase: str | None
) -> bytes:
    """The key `typed` gives: a recovery key (anything grouped like one is read as one,
    so a missing group says so), else the passphrase unwrapping the sidecar's key."""
    if not typed.strip():
        raise _Mistyped("nothing was typed")
    if keys.looks_like_key(typed) or typed.count("-") >= 8:
        try:
            key = keys.parse_key(typed, "the recovery key", typed=True)
        except JournalError as exc:
            raise _Mistyped(exc.message) from None
        try:
            wrong = f"that recovery key does not open the journal {path}"
            return _fitting(path, key, info, wrong, typed=True)
        except _WrongKey as exc:
            raise _Mistyped(
                f"{exc.message} (another journal's, or from before its key changed)"
            ) from None
    if info is not None and info.passphrase is not None:
        key = keys.unwrap(info.passphrase, typed)
        if not _fits(key, info):
            groups = keys.groups_typed(typed)
            if 0 < groups < keys.GROUPS:  # one row of a recovery key printed in rows
                raise _Mistyped(
                    f"wrong passphrase, or {groups} of the recovery key's {keys.GROUPS} "
                    "groups: type all its rows as one line"
                )
            raise _Mistyped(f"wrong passphrase for the journal {path}")
        if not _opens(path, key):  # the sidecar is whole, but another key's
            raise _Mistyped(f"{_stale(path)}; type this journal's own recovery key instead")
        return key
    raise _Mistyped(f"{path} has no passphrase: {no_passphrase}; type its recovery key instead")
