"""A table's bulk reader (journal/rows.py, written out per table) reads back every record
its rows were written from: any text, empty fields, the words every row repeats."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.journal import rows
from belonging_cli.records import Answer, Rating

MOMENTS = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), timezones=st.just(dt.timezone(dt.timedelta(hours=-5)))
)
TEXT = st.text(max_size=30)
MAYBE = st.none() | TEXT


@given(
    st.builds(
        Rating,
        behaviour_id=TEXT,
        level=st.integers(1, 5),
        rated_at=MOMENTS,
        evidence=MAYBE,
        evidence_private=st.booleans(),
    )
)
def test_a_rating_reads_back_as_it_was_written(rating: Rating) -> None:
    row = rows.RATINGS.row(rating, "session")
    assert rows.RATINGS.reader()(row, None) == rating


VALUES: st.SearchStrategy[Any] = (
    st.none() | st.booleans() | st.integers(-5, 5) | TEXT | st.lists(TEXT, max_size=3)
)


@given(
    st.builds(
        Answer,
        step_id=TEXT,
        kind=st.sampled_from(["text", "long_text", "scale", "choice", "multi", "confirm"]),
        value=VALUES,
        answered_at=MOMENTS,
        prompt_id=MAYBE,
        behaviour_id=MAYBE,
        private=st.booleans(),
        question=MAYBE,
        role=st.none() | st.sampled_from(["balance", "takeaway", "prep"]),
    )
)
def test_an_answer_reads_back_with_its_value_given(answer: Answer) -> None:
    row = rows.ANSWERS.row(answer, "session")
    read = rows.ANSWERS.reader("value")(row, answer.value)
    assert read == answer
    assert rows.ANSWERS.from_row(row, value=answer.value) == answer
