"""The journal key: 32 random bytes handed to SQLCipher as a raw key.

A raw key (`PRAGMA key = "x'...'"`) skips SQLCipher's own key stretching on every
open, so `status` stays fast; the stretching happens once, here, for a passphrase
(scrypt, its parameters and salt kept in the sidecar), and never for the key file,
the keyring entry or the recovery key, which are the key itself.

The recovery key is the key plus a 3-byte check, in base32 groups of four a person
can copy from the screen and type back: a typo is caught by the check before the
journal is touched. Stdlib only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from belonging_cli.errors import JournalError

KEY_BYTES = 32
CHECK_BYTES = 3
GROUP = 4
GROUPS = 14  # (KEY_BYTES + CHECK_BYTES) in base32, GROUP letters a group
# scrypt's interactive parameters (RFC 7914 section 2): ~0.1 s and 32 MiB a try.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8
_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


def new_key() -> bytes:
    import secrets  # making a key only: every open of an encrypted journal imports this

    return secrets.token_bytes(KEY_BYTES)


def key_id(key: bytes) -> str:
    """A name for the key that reveals nothing of it: the keyring entry's, the sidecar's."""
    import hashlib  # not at the top: hashlib loads OpenSSL, and an open from the keyring
    import hmac  # needs no key id (its entry is found by the sidecar's)

    return hmac.new(key, b"belonging journal key id", hashlib.sha256).hexdigest()[:16]


def pragma_value(key: bytes, salt: bytes | None = None) -> str:
    """The key as SQLCipher takes it raw: `x'<key hex>[<salt hex>]'`."""
    return f"x'{key.hex()}{salt.hex() if salt else ''}'"


def _check(key: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(b"belonging recovery" + key).digest()[:CHECK_BYTES]


def recovery_key(key: bytes) -> str:
    """The key as a person keeps it: 56 letters and digits in groups of four."""
    import base64  # a recovery key shown or typed only

    text = base64.b32encode(key + _check(key)).decode("ascii")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def recovery_rows(recovery: str, width: int | None) -> list[str]:
    """The recovery key in rows of whole groups at most `width` long (one row for None),
    as even as they can be, a row that goes on ending with its dash: a group cut at the
    terminal's edge is misread when copied by hand. `parse_key` reads the rows joined."""
    groups = recovery.split("-")
    per = len(groups) if width is None else max(1, width // (GROUP + 1))
    count = -(-len(groups) // per)
    base, longer = divmod(len(groups), count)  # the first `longer` rows take one more
    rows, start = [], 0
    for row in range(count):
        end = start + base + (row < longer)
        rows.append("-".join(groups[start:end]))
        start = end
    return [row + "-" for row in rows[:-1]] + rows[-1:]


# Base32 has no 0, 1 or 8: a recovery key copied from paper has them for O, I and B.
_MISREAD = str.maketrans("018", "OIB")


def parse_key(text: str, what: str, *, typed: bool = False) -> bytes:
    """A key written down: the recovery key (any case, spaces or dashes) or 64 hex digits.
    `typed`: at a prompt, where a key short of groups is a row typed alone; in a file or
    the keyring (read whole, its line breaks and all) it is a key cut short."""
    compact = re.sub(r"[\s-]", "", text)
    if _HEX.match(compact):
        return bytes.fromhex(compact)
    try:
        import base64

        raw = base64.b32decode(compact.upper().translate(_MISREAD))
    except ValueError:
        raw = b""
    if len(raw) != KEY_BYTES + CHECK_BYTES:
        groups = [g for g in re.split(r"[\s-]+", text.strip()) if g]
        if 0 < len(groups) < GROUPS and all(len(g) == GROUP for g in groups):
            # One row of a key printed in rows at a narrow terminal, or a group left out.
            rows = "type all its rows as one line" if typed else "it is cut short"
            how = "one is missing" if len(groups) == GROUPS - 1 else rows
            raise JournalError(f"{what} has {len(groups)} of its {GROUPS} groups: {how}")
        raise JournalError(
            f"{what} is not a journal key (a recovery key is 56 letters and digits in "
            "groups of four, like ABCD-EFGH-...)"
        )
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    import hmac

    if not hmac.compare_digest(check, _check(key)):
        raise JournalError(f"{what} has a typo: its last letters do not match the rest")
    return key


def looks_like_key(text: str) -> bool:
    """Whether typed text is a recovery key rather than a passphrase."""
    compact = re.sub(r"[\s-]", "", text)
    return bool(_HEX.match(compact)) or bool(re.fullmatch(r"[A-Za-z2-7018]{56}", compact))


def groups_typed(text: str) -> int:
    """How many recovery-key groups `text` is, when it is only that (a row of a key
    printed in rows, typed alone); 0 when it is not. Said only after it failed as a
    passphrase: "blue-fish-tree-moon" may well be one."""
    found = re.fullmatch(r"\s*((?:[A-Za-z2-7018]{4}[\s-]+){2,}[A-Za-z2-7018]{4})[\s-]*", text)
    return len(re.split(r"[\s-]+", found.group(1))) if found else 0


class Wrapped(NamedTuple):
    """The key wrapped by a passphrase: the key XOR scrypt(passphrase, salt)."""

    salt: bytes
    wrapped: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P


def _stretch(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # A fresh salt for every wrapping makes the pad used once: XOR is then a sound wrap,
    # and a wrong passphrase is told by the key id, not by SQLCipher.
    import hashlib

    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=128 * r * (n + p + 2) + 1024 * 1024,
        dklen=KEY_BYTES,
    )


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def wrap(key: bytes, passphrase: str) -> Wrapped:
    import secrets

    salt = secrets.token_bytes(16)
    return Wrapped(salt, _xor(key, _stretch(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)))


def unwrap(wrapped: Wrapped, passphrase: str) -> bytes:
    pad = _stretch(passphrase, wrapped.salt, wrapped.n, wrapped.r, wrapped.p)
    return _xor(wrapped.wrapped, pad)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise JournalError(
            f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters "
            "(a few words are easier to remember and harder to guess)"
        )


def read_key_file(path: Path) -> bytes:
    """The key in a key file (the recovery key or 64 hex digits); one line if it is not."""
    try:
        with path.open("rb") as f:
            data = f.read(1024)
    except FileNotFoundError:
        raise JournalError(f"the key file {path} does not exist") from None
    except OSError as exc:
        raise JournalError(f"cannot read the key file {path}: {exc.strerror or exc}") from None
    return parse_key(data.decode("ascii", "replace"), f"the key file {path}")


def write_key_file(path: Path, key: bytes) -> None:
    """A new key file, readable by the user only; an existing file is never replaced."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise JournalError(f"the key file {path} already exists") from None
    except OSError as exc:
        raise JournalError(f"cannot write the key file {path}: {exc.strerror or exc}") from None
    try:
        os.write(fd, (key.hex() + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
