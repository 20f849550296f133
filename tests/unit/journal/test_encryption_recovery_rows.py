"""The recovery key laid out for a terminal: rows of whole groups that read back as the key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.journal.crypt import keys


@given(st.binary(min_size=32, max_size=32), st.integers(min_value=1, max_value=200))
def test_rows_fit_keep_groups_whole_and_read_back(key: bytes, width: int) -> None:
    recovery = keys.recovery_key(key)
    rows = keys.recovery_rows(recovery, width)
    assert all(len(row) <= max(width, keys.GROUP + 1) for row in rows)
    groups = [g for row in rows for g in row.split("-") if g]
    assert groups == recovery.split("-")
    per_row = [len([g for g in row.split("-") if g]) for row in rows]
    assert max(per_row) - min(per_row) <= 1  # as even as they can be
    assert keys.parse_key("\n".join(rows), "the recovery key") == key


def test_piped_it_is_one_row() -> None:
    recovery = keys.recovery_key(bytes(range(32)))
    assert keys.recovery_rows(recovery, None) == [recovery]
