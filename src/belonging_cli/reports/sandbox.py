"""The sandbox for users' report templates: no Python internals, and bounded work.

Jinja's `SandboxedEnvironment` refuses underscored and unsafe attributes and caps
`range()` at 100,000 items. It does not bound what `*`, `**`, `%`, string padding or
format widths make (`{{ 'x' * 10**10 }}` asks for 10 GB), nor how long nested loops
run. These limits do: sizes asked for are checked before the work where they can be
(operators, widths), and every filter's, method's and operator's result after it
(`join`, `replace`, `indent`...), so a value over MAX_TEXT stops the template with its
line. What is built before any check can see it (`a ~ a` doubled in a loop) meets the
memory limit of the child process the template runs in (confined.py).

Imported only by `user_template` (it needs jinja2).
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_TEXT = 5_000_000  # characters (or items) that one value made by a template may hold
MAX_OUTPUT = 50_000_000  # characters a whole rendering may produce
MAX_BITS = 1_000_000  # size of a number a template may compute with `**`
MAX_SECONDS = 10.0

# A width or precision in a format string ("%1000000s", "{:>1000000}") pads to that size.
_HUGE_FORMAT_NUMBER = re.compile(r"\d{7,}")
_NESTED_FIELD = re.compile(r"\{[^{}]*:[^{}]*\{")


def _too_long(size: int) -> SecurityError:
    return SecurityError(
        f"the template asks for a text or list of {size:,} characters or items; "
        f"a template may make at most {MAX_TEXT:,}"
    )


def _check_format(text: object) -> None:
    if isinstance(text, str) and _HUGE_FORMAT_NUMBER.search(text):
        raise SecurityError("the template uses a format width of a million or more")


def _check_sizes(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Widths and counts given to string methods and filters (center, ljust, zfill...)."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_TEXT:
            raise _too_long(value)


class LimitedSandbox(SandboxedEnvironment):
    """A sandbox whose operators, string methods and filters cannot make huge values."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        for name, function in self.filters.items():
            self.filters[name] = _checked(function, widths=name in _WIDTH_FILTERS, name=name)

    def getitem(self, obj: Any, argument: Any) -> Any:
        # `dict['x']` is `dict.__class_getitem__('x')`: a typing alias, whose attributes
        # lead back to classes. A report's data never needs to subscript a class.
        if isinstance(obj, type):
            return self.unsafe_undefined(obj, str(argument))
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "+":
            if isinstance(left, _SIZED) and isinstance(right, _SIZED):
                check_size(len(left) + len(right))
        elif operator == "*":
            for seq, count in ((left, right), (right, left)):
                sized = isinstance(seq, (str, list, tuple)) and isinstance(count, int)
                if sized and len(seq) * count > MAX_TEXT:
                    raise _too_long(len(seq) * count)
        elif operator == "**":
            whole = isinstance(left, int) and isinstance(right, int) and right > 0
            if whole and max(left.bit_length(), 1) * right > MAX_BITS:
                raise SecurityError("the template computes a number too large to show")
        elif operator == "%":
            _check_format(left)
            if isinstance(left, str) and "*" in left:  # "%*s": a width is one of the values
                _check_sizes(right if isinstance(right, tuple) else (right,), {})
        return check_result(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # Jinja hands out str.format wrapped (functools.wraps keeps the method in __wrapped__).
        method = getattr(__obj, "__wrapped__", __obj)
        text = getattr(method, "__self__", None)
        if isinstance(text, str):
            if getattr(method, "__name__", "") not in ("format", "format_map"):
                _check_sizes(args, kwargs)  # center, ljust, zfill, expandtabs...
            else:
                _check_format(text)
                if _NESTED_FIELD.search(text):  # "{:{}}": a width is one of the arguments
                    _check_sizes(args, kwargs)
                    for value in (*args, *kwargs.values()):
                        _check_format(value)
        return check_result(super().call(__context, __obj, *args, **kwargs))


_SIZED = (str, list, tuple, dict)
# Filters whose numbers are widths or counts, checked before they pad or repeat.
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate"})


def check_size(size: int) -> None:
    if size > MAX_TEXT:
        raise _too_long(size)


def check_result(value: Any) -> Any:
    """A value a template made, refused when it holds more than MAX_TEXT."""
    if isinstance(value, _SIZED):
        check_size(len(value))
    return value


def _checked(function: Callable[..., Any], *, widths: bool, name: str) -> Callable[..., Any]:
    # Jinja passes the context, eval context or environment first to some filters.
    passed = 1 if hasattr(function, "jinja_pass_arg") else 0

    def checked(*args: Any, **kwargs: Any) -> Any:
        if widths:
            _check_sizes(args[passed + 1 :], kwargs)  # center(w), indent(w), wordwrap(w)...
        elif name == "format" and len(args) > passed:
            text = args[passed]
            _check_format(text)
            if isinstance(text, str) and "*" in text:  # "%*s": a width among the values
                _check_sizes(args[passed + 1 :], kwargs)
        return check_result(function(*args, **kwargs))

    for attr in ("jinja_pass_arg",):  # keep how Jinja passes the context or environment
        if hasattr(function, attr):
            setattr(checked, attr, getattr(function, attr))
    return checked


def render_limited(chunks: Iterator[str]) -> str:
    """Join a template's output, stopping at MAX_OUTPUT characters or MAX_SECONDS."""
    out: list[str] = []
    size = 0
    with _time_limit(MAX_SECONDS):
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise SecurityError(
                    f"the template's output passed {MAX_OUTPUT:,} characters; stopped there"
                )
            out.append(chunk)
    return "".join(out)


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a template that runs too long (a loop inside a loop over big ranges)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:  # pragma: no cover - Windows, or rendering off the main thread
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SecurityError(f"the template ran for over {seconds:.0f} s; stopped it")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
