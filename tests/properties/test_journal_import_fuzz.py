"""Property tests for `journal import`: any input gives records or located problems, never a crash,
and a refused file writes nothing."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import BelongingError, ContentError
from belonging_cli.journal.exchange import export_json, parse_export
from belonging_cli.journal.store import open_journal
from belonging_cli.synthetic import generate
from support import json_places

EXPORT = export_json(generate(load_rubric(), weeks=2, end=dt.date(2026, 11, 27)))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(text: str) -> None:
    try:
        parse_export(text, "import.json")
    except ContentError as error:
        assert error.problems
        assert all(p.path == "import.json" and p.line >= 1 for p in error.problems)


@FAST
@given(json_values)
def test_any_json_value_is_refused_cleanly(value: Any) -> None:
    _parse(json.dumps(value))


@FAST
@given(st.text(max_size=200))
def test_any_text_is_refused_cleanly(text: str) -> None:
    _parse(text)


DOCUMENT = json.loads(EXPORT)
PLACES = [p for p in json_places.places(DOCUMENT) if p]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PLACES), json_values)
def test_a_damaged_export_imports_whole_or_not_at_all(place: tuple[Any, ...], value: Any) -> None:
    document = json_places.changed(DOCUMENT, place, value)
    with tempfile.TemporaryDirectory() as folder:
        journal_path = Path(folder) / "journal.db"
        with open_journal(journal_path):
            pass
        before = journal_path.read_bytes()
        try:
            data = parse_export(json.dumps(document, indent=2), "import.json")
        except ContentError:
            assert journal_path.read_bytes() == before
            return
        with open_journal(journal_path) as journal:
            try:
                journal.import_data(data)
            except BelongingError:
                changed = False
            else:
                changed = True
        if not changed:
            assert journal_path.read_bytes() == before
