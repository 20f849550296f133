"""Property tests of `journal import`'s quick path (journal/import_check.py, import_rows.py).

Whatever the file, `journal import` ends as the models' path (read_export, then records
into rows) ends: the same problems at the same places, or the same rows stored and the
same counts. The quick check only ever says "surely valid" or "not sure", so a file it
wrongly accepted would show here as rows the models refuse or store differently.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import ContentError
from belonging_cli.journal.exchange import export_json, read_export
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support.json_places import changed, places

CORPUS = json.loads(
    (Path(__file__).parents[1] / "hostile" / "journal_import" / "values.json").read_text(
        encoding="utf-8"
    )
)
DOCUMENT = json.loads(export_json(generate(load_rubric(), weeks=2, end=dt.date(2026, 11, 27))))
TABLES = ("sessions", "session_tags", "answers", "ratings", "experiments", "assignments")


PLACES = [p for p in places(DOCUMENT) if p]
TIME_PLACES = [p for p in PLACES if isinstance(p[-1], str) and p[-1].endswith("_at")]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
hostile = st.sampled_from(
    [*CORPUS["times"], *CORPUS["names"], *CORPUS["ids"], *CORPUS["weeks"], *CORPUS["numbers"]]
)
long_texts = st.sampled_from(["x" * 200, "x" * 201, "y" * 100_000, "y" * 100_001])
values = json_values | hostile | long_texts


def _offsets() -> st.SearchStrategy[dt.timezone]:
    return st.integers(-1439, 1439).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))


# Times as Python writes them, and as someone else might (Z, a fraction, no offset).
times = st.builds(
    lambda moment, offset, form: form(moment.replace(tzinfo=offset)),
    st.datetimes(min_value=dt.datetime(1969, 12, 30), max_value=dt.datetime(2101, 1, 2)),
    _offsets(),
    st.sampled_from(
        [
            dt.datetime.isoformat,
            lambda t: t.isoformat(timespec="microseconds"),
            lambda t: t.isoformat(timespec="minutes"),
            lambda t: t.isoformat().replace("+00:00", "Z"),
            lambda t: t.replace(tzinfo=None).isoformat(),
            lambda t: t.isoformat(sep=" "),
        ]
    ),
) | st.sampled_from(CORPUS["times"])


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in TABLES}
    finally:
        conn.close()


def _outcome(export: Path, folder: Path, quick: bool) -> tuple[Any, ...]:
    """What importing `export` into a new journal ends as: its problems, or the counts
    and every row stored. `quick`: as `journal import` does; else by the records."""
    path = folder / ("quick.db" if quick else "models.db")
    with open_journal(path) as journal:
        try:
            if quick:
                counts = journal.import_file(export)
            else:
                counts = journal.import_data(read_export(export, journal.known_ids()))
        except ContentError as error:
            return ("refused", error.lines())
    return ("stored", counts, _rows(path))


def _same_either_way(document: Any) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        export = folder / "import.json"
        export.write_text(json.dumps(document, indent=2), encoding="utf-8")
        assert _outcome(export, folder, quick=True) == _outcome(export, folder, quick=False)


def _damaged(place: tuple[Any, ...], value: Any) -> Any:
    return changed(DOCUMENT, place, value)


SETTINGS = settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.sampled_from(PLACES), values)
def test_a_damaged_export_ends_as_the_models_end_it(place: tuple[Any, ...], value: Any) -> None:
    _same_either_way(_damaged(place, value))


@SETTINGS
@given(st.sampled_from(TIME_PLACES), times)
def test_a_time_is_stored_as_the_models_store_it_or_refused_as_they_refuse_it(
    place: tuple[Any, ...], value: str
) -> None:
    _same_either_way(_damaged(place, value))


@SETTINGS
@given(st.sampled_from(PLACES))
def test_an_export_missing_a_key_ends_as_the_models_end_it(place: tuple[Any, ...]) -> None:
    """Older exports lack keys added since (an answer's role, a note's own privacy)."""
    document = copy.deepcopy(DOCUMENT)
    target = document
    for part in place[:-1]:
        target = target[part]
    if isinstance(target, dict):
        del target[place[-1]]
    _same_either_way(document)


# Places of each kind of value, in a session, its children and an experiment.
KINDS_OF_PLACE: dict[str, list[tuple[Any, ...]]] = {
    "times": [
        ("sessions", 0, "started_at"),
        ("sessions", 1, "completed_at"),
        ("sessions", 0, "answers", 1, "answered_at"),
        ("sessions", 0, "ratings", 2, "rated_at"),
        ("experiments", 0, "reviewed_at"),
    ],
    "names": [
        ("sessions", 0, "flow_id"),
        ("sessions", 0, "answers", 0, "step_id"),
        ("sessions", 0, "ratings", 0, "behaviour_id"),
        ("sessions", 0, "tags", 0),
    ],
    "ids": [("sessions", 0, "id"), ("experiments", 0, "created_session_id")],
    "weeks": [("sessions", 0, "week"), ("experiments", 1, "week")],
    "numbers": [
        ("sessions", 0, "ratings", 0, "level"),
        ("sessions", 0, "answers", 0, "value"),
        ("experiments", 0, "minutes"),
        ("sessions", 0, "answers", 0, "private"),
    ],
}


@pytest.mark.parametrize(
    ("kind", "place"),
    [(kind, place) for kind, where in KINDS_OF_PLACE.items() for place in where],
    ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else v,
)
def test_every_hostile_value_ends_as_the_models_end_it(kind: str, place: tuple[Any, ...]) -> None:
    document = copy.deepcopy(DOCUMENT)
    if place[-2:] == ("tags", 0):
        document["sessions"][0]["tags"] = ["a tag"]
    for value in CORPUS[kind]:
        _same_either_way(changed(document, place, value))
