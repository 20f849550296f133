"""A rubric-facts cache file that is JSON but not the cache's shape is ignored and rebuilt
(as the docs say of any cache that cannot be used): the report still works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.poison import FACTS_CACHES


@pytest.mark.parametrize("body", FACTS_CACHES)
def test_a_cache_of_the_wrong_shape_is_rebuilt(
    cli: CliRunner, isolated_home: Path, body: str
) -> None:
    first = cli("report", "--format", "json")
    assert first.code == 0, first.err
    (cache,) = (isolated_home / "cache" / "rubric-facts").glob("*.json")
    good = json.loads(cache.read_text(encoding="utf-8"))
    cache.write_text(body.replace('"KEY"', json.dumps(good["key"])), encoding="utf-8")

    again = cli("report", "--format", "json")
    assert again.code == 0, again.err
    assert _without_time(again.out) == _without_time(first.out)
    assert cli("progress").code == 0
    assert json.loads(cache.read_text(encoding="utf-8")) == good  # rebuilt


def _without_time(report: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(report)
    data.pop("generated_at")  # the second it was made
    return data
