"""`journal import` of values that once poisoned the journal: each is refused with a
located problem and the journal untouched, or accepted with every command still working."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.cli import CliRunner
from support.encrypted import encrypt_in_place
from support.poison import (
    BAD_QUESTIONS,
    JSON_VALUES,
    assert_refused,
    journal_bytes,
    leaves,
    seed_document,
    still_works,
    with_raw_value,
)

SEED = seed_document()
TEXT_ANSWER = next(
    i for i, a in enumerate(SEED["sessions"][0]["answers"]) if isinstance(a["value"], str)
)

NUMBERS = [v for v in JSON_VALUES if v[0] in "-0123456789NI" and "-" not in v[1:]]
SURROGATES = [v for v in JSON_VALUES if "\\ud" in v]
DAYS = [v for v in JSON_VALUES if len(v) == 12 and v[5] == "-" and v[8] == "-"]
WEEKS = [v for v in JSON_VALUES if "-W" in v]
TIMES = [v for v in JSON_VALUES if "T" in v]


@pytest.fixture
def empty_journal(cli: CliRunner, tmp_path: Path, journal_kind: str) -> Path:
    """A home with an existing, empty journal: the file a refused import must not touch
    (plain, then encrypted)."""
    home = tmp_path / "poisoned"
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"format": "belonging-journal", "format_version": 1}))
    assert cli("--home", str(home), "journal", "import", str(empty)).code == 0
    if journal_kind == "encrypted":
        encrypt_in_place(home / "journal.db")
    return home


def _import(cli: CliRunner, home: Path, text: str) -> tuple[Any, Path]:
    path = home.parent / "import.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return cli("--home", str(home), "journal", "import", str(path)), path


def _refused_at(
    cli: CliRunner, home: Path, place: tuple[Any, ...], raw: str, *, line_exact: bool = True
) -> str:
    text, line = with_raw_value(SEED, place, raw)
    before = journal_bytes(home)
    result, path = _import(cli, home, text)
    assert_refused(result, path, before, home)
    if line_exact:
        assert f"{path}:{line}:" in result.err, (line, result.err)
    return str(result.err)


CASES = (
    [(("sessions", 0, "answers", TEXT_ANSWER, "value"), v) for v in NUMBERS + SURROGATES]
    + [(("sessions", 0, "tags"), f"[{v}]") for v in SURROGATES if not v.startswith("[")]
    + [(("experiments", 0, "title"), v) for v in SURROGATES if not v.startswith("[")]
    + [(("assignments", 0, field), v) for field in ("minutes", "times_done") for v in NUMBERS]
    + [(("assignments", 0, "cadence_weeks"), v) for v in NUMBERS if not v.startswith("-")]
    + [(("sessions", 0, "week"), v) for v in WEEKS]
    + [(("experiments", 0, "week"), v) for v in WEEKS]
    + [(("assignments", 0, "due"), v) for v in DAYS]
    + [(("sessions", 0, "started_at"), v) for v in TIMES]
    + [(("sessions", 0, "ratings", 0, "rated_at"), v) for v in TIMES]
    + [(("sessions", 0, "answers", 0, "answered_at"), v) for v in TIMES]
    + [(("experiments", 0, "created_at"), v) for v in TIMES]
    + [(("assignments", 0, "imported_at"), v) for v in TIMES]
    + [(("assignments", 0, "completed_at"), v) for v in TIMES]
)


@pytest.mark.parametrize(("place", "raw"), CASES, ids=[f"{p[-1]}={r}" for p, r in CASES])
def test_a_poisoned_value_is_refused_where_it_is(
    cli: CliRunner, empty_journal: Path, place: tuple[Any, ...], raw: str
) -> None:
    # The problem is on the line of the value (a list's problem on its item's line).
    err = _refused_at(cli, empty_journal, place, raw, line_exact=not raw.startswith("["))
    assert "unexpected error" not in err


@pytest.mark.parametrize("questions", BAD_QUESTIONS)
def test_stored_questions_that_are_not_valid_steps_are_refused(
    cli: CliRunner, empty_journal: Path, questions: str
) -> None:
    # Located at the value, or at its assignment for rules across steps (ids used twice).
    place = ("assignments", 0, "questions_json")
    err = _refused_at(cli, empty_journal, place, json.dumps(questions), line_exact=False)
    assert "assignments[0]" in err
    assert "questions_json" in err


@pytest.mark.parametrize("tag", ["two\\nlines", "esc\\u001b]0;title\\u0007", "nel\\u0085"])
def test_a_tag_or_id_with_a_line_break_or_control_is_refused(
    cli: CliRunner, empty_journal: Path, tag: str
) -> None:
    # Tags are printed in `journal list` and reports: one clean line, like every name.
    err = _refused_at(cli, empty_journal, ("sessions", 0, "tags"), f'["{tag}"]', line_exact=False)
    assert "tags" in err


def test_the_supported_edges_import_and_everything_works(
    cli: CliRunner, empty_journal: Path
) -> None:
    document = json.loads(json.dumps(SEED))
    document["sessions"][0]["answers"][TEXT_ANSWER]["value"] = 2**63 - 1
    document["assignments"][0]["due"] = "2100-12-31"
    document["assignments"][1]["due"] = "1970-01-01"
    document["experiments"][0]["week"] = "1970-W01"
    result, _ = _import(cli, empty_journal, json.dumps(document))
    assert result.code == 0, result.err
    still_works(cli, empty_journal)


@pytest.mark.parametrize("key", ["format\u2028version", "x\u0085y", "tab\there"])
def test_a_key_with_a_line_break_is_named_on_one_line(
    cli: CliRunner, empty_journal: Path, key: str
) -> None:
    # The field path quotes it: a problem is one line on stderr, whatever the key holds.
    document = {**SEED, key: 1}
    before = journal_bytes(empty_journal)
    result, path = _import(cli, empty_journal, json.dumps(document, ensure_ascii=False))
    assert_refused(result, path, before, empty_journal)
    assert repr(key) in result.err


# ---------------------------------------------------------------------------
# Any hostile value anywhere: refused cleanly, or harmless.

PLACES = list(leaves(SEED))
hostile = (
    st.sampled_from(JSON_VALUES + [json.dumps(q) for q in BAD_QUESTIONS])
    | st.integers().map(str)
    | st.floats().map(lambda f: json.dumps(f))  # NaN, Infinity as Python writes them
    | st.characters(categories=["Cs"]).map(lambda c: f'"x\\u{ord(c):04x}"')
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(place=st.sampled_from(PLACES), raw=hostile)
def test_any_hostile_value_anywhere_is_refused_or_harmless(
    cli: CliRunner, empty_journal: Path, place: tuple[Any, ...], raw: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        shutil.copytree(empty_journal, home)
        before = journal_bytes(home)
        text, _ = with_raw_value(SEED, place, raw)
        result, path = _import(cli, home, text)
        if result.code == 0:
            still_works(cli, home)
        else:
            assert_refused(result, path, before, home)
