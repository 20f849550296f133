"""The report as plain data: the JSON bundle of docs/report-json.md.

The same dicts and lists feed the JSON format and every template (built-in or
the user's own), so a template can never reach a Python object or a method.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from belonging_cli.reports.model import Report
from belonging_cli.safe_text import strip_controls

FORMAT = "belonging-report"
FORMAT_VERSION = 1
# Within a format version fields are only added; each addition bumps the minor
# version, so a reader can tell which fields to expect (docs/report-json.md).
# 1: experiments counted as answered (`state`, `skipped`, `total`), a rating's
# `previous` and `trend`, the balance's `trend`. 2: `prep`, the answers for the next
# coaching session (sections/prep.py). 3: a dropped exercise's `reason`. 4: `feedback`,
# the latest feedback round beside the person's own ratings (sections/feedback.py).
# 5: `goals`, each goal and where the person stands on it (sections/goals.py).
# 6: `evidence`, calendar and meeting figures beside the ratings, and the top's
# `evidence` (sections/evidence.py).
# 7: the balance's `levers`, the 2.0 weekly's levers week by week.
# 8: the experiments' `open_now` and `open_total`, every open experiment as `status`
# counts them; feedback's `look_fors_even`, and its groups' always-0 `mean` left out.
# 9: the long lists (`focus_reflections`, `experiments.items`, `writing.takeaways`)
# hold their latest 150 entries and `listed` counts them all; `experiment_links` and
# `writing.people` speak of the entries held.
FORMAT_MINOR = 9


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data, keys in the documented order."""
    data: dict[str, Any] = _head()
    body = plain(report)
    assert isinstance(body, dict)
    if body["exercises"] is None:
        del body["exercises"]  # documented as absent (not empty) without exercises
    data.update(body)
    return data


def _head() -> dict[str, Any]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "format_minor": FORMAT_MINOR}


def plain(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, dates to ISO 8601 text; text without
    control characters (but tab and line feed): every report's JSON and every bundle
    passes here, so what a person typed never reaches a coach's roll-up (which refuses
    them: issue 11) or a terminal with a control character in it."""
    kind = type(value)
    if kind is str:
        return _without_controls(value)
    if kind in _SCALARS:
        return value
    names = _FIELDS.get(kind)
    if names is None:
        if is_dataclass(value) and not isinstance(value, type):
            names = _FIELDS[kind] = tuple(f.name for f in fields(value))
        elif isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        elif isinstance(value, dt.date):  # datetimes too
            return value.isoformat()
        else:
            return value
    return {name: plain(getattr(value, name)) for name in names}


_SCALARS = frozenset({str, int, float, bool, type(None)})
# A report holds thousands of small records of a dozen types: look their fields up once.
_FIELDS: dict[type, tuple[str, ...]] = {}


def render_json(report: Report) -> str:
    """The bundle as compact JSON text (see `json_chunks`)."""
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """The bundle as compact JSON, in pieces to write one after another.

    Written piece by piece (each top-level part, and each entry of its long
    lists), a 10,000-session bundle never exists as one string, nor as a
    second copy of the report in dicts: records become dicts only as the
    encoder reaches them (`default`). Compact, because with `indent` the json
    module falls back to its pure-Python encoder, 4x slower on a 10-year
    report (`python -m json.tool` pretty-prints it).
    """
    head = _head()
    head.update(_shallow(report))
    if report.exercises is None:
        del head["exercises"]
    yield "{"
    for n, (key, value) in enumerate(head.items()):
        yield ("," if n else "") + _dumps(key) + ":"
        yield from _pieces(value, nested=True)
    yield "}\n"


def _pieces(value: Any, *, nested: bool) -> Iterator[str]:
    """A long list in batches of entries; a section's parts one by one; else at once."""
    if isinstance(value, tuple) and len(value) > _BATCH:
        yield "["
        for start in range(0, len(value), _BATCH):
            # A tuple encodes as a list: strip its brackets to join the batches.
            yield ("," if start else "") + _dumps(value[start : start + _BATCH])[1:-1]
        yield "]"
    elif nested and is_dataclass(value) and not isinstance(value, type):
        yield "{"
        for n, (key, item) in enumerate(_shallow(value).items()):
            yield ("," if n else "") + _dumps(key) + ":"
            yield from _pieces(item, nested=False)
        yield "}"
    else:
        yield _dumps(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_shallow)


_BATCH = 256  # entries of a long list encoded in one go


def _shallow(value: Any) -> Any:
    """One record as a dict of its fields (the encoder comes back for nested ones).

    A report of years holds ~10^5 records: their fields are read in one call, and a
    number, a flag or an empty field is taken as it is, not passed to the text check."""
    kind = type(value)
    found = _GETTERS.get(kind)
    if found is None:
        if isinstance(value, dt.date):
            return value.isoformat()
        if not is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"cannot put {kind.__name__} in a report bundle")
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
        found = _GETTERS[kind] = (names, _values_of(names))
    names, values_of = found
    return {
        name: item if type(item) in _AS_THEY_ARE else _without_controls(item)
        for name, item in zip(names, values_of(value))  # noqa: B905 (as many by making)
    }


def _values_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A record's fields, in one call (a one-field record's too, as a tuple)."""
    if len(names) == 1:
        only = names[0]
        return lambda record: (getattr(record, only),)
    return operator.attrgetter(*names) if names else lambda record: ()


_AS_THEY_ARE = frozenset({int, float, bool, type(None)})
_GETTERS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _without_controls(value: Any) -> Any:
    """A field's text without control characters (tab and line feed kept), in lists and
    maps too; records are left for the encoder to bring back to `_shallow`."""
    kind = type(value)
    if kind is str:
        return strip_controls(value)
    if kind is tuple or kind is list:
        return [_without_controls(item) for item in value]
    if kind is dict:
        return {key: _without_controls(item) for key, item in value.items()}
    return value
