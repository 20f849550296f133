"""Answers files (`reflect --answers`, `exercises do --answers`) with values that once
poisoned the journal: refused with a located problem and the journal untouched, or
accepted with every command still working."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.cli import CliRunner
from support.poison import (
    YAML_VALUES,
    assert_refused,
    assignment_ids,
    journal_bytes,
    still_works,
)

DATES = ["0001-01-01", "9999-12-31", "0500-06-15", "1969-12-31", '"0001-01-01"']
NON_FINITE = [".inf", "-.inf", ".nan", "1.0e+999"]


@pytest.fixture
def home(cli: CliRunner, tmp_path: Path) -> Path:
    """A journal with the example pack's exercises in it and one reflection."""
    home = tmp_path / "home"
    pack = tmp_path / "pack.yaml"
    pack.write_text(cli("coach", "pack", "new").out, encoding="utf-8")
    assert cli("--home", str(home), "exercises", "import", str(pack)).code == 0
    answers = tmp_path / "first.yaml"
    answers.write_text(_template(cli, home), encoding="utf-8")
    assert cli("--home", str(home), "reflect", "--answers", str(answers)).code == 0
    return home


def _template(cli: CliRunner, home: Path, *extra: str) -> str:
    result = cli("--home", str(home), "reflect", "--answers-template", *extra)
    assert result.code == 0, result.err
    return str(result.out)


def _set(template: str, key: str, raw: str) -> tuple[str, int]:
    """The template with `key:`'s value replaced by the YAML text `raw`, and its line."""
    pattern = re.compile(rf"^(\s*{re.escape(key)}): .*$", re.MULTILINE)
    match = pattern.search(template)
    assert match, key
    line = template[: match.start()].count("\n") + 1
    return template[: match.start()] + f"{match[1]}: {raw}" + template[match.end() :], line


def _answer(cli: CliRunner, home: Path, text: str, *command: str) -> tuple[object, Path]:
    path = home.parent / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return cli("--home", str(home), *(command or ("reflect",)), "--answers", str(path)), path


@pytest.mark.parametrize("raw", DATES)
def test_a_date_outside_the_range_is_refused_at_its_line(
    cli: CliRunner, home: Path, raw: str
) -> None:
    text, line = _set(_template(cli, home, "--date", "2026-01-05"), "date", raw)
    before = journal_bytes(home)
    result, path = _answer(cli, home, text)
    assert_refused(result, path, before, home)
    assert f"{path}:{line}:" in result.err and "1970-01-01 to 2100-12-31" in result.err  # type: ignore[attr-defined]


@pytest.mark.parametrize("raw", NON_FINITE)
@pytest.mark.parametrize("key", ["win", "reflect.1"])
def test_a_non_finite_number_as_text_is_refused_at_its_line(
    cli: CliRunner, home: Path, key: str, raw: str
) -> None:
    # `.inf` would be saved as the text "inf": not what anyone wrote.
    text, line = _set(_template(cli, home), key, raw)
    before = journal_bytes(home)
    result, path = _answer(cli, home, text)
    assert_refused(result, path, before, home)
    assert f"{path}:{line}:" in result.err  # type: ignore[attr-defined]


def test_an_exercise_answer_that_is_not_finite_is_refused(cli: CliRunner, home: Path) -> None:
    exercise = assignment_ids(cli, home)[0]
    result = cli("--home", str(home), "exercises", "do", exercise, "--answers-template")
    assert result.code == 0, result.err
    key = re.findall(r"^  ([\w.-]+): ", result.out, re.MULTILINE)[0]
    text, line = _set(result.out, key, ".nan")
    before = journal_bytes(home)
    done, path = _answer(cli, home, text, "exercises", "do", exercise)
    assert_refused(done, path, before, home)
    assert f"{path}:{line}:" in done.err  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------
# Any hostile value for any answer, or the date: refused cleanly, or harmless.

hostile = (
    st.sampled_from(YAML_VALUES)
    | st.integers().map(str)
    | st.floats().map(lambda f: {"inf": ".inf", "-inf": "-.inf", "nan": ".nan"}.get(str(f), str(f)))
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data(), raw=hostile)
def test_any_hostile_answer_is_refused_or_harmless(
    cli: CliRunner, home: Path, data: st.DataObject, raw: str
) -> None:
    template = _template(cli, home, "--date", "2026-01-05")
    keys = ["date", *re.findall(r"^  ([\w.-]+): ", template, re.MULTILINE)]
    key = data.draw(st.sampled_from(keys))
    text, _ = _set(template, key, raw)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "home"
        shutil.copytree(home, copy)
        before = journal_bytes(copy)
        result, path = _answer(cli, copy, text)
        if result.code == 0:  # type: ignore[attr-defined]
            still_works(cli, copy)
        else:
            assert_refused(result, path, before, copy)
