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


def test_a_key_short_of_groups_is_told_as_typed_or_as_cut_short() -> None:
    """At a prompt a key short of groups is a row typed alone; in a key file (read whole,
    rows and all) it is cut short, and typing its rows as one line would not help."""
    import pytest

    from belonging_cli.errors import JournalError

    row = "-".join(keys.recovery_key(bytes(range(32))).split("-")[:5])
    with pytest.raises(JournalError, match="5 of its 14 groups: type all its rows as one line"):
        keys.parse_key(row, "the recovery key", typed=True)
    with pytest.raises(JournalError, match="the key file k-txt has 5 of its 14 groups: it is cut"):
        keys.parse_key(row, "the key file k-txt")
