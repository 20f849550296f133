"""What is kept beside an encrypted journal to unlock it: `journal.db.crypt`.

A small JSON file, private (0600), written whole and renamed into place:
the key's id (the keyring entry's name; a key file's key is checked against it
before the journal is touched), whether the key was stored in the OS keyring, and
the key wrapped by the passphrase (scrypt's parameters and salt with it). Nothing in
it opens the journal without the passphrase: a stolen journal plus this file is
no more than a stolen journal. Losing it loses only the passphrase route; the
key file, the keyring entry and the recovery key open the journal alone.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from belonging_cli.errors import JournalError
from belonging_cli.journal.crypt.keys import Wrapped

SUFFIX = ".crypt"
FORMAT = "belonging encrypted journal"
VERSION = 1


class KeyInfo(NamedTuple):
    key_id: str
    keyring: bool = False
    passphrase: Wrapped | None = None


class Damaged(JournalError):
    """The sidecar is there but its check fails: no field of it can be trusted."""


def _check(data: dict[str, Any]) -> str:
    """A CRC-32 of every other field: damage (a flipped byte, an edit) is told apart
    from a wrong passphrase, which the key id tells. Not a MAC: anyone who can write
    the file can make a matching one, and gains nothing by it (no field opens the
    journal without the passphrase). zlib, not hashlib: every open of an encrypted
    journal reads this file, and hashlib loads OpenSSL (status's 150 ms, issue 20)."""
    import zlib

    fields = {name: value for name, value in data.items() if name != "check"}
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return f"crc32:{zlib.crc32(text.encode('utf-8')):08x}"


def path_of(journal: Path) -> Path:
    return journal.with_name(journal.name + SUFFIX)


def read(journal: Path) -> KeyInfo | None:
    """The sidecar of `journal`; None when there is none. `Damaged` when it is there
    but cannot be used: cut short, not one belonging wrote, failing its check (a
    sidecar written before the check was kept has none, and is read as it is). The
    other ways to the key still work either way, and the journal says which it tried."""
    name = path_of(journal).name
    try:
        with path_of(journal).open("rb") as f:
            data: Any = json.loads(f.read(64 * 1024))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):  # cut short, garbage, unreadable: there, but no use
        raise Damaged(f"{name} beside it is damaged (it cannot be read as one)") from None
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise Damaged(f"{name} beside it is damaged (it is not one belonging wrote)")
        if data.get("version") != VERSION:
            raise Damaged(f"{name} beside it is of another version of belonging")
        if "check" in data and data["check"] != _check(data):
            raise Damaged(f"{name} beside it is damaged (its check fails)")
        wrapped = data.get("passphrase")
        return KeyInfo(
            key_id=str(data["key_id"]),
            keyring=data.get("keyring") is True,
            passphrase=None
            if wrapped is None
            else Wrapped(
                salt=bytes.fromhex(wrapped["salt"]),
                wrapped=bytes.fromhex(wrapped["wrapped"]),
                n=int(wrapped["n"]),
                r=int(wrapped["r"]),
                p=int(wrapped["p"]),
            ),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        raise Damaged(f"{name} beside it is damaged (it cannot be read as one)") from None


def write(journal: Path, info: KeyInfo) -> None:
    """Write the sidecar whole (a temporary file synced, then renamed)."""
    wrapped = info.passphrase
    data = {
        "format": FORMAT,
        "version": VERSION,
        "key_id": info.key_id,
        "keyring": info.keyring,
        "passphrase": None
        if wrapped is None
        else {
            "kdf": "scrypt",
            "n": wrapped.n,
            "r": wrapped.r,
            "p": wrapped.p,
            "salt": wrapped.salt.hex(),
            "wrapped": wrapped.wrapped.hex(),
        },
    }
    data["check"] = _check(data)
    target = path_of(journal)
    import tempfile  # writing only: every open of an encrypted journal reads this module

    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        Path(name).replace(target)
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise JournalError(f"cannot write {target}: {exc.strerror or exc}") from None


def remove(journal: Path) -> None:
    path_of(journal).unlink(missing_ok=True)
