"""The single entry point: run the CLI and turn every outcome into an exit code.

0 ok, 1 a user-facing error, 2 bad usage, 130 interrupted. Tracebacks appear
only with `--debug`. `--version` is answered before importing anything heavy.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from belonging_cli import __version__

TYPE_CHECKING = False  # as typing's, without importing typing (~5 ms of `--version`)
if TYPE_CHECKING:
    from belonging_cli.errors import BelongingError


def _wants_debug(args: Sequence[str]) -> bool:
    head = list(args[: args.index("--")]) if "--" in args else list(args)
    return "--debug" in head


def report_error(error: BelongingError) -> None:
    """One line for a plain error; `file:line:col: ...` lines for content problems."""
    from belonging_cli.errors import ContentError, Interrupted
    from belonging_cli.safe_text import strip_controls  # messages quote other people's files

    if isinstance(error, ContentError):
        for line in error.lines():
            print(strip_controls(line), file=sys.stderr)
        return
    # An interruption is the user's choice, not an error.
    prefix = "belonging: " if isinstance(error, Interrupted) else "belonging: error: "
    for line in error.lines():
        print(prefix + strip_controls(line), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["--version"], ["-V"]):
        # Before importing errors.py: its dataclasses import (inspect, ast...) would
        # double the time of `--version` (~25 ms of ~50).
        print(f"belonging {__version__}")
        return 0
    from belonging_cli.errors import (
        EXIT_ERROR,
        EXIT_INTERRUPTED,
        EXIT_OK,
        BelongingError,
        UsageProblem,
    )

    debug = _wants_debug(args)
    stdout = sys.stdout
    try:
        import click

        from belonging_cli.cli.app import app

        try:
            result = app.main(args=args, prog_name="belonging", standalone_mode=False)
        except click.exceptions.Abort:
            print("\nbelonging: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()  # `belonging journal`: the group's help, as asked
            return exc.exit_code
        except click.UsageError as exc:
            # One line, as every other mistake (not click's usage block).
            where = exc.ctx.command_path if exc.ctx is not None else "belonging"
            message = exc.format_message().rstrip(".")
            print(
                f"belonging: error: {message} (`{where} --help` lists what it takes)",
                file=sys.stderr,
            )
            return exc.exit_code
        except click.ClickException as exc:
            exc.show()
            return exc.exit_code
        return result if isinstance(result, int) else EXIT_OK
    except SystemExit as exc:
        if sys.stdout is not stdout:
            # `belonging progress | head`: the reader left, which is no error. Click
            # exits 1 on a broken pipe, having put a quiet wrapper over stdout (the only
            # time it replaces stdout), so the exit does not complain either.
            return EXIT_OK
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_ERROR)
    except BelongingError as exc:
        if debug and not isinstance(exc, UsageProblem):  # a usage mistake needs no traceback
            raise
        report_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("\nbelonging: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `belonging report | head`: the reader left; nothing to say.
        return EXIT_OK
    except Exception as exc:
        return _bug(exc, debug)


def _bug(exc: Exception, debug: bool) -> int:
    """Anything that is not a user's mistake is a bug: one line, or the traceback."""
    from belonging_cli.errors import EXIT_ERROR

    if debug:
        raise exc
    print(
        f"belonging: unexpected error: {type(exc).__name__}: {exc} "
        "(run again with --debug for the traceback, and please report it)",
        file=sys.stderr,
    )
    return EXIT_ERROR
