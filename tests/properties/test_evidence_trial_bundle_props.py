"""No key and no text a client's evidence does not define survives `coach summary`'s
reader: a bundle built through the real CLI, then tampered with at any place in its
evidence (a key added to any object, a number made text, a word changed)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.coaching.bundle import BadBundle, parse_bundle
from support.built_once import bundle_data
from support.cli import CliRunner
from support.evidence_reports import PERIOD, evidence_journal
from support.json_edit import changed

INCLUDE = ("--include", "evidence/calendar", "--include", "evidence/transcript")
# The rubric's own words, which a bundle carries as they are (any one-line text).
FREE = {"behaviour_id", "title"}
Path_ = tuple[str | int, ...]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("evidence-bundle")

    def build(cli: CliRunner) -> Path:
        evidence_journal(cli)
        out = folder / "client.json"
        done = cli("report", *PERIOD, "--share", *INCLUDE, "--format", "json", "--out", str(out))
        assert done.code == 0, done.err
        return out

    with mock.patch.dict(os.environ, {"BELONGING_HOME": str(folder / "home")}):
        return bundle_data(build)


def _places(value: Any, at: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield at, value
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _places(inner, (*at, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _places(inner, (*at, index))


def _refused(data: dict[str, Any]) -> bool:
    try:
        parse_bundle(json.dumps(data).encode("utf-8"), "client.json")
    except BadBundle:
        return True
    return False


WORDS = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
ANY_VALUE = st.one_of(WORDS, st.integers(), st.lists(WORDS, max_size=2), st.none())


def test_the_bundle_as_written_is_read(bundle: dict[str, Any]) -> None:
    assert bundle["evidence"] and not _refused(bundle)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), key=WORDS, value=ANY_VALUE)
def test_no_extra_key_survives_anywhere_in_the_evidence(
    bundle: dict[str, Any], data: st.DataObject, key: str, value: Any
) -> None:
    objects = [at for at, v in _places(bundle["evidence"], ("evidence",)) if isinstance(v, dict)]
    at = data.draw(st.sampled_from(objects))
    target: Any = bundle
    for part in at:
        target = target[part]
    if key in target or at[-1] in ("figures",):  # a figure is the next test's
        return
    assert _refused(changed(bundle, (*at, key), value))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), text=WORDS)
def test_no_text_survives_where_a_number_or_the_tools_words_go(
    bundle: dict[str, Any], data: st.DataObject, text: str
) -> None:
    leaves = [
        (at, v)
        for at, v in _places(bundle["evidence"], ("evidence",))
        if not isinstance(v, dict | list) and not set(at) & FREE and v is not None
    ]
    at, before = data.draw(st.sampled_from(leaves))
    if text == before:
        return
    assert _refused(changed(bundle, at, text)), at
