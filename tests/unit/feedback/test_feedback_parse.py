"""Reading a filled rater form: what email does to it, and every problem located."""

from __future__ import annotations

import pytest

from belonging_cli.errors import ContentError
from belonging_cli.feedback.parse import parse_form
from support.feedback_forms import FORMS, ROUND, kinds


def _read(name: str) -> str:
    return (FORMS / name).read_bytes().decode("utf-8")


def test_a_form_mangled_by_an_email_client_reads_as_the_answers() -> None:
    form = parse_form(_read("dr-3-email.txt"), "dr-3-email.txt", kinds())
    assert form.round == ROUND
    assert form.group == "direct-report"
    assert form.levels == {"cultivate-belonging": 2, "protect-time": 5}
    assert form.change == "More time on why a decision went the way it did."
    # As marked (an X in capitals too); protect-time/l3 was left blank: can't say.
    cultivate = [4, 0, 1, 2, 3, 4, 0, 1]
    protect = {1: 3, 2: 1, 4: 2, 5: 0, 6: 3, 7: 1}
    assert form.frequency == {
        **{f"cultivate-belonging/l{n}": v for n, v in enumerate(cultivate, 1)},
        **{f"protect-time/l{n}": v for n, v in protect.items()},
    }


def test_missing_items_are_cant_say_and_no_group_is_other() -> None:
    text = (
        ROUND.line() + "\n[leader] Alex Rivera\n[protect-time/level]\n   [x] 3 Intentional\n[end]\n"
    )
    form = parse_form(text, "f.txt", kinds())
    assert (form.group, form.levels, form.frequency) == ("other", {"protect-time": 3}, {})
    assert form.asked == frozenset({"protect-time"})


@pytest.mark.parametrize(
    ("body", "where", "says"),
    [
        ("[protect-time/level]\n   [?] 3 Intentional", "f.txt:4:5", "unknown mark"),
        ("[protect-time/level]\n   [x] 3 A  [x] 4 B", "f.txt:4:13", "2 answers"),
        ("[protect-time/l99]\n", "f.txt:3:2", "not a question of this round"),
        ("[protect-time/l1] x\n [x] nope", "f.txt:4:5", "not one of the answers"),
        ("[group]\n[x] peer\n[group]\n[x] peer", "f.txt:5:1", "answered twice"),
    ],
)
def test_each_problem_is_at_its_place(body: str, where: str, says: str) -> None:
    text = f"{ROUND.line()}\n[leader] A\n{body}\n[end]\n"
    with pytest.raises(ContentError) as raised:
        parse_form(text, "f.txt", kinds())
    assert any(line.startswith(where) and says in line for line in raised.value.lines())


def test_text_that_is_no_form_and_a_cut_off_form_are_refused() -> None:
    with pytest.raises(ContentError, match=r"^x.txt:1:1: no round line"):
        parse_form("Hello, see attached\n", "x.txt", kinds())
    with pytest.raises(ContentError, match=r"x.txt:2:1: the form has no \[end\] line"):
        parse_form(ROUND.line() + "\n[leader] A", "x.txt", kinds())
