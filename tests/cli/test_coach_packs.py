"""Exercise packs as a coach writes them: the example, validation, the parser under fuzzing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.content.packs import (
    load_pack,
    parse_cadence,
    parse_due,
    parse_pack,
    parse_version,
    version_key,
)
from belonging_cli.content.rubrics import Rubric, load_rubric
from belonging_cli.content.source import parse_text
from belonging_cli.errors import ContentError
from support.cli import REPO, CliRunner

RUBRIC = load_rubric(REPO / "rubrics")


def example(cli: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "pack.yaml"
    result = cli("coach", "pack", "new", "--out", str(path))
    assert result.code == 0, result.err
    return path


def test_the_example_pack_is_valid_as_written(cli: CliRunner, tmp_path: Path) -> None:
    path = example(cli, tmp_path)
    result = cli("coach", "pack", "validate", str(path))
    assert result.code == 0, result.err
    assert "pack first-month version 1, 3 exercises" in result.out
    text = path.read_text(encoding="utf-8")
    assert text.count("#") > 10  # commented, to start from


def test_pack_new_prints_without_out_and_refuses_to_overwrite(
    cli: CliRunner, tmp_path: Path
) -> None:
    printed = cli("coach", "pack", "new")
    assert printed.code == 0
    assert "exercises:" in printed.out
    path = example(cli, tmp_path)
    again = cli("coach", "pack", "new", "--out", str(path))
    assert again.code == 1
    assert "already exists" in again.err
    assert cli("coach", "pack", "new", "--out", str(path), "--force").code == 0


def test_the_example_follows_a_custom_rubric(cli: CliRunner, tmp_path: Path) -> None:
    import shutil

    custom = tmp_path / "org"
    custom.mkdir()
    shutil.copy(REPO / "rubrics" / "rubric.yaml", custom / "rubric.yaml")
    shutil.copy(REPO / "rubrics" / "01-cultivate-belonging.yaml", custom / "one.yaml")
    text = cli("coach", "pack", "new", "--rubrics", str(custom)).out
    pack = parse_pack(parse_text(text, "pack.yaml"), load_rubric(custom))
    assert {e.behaviour for e in pack.exercises} == {"cultivate-belonging"}


def test_every_problem_is_located(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: First Month\n"
        "title: t\n"
        "version: 1.10\n"
        "coach: {name: Sam}\n"
        "exercises:\n"
        "  - id: a\n"
        "    behaviour: cultivate-belongin\n"
        "    title: t\n"
        "    instructions: i\n"
        "    cadence: weekly\n"
        "    due: soon\n"
        "    colour: red\n"
        "    questions:\n"
        "      - {id: q, kind: select, question: hi}\n"
        "  - id: a\n"
        "    behaviour: protect-time\n"
        "    title: t\n"
        "    instructions: i\n"
        "    questions: [{id: q, kind: text, question: hi}]\n",
        encoding="utf-8",
    )
    result = cli("coach", "pack", "validate", str(bad))
    assert result.code == 1
    assert result.out == ""
    err = result.err
    assert f"{bad}:1:5: id: use lower-case letters" in err
    assert f"{bad}:3:10: version: write a dotted version in quotes" in err
    assert f"{bad}:7:16: exercises[0].behaviour: no behaviour 'cultivate-belongin'" in err
    assert f"{bad}:10:14: exercises[0].cadence: expected `once` or `weekly for N weeks`" in err
    assert f"{bad}:11:10: exercises[0].due: expected a date like 2026-12-04" in err
    assert f"{bad}:12:5: exercises[0].colour: unknown key" in err
    assert f"{bad}:14:9: exercises[0].questions[0]:" in err
    assert f"{bad}:15:9: exercises[1].id: exercise id 'a' is used twice" in err
    assert "Traceback" not in err


def test_several_files_good_and_bad(cli: CliRunner, tmp_path: Path) -> None:
    good = example(cli, tmp_path)
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    result = cli("coach", "pack", "validate", str(good), str(empty), str(tmp_path / "nope.yaml"))
    assert result.code == 1
    assert f"{empty}:1:1: the file is empty" in result.err
    assert "nope.yaml:1:1: no such file" in result.err


def test_due_cadence_and_version_forms(tmp_path: Path) -> None:
    assert parse_due("7d") == "7d"
    assert parse_due("2w") == "14d"
    assert parse_due(" 3 D ") == "3d"
    assert parse_due("2026-12-04") == dt.date(2026, 12, 4)
    assert parse_due(dt.date(2026, 12, 4)) == dt.date(2026, 12, 4)
    assert parse_cadence("once") == 1
    assert parse_cadence("Weekly for 4 weeks") == 4
    assert parse_cadence("weekly for 1 week") == 1
    assert parse_version(3) == "3"
    assert version_key("1.10") > version_key("1.9")
    assert version_key("2.0") == version_key("2")
    for bad_due in ("0d", "400d", "soon", "7", "-1d"):
        with pytest.raises(ValueError):
            parse_due(bad_due)
    for bad_cadence in ("weekly", "weekly for 0 weeks", "weekly for 60 weeks", "daily"):
        with pytest.raises(ValueError):
            parse_cadence(bad_cadence)


def test_relative_due_counts_from_import(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    from belonging_cli.coaching.example import example_pack

    path.write_text(example_pack(RUBRIC), encoding="utf-8")
    pack = load_pack(path, RUBRIC)
    imported = dt.date(2026, 11, 27)
    by_id = {e.id: e for e in pack.exercises}
    assert by_id["ask-dont-tell"].due_date(imported) == dt.date(2026, 12, 5)  # 8d
    assert by_id["month-end"].due_date(imported) == dt.date(2026, 12, 25)  # 4w
    assert by_id["weekly-rhythm"].due_date(imported) == dt.date(2026, 12, 5)
    assert by_id["weekly-rhythm"].cadence == 4


# -- the parser under fuzzing: any input gives a pack or located problems, never a crash

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 500),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        ["once", "weekly for 3 weeks", "7d", "2w", "2026-12-04", "cultivate-belonging"]
    ),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)
_keys = st.sampled_from(
    ["id", "title", "version", "coach", "client", "exercises", "behaviour", "questions", "due"]
)


def _check(text: str, rubric: Rubric) -> None:
    try:
        parse_pack(parse_text(text, "fuzz.yaml"), rubric)
    except ContentError as exc:
        assert exc.problems
        for line in exc.lines():
            assert line.startswith("fuzz.yaml:")


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(_keys, _values, max_size=7))
def test_any_mapping_gives_a_pack_or_located_problems(data: dict[str, object]) -> None:
    _check(yaml.safe_dump(data, allow_unicode=True), RUBRIC)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 60), st.sampled_from(["", "x", ":", "- ", "\t", "{", "'", "\x00", "é"]))
def test_damaged_example_gives_located_problems(cut: int, junk: str) -> None:
    from belonging_cli.coaching.example import example_pack

    lines = example_pack(RUBRIC).splitlines(keepends=True)
    damaged = "".join(lines[:cut]) + junk + "".join(lines[cut + 1 :])
    _check(damaged, RUBRIC)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=20), st.integers(), st.dates(), st.none()))
def test_due_parser_accepts_or_explains(value: object) -> None:
    try:
        parsed = parse_due(value)
    except ValueError as exc:
        assert "expected" in str(exc) or "due time" in str(exc)
        return
    assert isinstance(parsed, dt.date) or (parsed.endswith("d") and parsed[:-1].isdigit())


def test_questions_are_flow_steps_an_exercise_can_use(tmp_path: Path) -> None:
    text = (
        "id: p\ntitle: t\nversion: 1\ncoach: {name: Sam}\nexercises:\n"
        "  - id: e\n    behaviour: protect-time\n    title: t\n    instructions: i\n"
        "    questions:\n"
        "      - {id: a, kind: select, question: q, choices: [1, 2]}\n"
        "      - {id: b, kind: rate, behaviour: nope}\n"
        "      - {id: c, kind: pulse}\n"
    )
    with pytest.raises(ContentError) as caught:
        parse_pack(parse_text(text, "p.yaml"), RUBRIC)
    lines = caught.value.lines()
    assert any(
        line.startswith("p.yaml:12:") and "behaviour: no behaviour 'nope'" in line for line in lines
    )
    assert any("cannot use a pulse step" in line for line in lines)
    assert not any("questions[0]" in line for line in lines)  # plain choices are fine


def test_validate_a_folder_of_packs(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    example(cli, folder)
    (folder / "notes.txt").write_text("not a pack", encoding="utf-8")
    result = cli("coach", "pack", "validate", str(folder))
    assert result.code == 0, result.err
    assert result.out.count("ok  ") == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no pack files" in cli("coach", "pack", "validate", str(empty)).err
