"""A command at a real terminal, recorded as a person sees it (pexpect + a pyte screen).

    with seen_at_terminal(home, ["status"], size=(24, 60)) as term:
        term.expect("Passphrase")
        term.type("correct horse battery")
    term.status, term.lines()

Everything the program draws is fed to an emulated screen of that size, so `lines()`
is what scrolled by and what is shown, wrapped where the terminal wraps it, and
hidden input (a passphrase) shows there only if the program echoed it; `said()` is
the program's lines as written, before the terminal wraps them. The child's
environment is this run's, with `env` over it: a name given as "" is removed.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from unittest import mock

import pexpect
import pyte

from support.terminal import spawn_cli


class SeenTerminal:
    def __init__(self, child: Any, rows: int, columns: int) -> None:
        self.child = child
        self.screen = pyte.HistoryScreen(columns, rows, history=2000)
        self._stream = pyte.Stream(self.screen)
        self.status: int | None = None
        self.raw = ""
        child.logfile_read = self  # pexpect hands every str it reads to write()

    def write(self, text: str) -> None:
        self.raw += text
        self._stream.feed(text)

    def flush(self) -> None:
        pass

    def expect(self, pattern: str) -> None:
        self.child.expect(pattern)

    def type(self, text: str) -> None:
        """Type `text` and Enter, as a person at the prompt already shown."""
        self.child.sendline(text)

    def interrupt(self) -> None:
        self.child.sendintr()  # Ctrl-C as the terminal sends it: SIGINT to the program

    def end_of_input(self) -> None:
        self.child.sendeof()  # Ctrl-D at an empty line

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        assert self.child.signalstatus is None, "killed by a signal"
        self.status = int(self.child.exitstatus)
        return self.status

    def lines(self) -> list[str]:
        """Every row that scrolled by and every row on the screen, trailing spaces cut."""
        top = [
            "".join(ch.data for _, ch in sorted(row.items())).rstrip()
            for row in self.screen.history.top
        ]
        shown = [line.rstrip() for line in self.screen.display]
        while shown and not shown[-1]:
            shown.pop()
        return [*top, *shown]

    def text(self) -> str:
        return "\n".join(self.lines())

    def said(self) -> list[str]:
        """The lines the program wrote, whole (as a terminal shows them before wrapping)."""
        return self.raw.replace("\r\n", "\n").split("\n")

    def rows_with(self, pattern: str) -> list[str]:
        return [line for line in self.lines() if re.search(pattern, line)]


@contextlib.contextmanager
def seen_at_terminal(
    home: Path,
    args: list[str],
    *,
    size: tuple[int, int] = (24, 80),
    env: Mapping[str, str] = {},
) -> Iterator[SeenTerminal]:
    """`belonging ARGS` at a terminal of `size` (rows, columns); waits for its end."""
    rows, columns = size
    environ = {**os.environ, **env}
    environ = {name: value for name, value in environ.items() if value}
    with mock.patch.dict(os.environ, environ, clear=True):
        child = spawn_cli(home, *args, dimensions=(rows, columns))
    term = SeenTerminal(child, rows, columns)
    try:
        yield term
        term.finish()
    finally:
        if child.isalive():
            child.terminate(force=True)
