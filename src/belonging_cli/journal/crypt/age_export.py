"""`journal export --age-recipient age1...`: the export encrypted to an age key (pyrage).

The export is still streamed: its chunks are read by age's writer (in a thread, as
pyrage pushes its output) and its ASCII-armoured output handed back, piece by piece,
to the one all-or-nothing writer of the user's files (`files.write_private`).
pyrage is imported only here, and only when asked.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from belonging_cli.errors import BelongingError, UsageProblem

_DONE = object()


def recipient(text: str) -> Any:
    """An age recipient (`age1...`), or one line saying it is not one."""
    try:
        import pyrage
    except ImportError:
        import shlex
        import sys

        # Into the environment belonging runs in, whichever way it was installed.
        raise BelongingError(
            "--age-recipient needs pyrage, the age library, in belonging's own "
            f"environment: {shlex.quote(sys.executable)} -m pip install pyrage",
            hint="installed with pipx: pipx inject belonging-cli pyrage; with uv: "
            "uv tool install --with pyrage .",
        ) from None
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except pyrage.RecipientError as exc:
        raise UsageProblem(f"--age-recipient: {text!r} is not an age recipient ({exc})") from None


class _Chunks(io.RawIOBase):
    """The export's text chunks as a byte stream age reads."""

    def __init__(self, chunks: Iterable[str]) -> None:
        self._chunks = iter(chunks)
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = chunk.encode("utf-8")
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


class _Pieces(io.RawIOBase):
    """What age writes, passed to the consuming thread; stops when it is not wanted."""

    def __init__(self, out: queue.Queue[object], stop: threading.Event) -> None:
        self._out = out
        self._stop = stop

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        while True:
            if self._stop.is_set():
                raise OSError("the export is no longer being written")
            try:
                self._out.put(bytes(data), timeout=0.1)
                return len(data)
            except queue.Full:
                continue


def encrypted(chunks: Iterable[str], to: Any) -> Iterator[str]:
    """The export's chunks encrypted to the age recipient `to`, ASCII-armoured."""
    import pyrage

    out: queue.Queue[object] = queue.Queue(maxsize=16)
    stop = threading.Event()
    failed: list[BaseException] = []

    def work() -> None:
        try:
            pyrage.encrypt_io(_Chunks(chunks), _Pieces(out, stop), [to], armored=True)
        except BaseException as exc:  # handed to the consumer, which raises it
            failed.append(exc)
        finally:
            while not stop.is_set():
                try:
                    out.put(_DONE, timeout=0.1)
                    break
                except queue.Full:
                    continue

    worker = threading.Thread(target=work, name="age-export", daemon=True)
    worker.start()
    last = ""
    try:
        while (piece := out.get()) is not _DONE:
            assert isinstance(piece, bytes)
            last = piece.decode("ascii")
            yield last
        if last and not last.endswith("\n"):
            yield "\n"  # the armour's last line, ended as a text file's
    finally:
        stop.set()
        worker.join()
    if failed:
        raise failed[0]
