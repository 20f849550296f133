"""A pack's version read back from a journal (hand-edited, poisoned) orders, never
raises: `exercises show` and a pack's import compare the stored versions (a hypothesis
run of the poisoned-journal test found "0001-01-01" crashing `exercises show`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.content.packs import version_key


@given(st.text(max_size=30))
def test_any_stored_version_has_a_key(version: str) -> None:
    key = version_key(version)
    assert isinstance(key, tuple) and all(isinstance(part, int) for part in key)


def test_numbers_still_order_as_versions() -> None:
    assert version_key("1.10") > version_key("1.9") and version_key("1.0") == version_key("1")
    assert version_key("0001-01-01") < version_key("0.1") and version_key("²") < version_key("0")
