"""Property tests for `journal edit`: whatever the editor leaves, the result is a session or
located problems, and the rendering reads back as the same session."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import ContentError
from belonging_cli.journal import editing
from belonging_cli.records import Answer, Session
from belonging_cli.synthetic import generate

SESSION = generate(load_rubric(), weeks=1, end=dt.date(2026, 11, 27)).sessions[0]
RENDERED = editing.render(SESSION)
FAST = settings(max_examples=80, deadline=None)

answer_values = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    | st.lists(st.text(), max_size=4)
)


@FAST
@given(answer_values, st.booleans(), st.lists(st.text(min_size=1, max_size=20), max_size=3))
def test_any_session_renders_to_yaml_that_reads_back_the_same(
    value: object, private: bool, tags: list[str]
) -> None:
    tags = [t for t in tags if t.strip() == t and t]
    answer = Answer("free", "text", value, SESSION.started_at, private=private)  # type: ignore[arg-type]
    session: Session = dataclasses.replace(
        SESSION, answers=(*SESSION.answers, answer), tags=tuple(dict.fromkeys(tags))
    )
    try:
        back = editing.apply(session, editing.render(session), "session.yaml")
    except ContentError as error:  # text the YAML reader refuses, e.g. control characters
        assert all(p.path == "session.yaml" for p in error.problems)
        return
    assert back == session


@FAST
@given(st.text(max_size=300))
def test_any_edited_text_gives_a_session_or_located_problems(text: str) -> None:
    try:
        editing.apply(SESSION, text, "session.yaml")
    except ContentError as error:
        assert error.problems
        assert all(p.path == "session.yaml" and p.line >= 1 for p in error.problems)


@FAST
@given(st.integers(min_value=0, max_value=len(RENDERED)), st.text(max_size=20))
def test_a_damaged_rendering_gives_a_session_or_located_problems(at: int, junk: str) -> None:
    try:
        editing.apply(SESSION, RENDERED[:at] + junk + RENDERED[at:], "session.yaml")
    except ContentError as error:
        assert error.problems
