"""Any `when` a coach writes in a pack is either one that can hold, or a located problem
at the condition: never a question silently never asked (issue 16)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.content.packs import parse_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.content.source import parse_text
from belonging_cli.errors import ContentError
from support.places import REPO

RUBRIC = load_rubric(REPO / "rubrics")
CHOICES = ["easy", "hard", "3"]
QUESTIONS: list[dict[str, object]] = [
    {"id": "pick", "kind": "select", "question": "Q?", "choices": CHOICES},
    {"id": "yes", "kind": "confirm", "question": "Q?"},
    {"id": "score", "kind": "scale", "question": "Q?", "labels": ["a", "b", "c"]},
    {"id": "many", "kind": "checkbox", "question": "Q?", "choices": CHOICES},
]
_values = st.one_of(
    st.sampled_from([*CHOICES, "Easy", "nope", "{x}", ""]),
    st.booleans(),
    st.integers(-2, 6),
)
_tests = st.one_of(
    st.tuples(st.sampled_from(["equals", "not_equals", "at_least", "at_most"]), _values),
    st.tuples(st.just("in"), st.lists(st.one_of(st.sampled_from(CHOICES), _values), max_size=3)),
)


def can_hold(target: dict[str, object], test: str, value: object) -> bool:
    """What the engine could ever match, written out independently of the validator."""
    if test in ("at_least", "at_most") and (
        isinstance(value, bool) or (isinstance(value, str) and value.isdigit())
    ):
        value = int(value)  # a number test reads "3" as 3 (and true as 1)
    values = value if isinstance(value, list) else [value]
    if not values:
        return False  # `in` nothing matches nothing
    kind = target["kind"]
    if test in ("at_least", "at_most") and (
        kind in ("select", "checkbox") or not isinstance(value, int) or isinstance(value, bool)
    ):
        return False  # a number to compare with: the answer has none
    if kind == "checkbox" and test in ("equals", "not_equals"):
        return False
    if kind in ("select", "checkbox"):
        return all(isinstance(v, str) and v in CHOICES for v in values)
    if kind == "confirm":
        return test in ("equals", "not_equals") and all(isinstance(v, bool) for v in values)
    if test == "in":  # a list of text or numbers: true is read as 1
        values = [int(v) if isinstance(v, bool) else v for v in values]
    return all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 3 for v in values)


@settings(max_examples=150, deadline=None)
@given(
    target=st.sampled_from([str(q["id"]) for q in QUESTIONS] + ["pik", "later"]),
    test=_tests,
)
def test_a_condition_holds_or_is_located(target: str, test: tuple[str, object]) -> None:
    name, value = test
    follow = {
        "id": "follow",
        "kind": "text",
        "question": "Why?",
        "when": {"step": target, name: value},
    }
    questions = [*QUESTIONS, follow, {"id": "later", "kind": "text", "question": "Then?"}]
    exercise = {"id": "e", "behaviour": "protect-time", "title": "T", "instructions": "I"}
    pack = {"id": "p", "title": "T", "version": "1", "coach": {"name": "Sam"}}
    data = {**pack, "exercises": [{**exercise, "questions": questions}]}
    by_id = {str(q["id"]): q for q in QUESTIONS}
    expected_ok = target in by_id and can_hold(by_id[target], name, value)
    try:
        parse_pack(parse_text(json.dumps(data), "p.json"), RUBRIC)
    except ContentError as exc:
        lines = exc.lines()
        assert not expected_ok, lines
        assert any(".questions[4].when." in line for line in lines), lines
        assert all(line.startswith("p.json:") for line in lines)
        return
    assert expected_ok
