"""What opening an encrypted journal does first: its key found (finding.py), and what a
killed conversion left beside it removed (a stopped decryption's temporary file holds
plain text). Light on purpose: `status` opens the journal this way on every run, so
this imports nothing of the conversion itself (convert.py writes the temporaries these
names describe).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from belonging_cli.journal.crypt.finding import find_key


def key_for(path: Path) -> bytes:
    """The key to open the encrypted journal at `path` (what `file.open_file` asks)."""
    key = find_key(path)
    remove_stale(path)
    return key


def temporary_prefix(path: Path, direction: str) -> str:
    """The start of a conversion's temporary file's name: hidden, beside the journal,
    its direction (`encrypting`, `decrypting`) and the pid of the process writing it."""
    return f".{path.name}.{direction}-{os.getpid()}-"


def _temporaries(path: Path) -> Iterator[tuple[Path, int]]:
    for temp in path.parent.glob(f".{path.name}.*crypting-*.tmp"):
        pid = temp.name.rsplit("crypting-", 1)[1].split("-", 1)[0]
        if pid.isdigit():
            yield temp, int(pid)


def remove_stale(path: Path) -> None:
    """Remove what a killed conversion left beside the journal (not a running one's)."""
    for temp, pid in _temporaries(path):
        if pid != os.getpid() and not _alive(pid):
            remove_temporary(temp)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: it exists
    return True


def remove_temporary(temp: Path) -> None:
    for name in (temp, temp.with_name(temp.name + "-journal")):
        name.unlink(missing_ok=True)
