"""Any text, any width: a prompt's lines (fitting.fold) never pass the width and keep
every word whole or visibly cut, and a typed answer shown through prompt_layout's
padding never has a word that fits a row split across two rows by character wrapping."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from belonging_cli import prompt_layout
from belonging_cli.fitting import ELLIPSIS, fold
from belonging_cli.prompt_layout import _pads, laid_out

words = st.lists(st.text("abcdefghij", min_size=1, max_size=30), min_size=1, max_size=40)


@given(words, st.integers(20, 120), st.integers(0, 8), st.integers(0, 6))
def test_a_prompt_line_never_passes_the_width(
    parts: list[str], width: int, indent: int, start: int
) -> None:
    lines = fold(" ".join(parts), width, " " * indent, start=start)
    assert len(lines[0]) + start <= width
    assert all(len(line) <= width for line in lines[1:])
    shown = " ".join(lines).split()
    assert len(shown) == len(parts)  # no word lost, none split in two
    for seen, word in zip(shown, parts, strict=True):
        assert seen == word or (seen.endswith(ELLIPSIS) and word.startswith(seen[:-1]))


def _rows(text: str, start: int, under: int, columns: int) -> list[str]:
    """What prompt_toolkit's window shows: rows filled by character, after the pads."""
    pads = _pads(text, start, under, columns)
    shown = "".join(" " * pads.get(i, 0) + ch for i, ch in enumerate(text))
    rows, row, x = [], "", start
    for ch in shown:
        if x + 1 > columns:
            rows.append(row)
            row, x = "", under
        row += ch
        x += 1
    return [*rows, row]


@given(words, st.integers(20, 100))
def test_a_typed_word_that_fits_a_row_is_never_split(parts: list[str], columns: int) -> None:
    text = " ".join(parts)
    rows = _rows(text, 3, 3, columns)
    assert "".join(rows).replace(" ", "") == text.replace(" ", "")  # display only
    for upper, lower in pairwise(rows):
        if upper.endswith(" ") or lower.startswith(" "):
            continue
        head, tail = upper.split(" ")[-1], lower.split(" ")[0]
        assert len(head + tail) > columns - 3  # only a word too long for any row


@pytest.mark.parametrize("columns", [60, 80])
def test_a_long_question_puts_its_instruction_and_answer_on_their_own_line(
    columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompt_layout, "terminal_columns", lambda: columns)
    title = "Steady: enough energy for what is on my plate, most days of the week"
    message, titles = laid_out(
        "How are your energy and load this week?", "(Enter keeps the highlighted one)", [title], 6
    )
    assert message.endswith("\n     ")  # questionary adds a space: the answer at column 6
    assert all(len(line) + 6 <= columns - 1 for line in titles[0].split("\n"))
    assert all(line.startswith(" " * 6) for line in titles[0].split("\n")[1:])
    short, same = laid_out("Which one, again?", "(Use arrow keys)", ["Back"], 3)
    assert (short, same) == ("Which one, again?", ["Back"])  # what fits is left as it is
