"""A small real file system for a test: full or read-only for real (root only).

with small_filesystem(tmp_path / "disk") as disk:   # skips the test where it cannot mount
    ...
    remount_read_only(disk)
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_filesystem(folder: Path, size: str = "256k") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder` (created), unmounted after."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path) -> Path:
    """Fill the file system holding `folder` to the last byte; the filler file."""
    filler = folder / "filler"
    with contextlib.suppress(OSError), filler.open("wb", buffering=0) as handle:
        while True:  # until ENOSPC
            handle.write(b"x" * 4096)
    return filler


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
