"""A user's own report template (`--template FILE`): sandboxed, confined, plain data only.

Three walls, each for what the others cannot see:
- the sandbox (sandbox.py) refuses Python internals and values over its size limits;
- every project filter and global takes and returns plain data only (`plain_only`),
  so none of them can hand the template a Python object Jinja's sandbox never saw;
- the rendering runs in a child process with a memory and a time limit (confined.py).
The template may include, import or extend only templates in its own folder (`Beside`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, ItemsView, Iterator, KeysView, ValuesView
from pathlib import Path
from typing import TYPE_CHECKING, Any

from belonging_cli.errors import BelongingError
from belonging_cli.reports import confined
from belonging_cli.reports.model import Report

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

HTML_SUFFIXES = (".html", ".htm")
# What a template may include, import or extend besides itself (README, "Your own template").
PARTIAL_SUFFIXES = (".j2", ".jinja", ".jinja2")
_PLAIN_SCALARS = (str, int, float, bool, type(None))  # str covers Markup


def render(report: Report, path: Path) -> str:
    """The template's text, or a BelongingError naming the template (and its line)."""
    from belonging_cli.reports import sandbox

    if not path.is_file():
        raise BelongingError(f"template not found: {path}")
    work = functools.partial(_render_here, report, path)
    return confined.run(work, seconds=sandbox.MAX_SECONDS, where=str(path))


def _render_here(report: Report, path: Path) -> str:
    from jinja2 import TemplateError, TemplateSyntaxError

    from belonging_cli.reports.data import report_data
    from belonging_cli.reports.model import SHOWN
    from belonging_cli.reports.render import chart_texts
    from belonging_cli.reports.sandbox import render_limited

    html = any(s.lower() in HTML_SUFFIXES for s in path.suffixes)
    env = environment(path, html=html)
    # Only plain data reaches a user's template: dicts, lists, text and numbers.
    context = {
        "report": report_data(report),
        "charts": chart_texts(report, html=html),
        "limit": SHOWN,
    }
    try:
        return render_limited(env.get_template(path.name).generate(context))
    except MemoryError as exc:
        raise BelongingError(confined.memory_message(_where(exc, path))) from None
    except RecursionError as exc:
        where = _where(exc, path)
        raise BelongingError(
            f"{where}: the template calls itself too deeply (a macro, include or "
            "recursive loop that never stops)"
        ) from None
    except TemplateSyntaxError as exc:
        raise BelongingError(f"{path}:{exc.lineno}: {exc.message}") from None
    except UnicodeDecodeError:
        raise BelongingError(f"{path}: not a UTF-8 text file") from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        raise BelongingError(f"{_where(exc, path)}: {message}") from None


def environment(path: Path, *, html: bool) -> Environment:
    """The sandbox a user's template at `path` runs in, with the plain-only helpers."""
    from belonging_cli.reports.render import equip, template_options
    from belonging_cli.reports.sandbox import LimitedSandbox

    env = LimitedSandbox(loader=_beside_loader(path), **template_options(html=html))
    before = set(env.filters), set(env.globals)
    equip(env, html=html)
    for table, known in ((env.filters, before[0]), (env.globals, before[1])):
        for name in set(table) - known:
            table[name] = plain_only(table[name], name)  # type: ignore[arg-type]
    return env


def plain_only(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    """`function` refusing anything but plain data in and out (the report, text, numbers)."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        args = tuple(_require_plain(_listed(value), name) for value in args)
        kwargs = {key: _require_plain(_listed(value), name) for key, value in kwargs.items()}
        return _require_plain(function(*args, **kwargs), name)

    return guarded


def is_plain(value: Any) -> bool:
    """Only dicts, lists, tuples, text, numbers, booleans and None, all the way down."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _PLAIN_SCALARS):
            continue
        if type(item) not in (dict, list, tuple):
            return False
        if id(item) in seen:  # shared, or a list a template appended to itself
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            stack.extend(item)
    return True


def _listed(value: Any) -> Any:
    """What `map(...)`, `range(...)` or `d.values()` yield, as a list, to be looked at."""
    if isinstance(value, (Iterator, range, KeysView, ValuesView, ItemsView)):
        from belonging_cli.reports.sandbox import check_size

        items = []
        for item in value:
            items.append(item)
            check_size(len(items))
        return items
    return value


def _require_plain(value: Any, name: str) -> Any:
    from jinja2 import Undefined
    from jinja2.exceptions import SecurityError

    if isinstance(value, Undefined):
        str(value)  # StrictUndefined: the usual "'x' is undefined" message
    if not is_plain(value):
        raise SecurityError(
            f"{name} works on the report's data only, not on {type(value).__name__}"
        )
    return value


def _beside_loader(main: Path) -> BaseLoader:
    from jinja2 import BaseLoader, TemplateNotFound

    from belonging_cli.reports.sandbox import MAX_TEXT

    folder = main.parent.resolve()

    class Beside(BaseLoader):
        """The template itself, and partials in its own folder: no subfolder, no link out."""

        def get_source(
            self, environment: Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            if template == main.name:
                path = main
            else:
                path = (main.parent / template).resolve()
                if not (_partial_name(template) and path.parent == folder and path.is_file()):
                    raise TemplateNotFound(
                        template,
                        f"{template!r} is not a template beside this one (a template may "
                        f"include only {', '.join(PARTIAL_SUFFIXES)} files in its own folder)",
                    )
                if not _partial_name(path.name):  # a link to a file of another kind
                    raise TemplateNotFound(template, f"{template!r} links to {path.name!r}")
            with path.open("rb") as file:
                data = file.read(MAX_TEXT + 1)
            if len(data) > MAX_TEXT:
                raise TemplateNotFound(template, f"{template!r} is over {MAX_TEXT:,} bytes")
            return data.decode("utf-8"), str(main.parent / path.name), lambda: True

    return Beside()


def _partial_name(name: str) -> bool:
    plain_name = "/" not in name and "\\" not in name and not name.startswith(".")
    return plain_name and name.lower().endswith(PARTIAL_SUFFIXES)


def _where(exc: BaseException, path: Path) -> str:
    """`path:line` for the deepest frame of the template; Jinja's tracebacks carry its lines."""
    names = {str(path), str(path.parent / path.name)}
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in names:
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"{path}:{line}" if line else str(path)
