"""How sure, 0 to 10: a person asked for a number types one, and it is what is kept.

Through prompt_toolkit's pipe input, the real questionary menu: typing the number moves
the highlight to its line, "1" then "0" is 10, and Enter alone still leaves it out."""

from __future__ import annotations

import pytest

from belonging_cli import ask
from belonging_cli.engine.kinds.plan import questions
from belonging_cli.engine.questions import NOT_SAID, Question
from support.keys import ENTER, typed


def _confidence() -> Question:
    from types import SimpleNamespace

    step = SimpleNamespace(id="next-experiment")
    asked = [q for q in questions(step, "cultivate-belonging") if q.id.endswith("confidence")]  # type: ignore[arg-type]
    return asked[0]


@pytest.mark.parametrize(
    ("keys", "kept"),
    [
        ("7" + ENTER, 7),
        ("0" + ENTER, 0),
        ("10" + ENTER, 10),
        ("37" + ENTER, 7),  # the latest digit stands
        (ENTER, NOT_SAID),  # nothing typed: left out, as before
    ],
    ids=["seven", "zero", "ten", "latest", "left-out"],
)
def test_the_number_typed_is_the_one_kept(keys: str, kept: object) -> None:
    with typed(keys):
        value, _ = ask.ask(_confidence())
    assert value == kept
