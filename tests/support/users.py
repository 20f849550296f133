"""Run things as a second, ordinary user (`nobody`), for tests of permissions and trust.

Tests run as root here, and root reads and writes through any file mode: a
permission test that only simulates EACCES proves little. These helpers run a
real command as `nobody` instead.

    from support.users import belonging, needs_other_user, run_as_nobody, shared_folder

    @needs_other_user
    def test_x() -> None:
        with shared_folder(0o755) as folder:          # under /tmp, reachable by nobody
            ...                                       # (pytest's tmp_path is 0700: it is not)
            done = run_as_nobody(belonging("journal", "list"), env={"BELONGING_HOME": ...})
            assert done.returncode == 0, done.stderr

API: `NOBODY` (uid and gid), `why_no_other_user()` / `needs_other_user` (skip with the
reason), `shared_folder(mode)`, `give_to_nobody(*paths)`, `run_as_nobody(command, env=)`,
`belonging(*args)` (the command line of this checkout's CLI).
"""

from __future__ import annotations

import contextlib
import functools
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import pytest


def _nobody() -> int:
    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        return 65534


NOBODY = _nobody()

# What every command run as nobody gets, besides the env given: no bytecode written
# into the checkout (nobody cannot), a pinned terminal and zone as in conftest.
_BASE_ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    "LANG": "C.UTF-8",
    "HOME": "/nonexistent",
    "TZ": "UTC",
    "NO_COLOR": "1",
    "COLUMNS": "100",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def _switch(command: Sequence[str]) -> list[str]:
    """`command` prefixed by the tool that drops root for nobody."""
    if shutil.which("setpriv"):
        ids = [f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        return ["setpriv", *ids, "--", *command]
    return ["runuser", "-u", pwd.getpwuid(NOBODY).pw_name, "--", *command]


@functools.lru_cache(maxsize=1)
def why_no_other_user() -> str | None:
    """Why tests cannot run a command as nobody here (None: they can)."""
    if sys.platform != "linux":
        return "switching users is done with Linux tools (setpriv, runuser)"
    if os.geteuid() != 0:
        return "only root can run a command as another user"
    if not (shutil.which("setpriv") or shutil.which("runuser")):
        return "neither setpriv nor runuser is installed"
    try:
        pwd.getpwuid(NOBODY)
    except KeyError:
        return f"no user {NOBODY} (nobody) on this machine"
    probe = subprocess.run(
        _switch([sys.executable, "-c", "import belonging_cli"]),
        env=_BASE_ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if probe.returncode != 0:
        return f"nobody cannot run {sys.executable}: {probe.stderr.strip()[-200:]}"
    return None


# Probed when a test module imports this: one short subprocess.
needs_other_user = pytest.mark.skipif(
    why_no_other_user() is not None, reason=why_no_other_user() or "a second user is available"
)


@contextlib.contextmanager
def shared_folder(mode: int = 0o755) -> Iterator[Path]:
    """A fresh folder under /tmp with `mode` (0o1777: a shared sticky one), removed after.

    Owned by root; /tmp is reachable by everyone, unlike pytest's tmp_path (0700).
    """
    folder = Path(tempfile.mkdtemp(prefix="belonging-shared-", dir="/tmp"))
    try:
        folder.chmod(mode)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def give_to_nobody(*paths: Path) -> None:
    """Make `paths` nobody's (the links themselves, not what they point to)."""
    for path in paths:
        os.lchown(path, NOBODY, NOBODY)


def run_as_nobody(
    command: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
    stdout: IO[Any] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `command` as nobody with a minimal environment plus `env`; text output.

    stdout and stderr are captured, unless `stdout` (an open file) is given.
    """
    return subprocess.run(
        _switch(command),
        env={**_BASE_ENV, **(env or {})},
        cwd=cwd or "/",
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout,
    )


def belonging(*args: str) -> list[str]:
    """The command line that runs this checkout's `belonging` with `args`."""
    return [sys.executable, "-m", "belonging_cli", *args]
