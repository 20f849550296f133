"""Every way a content file can be wrong gives located problems, never a traceback."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.content.rubrics import Behaviour, load_behaviour_document, load_rubric
from belonging_cli.content.source import parse_text, read_document
from belonging_cli.content.validation import validate
from belonging_cli.errors import ContentError
from support.cli import REPO


def problems_for(tmp_path: Path, raw: bytes) -> list[str]:
    path = tmp_path / "behaviour.yaml"
    path.write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        load_behaviour_document(path)
    return caught.value.lines()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", ":1:1: the file is empty"),
        (b"# only a comment\n", ":1:1: the file is empty"),
        (b"key: [unclosed\n", "not valid YAML"),
        (b"- a\n- list\n", "expected a mapping (a behaviour), found a list"),
        (b"just words\n", "expected a mapping (a behaviour), found a string"),
        (b"id: caf\xe9\n", ":1:8: not valid UTF-8"),
        (b"a: 1\n---\nb: 2\n", "expected one YAML document"),
        (b"id: x\x00\n", "binary data"),
    ],
)
def test_unreadable_files_name_the_place(tmp_path: Path, raw: bytes, expected: str) -> None:
    lines = problems_for(tmp_path, raw)
    assert len(lines) == 1
    assert lines[0].startswith(str(tmp_path / "behaviour.yaml") + ":")
    assert expected in lines[0]


def test_wrong_types_are_reported_at_the_value(tmp_path: Path) -> None:
    good = (REPO / "rubrics" / "01-cultivate-belonging.yaml").read_text(encoding="utf-8")
    broken = good.replace("number: 1\n", "number: [1]\n").replace("title: ", "title: [", 1)
    lines = problems_for(tmp_path, broken.replace("title: [", "title: ", 1).encode())
    assert any(":2:9: number: " in line for line in lines)
    data = yaml.safe_load(good)
    data["levels"] = "five"
    data["look_fors"] = [1, 2]
    lines = problems_for(tmp_path, yaml.safe_dump(data, sort_keys=False).encode())
    assert any("levels: Input should be a valid list" in line for line in lines)
    assert any("look_fors" in line for line in lines)


def test_a_missing_level_is_named(tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "rubrics" / "03-ambiguous-decisions.yaml").read_text())
    data["levels"] = data["levels"][:4]
    lines = problems_for(tmp_path, yaml.safe_dump(data).encode())
    assert any("levels: expected exactly levels 1 to 5" in line for line in lines)


def test_ids_must_be_unique_across_the_set(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "rubric.yaml").write_bytes((REPO / "rubrics" / "rubric.yaml").read_bytes())
    one = yaml.safe_load((REPO / "rubrics" / "01-cultivate-belonging.yaml").read_text())
    two = dict(one, number=2)
    (folder / "a.yaml").write_text(yaml.safe_dump(one), encoding="utf-8")
    (folder / "b.yaml").write_text(yaml.safe_dump(two), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_rubric(folder)
    text = "\n".join(caught.value.lines())
    assert "id 'cultivate-belonging' is already used" in text
    assert str(folder / "b.yaml") in text


def test_aliases_cannot_explode(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghij":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    with pytest.raises(ContentError, match="too deeply nested or too large"):
        parse_text(bomb, "bomb.yaml")


def test_packaged_rubric_loads() -> None:
    rubric = load_rubric()
    assert len(rubric.behaviours) == 10
    assert rubric.find("10") is not None
    assert rubric.label(5) == "Multiplying"


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(string.printable, max_size=20),
)
structures = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=12), children, max_size=6),
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_only_raises_located_content_errors(text: str) -> None:
    try:
        doc = parse_text(text, "fuzz.yaml")
        validate(doc, Behaviour)
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path == "fuzz.yaml"
            assert problem.line >= 1 and problem.column >= 1


@settings(max_examples=150, deadline=None)
@given(structures)
def test_arbitrary_structures_only_raise_located_content_errors(data: object) -> None:
    text = yaml.safe_dump(data)
    try:
        validate(parse_text(text, "fuzz.yaml"), Behaviour)
    except ContentError as exc:
        assert all(str(p).startswith("fuzz.yaml:") for p in exc.problems)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_from_a_file(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.yaml"
    path.write_bytes(raw)
    try:
        read_document(path)
    except ContentError as exc:
        assert exc.problems
