"""The errors users see: each carries a message they can act on and an exit code.

Everything the tool refuses to do is raised as a `BelongingError`; `main` turns
it into one line on stderr (or the list of problems for content errors) and the
exit code. Anything else is a bug and only shows a traceback with `--debug`.
"""

from __future__ import annotations

from typing import NamedTuple

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class BelongingError(Exception):
    """A problem the user can fix: bad input, a missing file, a refused action."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def lines(self) -> list[str]:
        """What to print on stderr, one entry per line."""
        text = self.message if not self.hint else f"{self.message} ({self.hint})"
        return [text]


class UsageProblem(BelongingError):
    """The command line itself is wrong (exit 2), found after parsing."""

    exit_code = EXIT_USAGE


class Interrupted(BelongingError):
    """The user pressed Ctrl-C or closed the prompt; what was answered is kept."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self, message: str = "interrupted") -> None:
        super().__init__(message)


class Problem(NamedTuple):
    """One thing wrong with a file, at a place a user can jump to.

    A NamedTuple, not a dataclass: this module is imported by every command, and a
    frozen dataclass costs ~1.5 ms to create (benchmarks/startup.py).
    """

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class ContentError(BelongingError):
    """A YAML/JSON file a user or coach wrote has problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class JournalError(BelongingError):
    """The journal file cannot be used as asked (not a journal, too new, locked...)."""
