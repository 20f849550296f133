"""The question counter of `rubric validate --strict` reads any text a writer gives it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.content.wording import questions_asked, shared_phrases, words

# Plain prompt-like words: none is a question word, "and"/"or", or a verb the counter
# treats as asking, so a question built from them asks exactly once.
FILLER = st.sampled_from(
    ["you", "the", "team", "this", "week", "meeting", "someone", "noticed", "idea", "first"]
)
QUESTION_WORD = st.sampled_from(["What", "Who", "Which", "When", "Where", "How", "Why"])
CLEAN = st.builds(
    lambda head, rest: f"{head} {' '.join(rest)}?", QUESTION_WORD, st.lists(FILLER, max_size=12)
)


@given(st.text())
def test_any_text_is_counted_without_raising(text: str) -> None:
    assert questions_asked(text) >= text.count("?") + text.count("\uff1f")


@given(CLEAN)
def test_one_plain_question_asks_once(question: str) -> None:
    assert questions_asked(question) == 1


@given(CLEAN, CLEAN)
def test_two_questions_side_by_side_ask_twice(first: str, second: str) -> None:
    assert questions_asked(f"{first} {second}") == 2


@given(CLEAN, st.sampled_from(["why", "how", "what"]), st.sampled_from(["", "then "]))
def test_a_second_question_joined_with_and_counts(question: str, word: str, then: str) -> None:
    joined = f"{question[:-1]}, and {then}{word}?"
    assert questions_asked(joined) == 2
    assert questions_asked(f"{question[:-1]} and {word} did it land?") == 2


@given(CLEAN, st.sampled_from([" ", "  ", "\n", "\n  "]))
def test_line_breaks_and_spacing_do_not_change_the_count(question: str, gap: str) -> None:
    assert questions_asked(question.replace(" ", gap)) == questions_asked(question)


@given(st.text(), st.text())
def test_shared_phrases_are_runs_of_three_words_of_both(first: str, second: str) -> None:
    for phrase in shared_phrases(first, second):
        assert len(phrase.split()) == 3
        assert phrase in " ".join(words(first)) and phrase in " ".join(words(second))
