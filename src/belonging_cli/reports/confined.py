"""Run a user's template in a child process with a memory limit and a wall-clock limit.

Bounding every string operation a template can reach is whack-a-mole (`a ~ a` in a
loop doubles a text no filter sees); a process can be bounded as a whole. The child
is forked (the report is already in memory, shared copy-on-write), limits its own
address space with RLIMIT_AS and renders; the parent reads the text back from a pipe
and kills the child if it outlives the time limit. Whatever the template does (eat
memory, recurse, crash the interpreter) the parent gets a text or one line to show.

Where there is no fork (Windows) the work runs in-process with the sandbox's own
limits only.
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from belonging_cli.errors import BelongingError

MEMORY = 1 << 30  # bytes the child may add to the address space it starts with
GRACE = 2.0  # seconds past the time limit before the child is killed from outside
_TEXT, _ERROR = b"T", b"E"


def run(work: Callable[[], str], *, seconds: float, where: str) -> str:
    """`work()` in a confined child; its BelongingError comes back as one."""
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        return work()
    import resource  # here, once: imported in each child it costs ~3 ms a report

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; coverage does not follow a fork
        os.close(read_end)
        _child(work, write_end, where, resource)
    os.close(write_end)
    try:
        data = _read_all(read_end, time.monotonic() + seconds + GRACE)
    except BaseException:  # Ctrl-C or the time limit: the child goes too
        _kill(pid)
        raise
    finally:
        os.close(read_end)
    if data is None:
        _kill(pid)
        raise BelongingError(f"{where}: the template ran for over {seconds:.0f} s; stopped it")
    status = os.waitpid(pid, 0)[1]
    if data[:1] == _TEXT:
        return str(memoryview(data)[1:], "utf-8", "surrogatepass")  # no copy of a big text
    if data[:1] == _ERROR:
        raise BelongingError(data[1:].decode("utf-8", "replace"))
    raise BelongingError(f"{where}: the template stopped its renderer ({_how(status)})")


def _child(
    work: Callable[[], str], fd: int, where: str, resource: ModuleType
) -> None:  # pragma: no cover
    """Render, send the text or the message, and leave without running the parent's exits."""
    code = 0
    try:
        _limit_memory(resource)
        # A template's garbage is collected whatever the parent paused (a report pauses
        # the collector for its records): the child's memory is capped, and a
        # template's own cycles must not run into the cap (found by a review).
        gc.enable()
        try:
            reply = _TEXT + work().encode("utf-8", "surrogatepass")
        except BelongingError as exc:
            reply = _ERROR + exc.message.encode("utf-8", "replace")
        except MemoryError:
            reply = _ERROR + memory_message(where).encode()
        except Exception as exc:  # a bug the template reached: still the template's line
            reply = _ERROR + f"{where}: {type(exc).__name__}: {exc}".encode("utf-8", "replace")
        view = memoryview(reply)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:  # interrupted, or out of memory even for the message
        code = 1
    finally:
        os._exit(code)


def memory_message(where: str) -> str:
    return f"{where}: the template needs more memory than a report may use ({MEMORY >> 20} MB)"


def _limit_memory(resource: ModuleType) -> None:  # pragma: no cover - runs in the child
    try:
        statm = Path("/proc/self/statm").read_text(encoding="ascii")
        used = int(statm.split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    limit = used + MEMORY
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    # A platform without it (macOS) keeps the sandbox's own limits only.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None when the deadline passes first."""
    parts: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have just ended
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number in (signal.SIGKILL, signal.SIGSEGV):
            return f"signal {number}: out of memory or stack"
        return f"signal {number}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
