"""Properties of a user template's helpers: whatever names and objects a template hands
them (dunder and private names, Jinja's own objects), the project's filters and globals,
and Jinja's filters that take an attribute name, never hand back a Python object."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jinja2 import Undefined
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from belonging_cli.reports import user_template
from belonging_cli.reports.model import Report


def _plain(value: Any, depth: int = 0) -> bool:
    """Text, numbers, None, and dicts and lists of them: what a report's data is made of."""
    if isinstance(value, (str, int, float, type(None))):
        return True
    if depth > 50:
        return True  # a list that holds itself: its items were looked at already
    if type(value) in (list, tuple):
        return all(_plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False


def _environment(html: bool) -> Any:
    return user_template.environment(Path("/nonexistent/mine.md"), html=html)


def _project(table: str) -> list[str]:
    """The names the project adds to a sandbox: its own filters or globals."""
    added = set(getattr(_environment(True), table)) - set(getattr(SandboxedEnvironment(), table))
    assert added, table
    return sorted(added)


DUNDERS = [
    "__class__", "__base__", "__bases__", "__mro__", "__subclasses__", "__init__",
    "__globals__", "__builtins__", "__dict__", "__self__", "__func__", "__wrapped__",
    "__code__", "__closure__", "__module__", "__getattribute__", "__reduce__",
    "_TemplateReference__context", "_module", "_private", "mro", "gi_frame", "f_globals",
]  # fmt: skip
NAMES = st.sampled_from(DUNDERS) | st.text(max_size=8).map(lambda s: "_" + s)
_env = _environment(False)
OBJECTS = st.sampled_from(
    [
        _env.globals["cycler"],
        _env.globals["cycler"]("a", "b"),
        _env.globals["namespace"](a=1),
        _env.globals["joiner"](),
        _env.globals["lipsum"],
        _env.globals["dict"],
        _env.filters["md"],
        str.join,
        "x".join,
        object(),
        type,
        pytest,
        Report,
        lambda: 1,
    ]
)
PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)
RECORDS = st.lists(st.dictionaries(NAMES | st.text(), PLAIN | OBJECTS, max_size=3), max_size=3)
ARGS = st.lists(NAMES | OBJECTS | PLAIN | RECORDS | st.lists(OBJECTS, max_size=2), max_size=3)


def _call(function: Callable[..., Any], args: list[Any]) -> Any:
    try:
        return function(*args)
    except Exception:  # refused or unusable: the template stops with its line
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(_project("filters")), args=ARGS)
def test_no_project_filter_returns_a_python_object(name: str, args: list[Any]) -> None:
    result = _call(_environment(True).filters[name], args)
    assert _plain(result), (name, args, result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(_project("globals")), args=ARGS)
def test_no_project_global_returns_a_python_object(name: str, args: list[Any]) -> None:
    result = _call(_environment(False).globals[name], args)
    assert _plain(result), (name, args, result)


# Jinja's own filters that take an attribute name go through the sandbox's rules.
ATTRIBUTE_TEMPLATES = [
    "{{ probe(items | map(attribute=name) | list) }}",
    "{{ probe(items | sort(attribute=name)) }}",
    "{{ probe(items | groupby(name) | list) }}",
    "{{ probe(items | selectattr(name) | list) }}",
    "{{ probe(items | rejectattr(name) | list) }}",
    "{{ probe(items | sum(attribute=name)) }}",
    "{{ probe(items | unique(attribute=name) | list) }}",
    "{{ probe(items | min(attribute=name)) }}",
    "{{ probe(items | max(attribute=name)) }}",
    "{{ probe(items | map('attr', name) | list) }}",
    "{{ probe(items | group_by(name)) }}",
]


def _harmless(value: Any, depth: int = 0) -> bool:
    """Plain, or Jinja's Undefined: it raises SecurityError as soon as it is used."""
    if isinstance(value, Undefined) or _plain(value):
        return True
    if depth < 20 and isinstance(value, (list, tuple)):
        return all(_harmless(v, depth + 1) for v in value)
    return False


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.sampled_from(ATTRIBUTE_TEMPLATES),
    name=NAMES | st.builds(lambda a, b: f"{a}.{b}", NAMES, NAMES),
    objects=st.lists(OBJECTS, max_size=2),
)
def test_jinja_filters_with_an_attribute_name_reach_nothing(
    body: str, name: str, objects: list[Any]
) -> None:
    seen: list[Any] = []
    env = _environment(False)

    def probe(value: Any) -> str:
        seen.append(value)
        return ""

    env.globals["probe"] = probe
    template = env.from_string(
        "{% set items = ['x', 1, [1], {'k': 'v'}, cycler, namespace(), joiner()] + objects %}"
        + body
    )
    with contextlib.suppress(SecurityError, UndefinedError, TypeError, ValueError, LookupError):
        template.render(name=name, objects=objects)
    assert all(_harmless(value) for value in seen), (body, name, seen)


def test_group_by_groups_plain_records() -> None:
    group_by = _environment(False).filters["group_by"]
    rows = [{"week": "a", "n": 1}, {"week": "b", "n": 2}, {"week": "a", "n": 3}]
    assert group_by(rows, "week") == {"a": [rows[0], rows[2]], "b": [rows[1]]}
