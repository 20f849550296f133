"""`goals add --by DATE`: any text is a day ahead (by 2100) or a ValueError, never a crash."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.goals import check_success, parse_due
from belonging_cli.limits import LAST_DAY

TODAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 30))


@given(st.text(), TODAYS)
def test_any_text_is_a_day_ahead_or_refused(text: str, today: dt.date) -> None:
    try:
        day = parse_due(text, today)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc).replace(repr(text), "")
    else:
        assert today < day <= LAST_DAY


@given(st.dates(), TODAYS)
def test_an_iso_day_is_taken_exactly_when_it_lies_ahead(day: dt.date, today: dt.date) -> None:
    try:
        parsed = parse_due(day.isoformat(), today)
    except ValueError:
        assert day <= today or day > LAST_DAY
    else:
        assert parsed == day


@given(st.integers(min_value=0, max_value=9999), st.sampled_from(["w", "d", "W", " w"]), TODAYS)
def test_weeks_and_days_count_from_today(amount: int, unit: str, today: dt.date) -> None:
    days = amount * (7 if unit.strip().lower() == "w" else 1)
    try:
        parsed = parse_due(f"{amount}{unit}", today)
    except ValueError:
        assert days == 0 or today + dt.timedelta(days=days) > LAST_DAY
    else:
        assert parsed == today + dt.timedelta(days=days)


@given(st.text())
def test_success_words_are_one_bounded_line_or_refused(text: str) -> None:
    try:
        words = check_success(text)
    except ValueError:
        return
    assert words and words == words.strip() and len(words) <= 300
    assert not any(c in words for c in "\n\r\t\x00\u2028")
