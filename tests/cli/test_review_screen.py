"""Issue 13, "Back and review": before saving, one screen lists every answer; any of them
(a rating included) can be opened, changed, and the screen comes back. Run through the
real `belonging reflect` and `belonging exercises do`, keys through prompt_toolkit's
pipe input.

The screen's choices, top to bottom: "Save this reflection", "Keep it as a draft",
then one line per answer in the flow's order. A first week's weekly lists how you are,
(what would help, when low), the win, the ten ratings, the focus, the reflection, the
levers, the week's lens (control), the experiment, its plan (when and with whom, how
sure) and the takeaway.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from belonging_cli import ask
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from support.cli import REPO, CliRunner, Result
from support.keys import CTRL_C, ENTER, typed
from support.weekly_keys import RETURNING_TO_THE_TAKEAWAY, TO_THE_TAKEAWAY

DOWN = "\x1b[B"
WEEK = TO_THE_TAKEAWAY + "Ask before I decide\r"  # the takeaway
# Lines of the review screen, counted from "Save" (0): "Keep" is 1, then the answers.
WELLBEING = 2
FIRST_RATING = WELLBEING + 2  # how you are, the win
LEVERS = FIRST_RATING + 10 + 1 + 1  # the ratings, focus, the reflection
TAKEAWAY = LEVERS + 5  # levers, the lens, experiment, when, how sure, takeaway


def open_line(n: int) -> str:
    return DOWN * n + ENTER


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    lines: list[str] = []
    monkeypatch.setattr(ask, "say", lambda text="", *a, **k: lines.append(text))
    return lines


def reflect(cli: CliRunner, keys: str, *args: str) -> Result:
    with typed(keys):
        return cli("reflect", *args)


def only(status: str | None = "complete") -> Session:
    with open_journal() as journal:
        (session,) = journal.sessions(status=status)
    return session


def levels(session: Session) -> dict[str, int]:
    return {r.behaviour_id: r.level for r in session.ratings}


def test_a_rating_is_opened_from_the_review_screen_changed_and_saved(cli: CliRunner) -> None:
    # Open the first rating, make it 5, come back, Enter saves.
    result = reflect(cli, WEEK + open_line(FIRST_RATING) + "5\r" + ENTER)
    assert result.code == 0, result.err
    session = only()
    assert levels(session)["cultivate-belonging"] == 5
    assert len(session.ratings) == 10


def test_the_rating_prompt_starts_from_the_answer_given(cli: CliRunner) -> None:
    # Opened and taken with Enter: the highlighted level is the one given (3), not 1.
    result = reflect(cli, WEEK + open_line(FIRST_RATING) + ENTER + ENTER)
    assert result.code == 0, result.err
    assert levels(only())["cultivate-belonging"] == 3


def test_a_text_answer_opens_with_its_words_to_finish(cli: CliRunner) -> None:
    result = reflect(cli, WEEK + open_line(TAKEAWAY) + ", then wait\r" + ENTER)
    assert result.code == 0, result.err
    takeaway = only().answer("takeaway")
    assert takeaway is not None and takeaway.value == "Ask before I decide, then wait"


def test_a_private_flip_is_kept_when_the_answer_is_opened_again(cli: CliRunner) -> None:
    # Reflections are private unless marked: "#share" comes back with the words, so
    # Enter keeps the answer shared (it is not silently made private again).
    week = WEEK.replace("Kept the plan rough\r", "Kept the plan rough #share\r")
    result = reflect(cli, week + open_line(FIRST_RATING + 11) + ENTER + ENTER)
    assert result.code == 0, result.err
    first = only().answer("reflect.1")
    assert first is not None and first.value == "Kept the plan rough"
    assert not first.private


def test_energy_going_low_asks_what_would_help_and_back_up_forgets_it(cli: CliRunner) -> None:
    low = open_line(WELLBEING) + "4\r" + "A quiet Friday\r"  # running low: what would help
    back = open_line(WELLBEING) + "2\r"  # steady again
    result = reflect(cli, WEEK + low + back + ENTER)
    assert result.code == 0, result.err
    session = only()
    wellbeing = session.answer("wellbeing")
    assert wellbeing is not None and wellbeing.value == "steady"
    assert session.answer("wellbeing-help") is None  # no longer asked: not saved


def test_energy_going_low_keeps_what_would_help(cli: CliRunner) -> None:
    result = reflect(cli, WEEK + open_line(WELLBEING) + "4\r" + "A quiet Friday\r" + ENTER)
    assert result.code == 0, result.err
    session = only()
    wellbeing, helps = session.answer("wellbeing"), session.answer("wellbeing-help")
    assert wellbeing is not None and wellbeing.value == "low"
    assert helps is not None and helps.value == "A quiet Friday" and helps.private


def last_week(cli: CliRunner) -> None:
    day = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    assert reflect(cli, WEEK + ENTER, "--date", day).code == 0


RETURNING = RETURNING_TO_THE_TAKEAWAY + ENTER  # the takeaway: blank
# A returning week's screen: the review and its two notes come after how you are, and
# before the win and the ratings.
RETURNING_REVIEW = WELLBEING + 1
RETURNING_RATING = FIRST_RATING + 3


def test_a_rating_moved_at_the_review_screen_asks_what_happened(cli: CliRunner) -> None:
    last_week(cli)
    keys = RETURNING + open_line(RETURNING_RATING) + "5\r" + "Ran the retro myself\r" + ENTER
    result = reflect(cli, keys)
    assert result.code == 0, result.err
    latest = next(s for s in _sessions() if s.week == only_this_week().week)
    rating = next(r for r in latest.ratings if r.behaviour_id == "cultivate-belonging")
    assert (rating.level, rating.evidence) == (5, "Ran the retro myself")


def test_a_rating_moved_back_keeps_the_note_written_for_it(cli: CliRunner) -> None:
    # Nothing typed is lost: a rating that did not move may carry a note (kinds/rate.py).
    last_week(cli)
    moved = open_line(RETURNING_RATING) + "5\r" + "Ran the retro myself\r"
    back = open_line(RETURNING_RATING) + "3\r"
    result = reflect(cli, RETURNING + moved + back + ENTER)
    assert result.code == 0, result.err
    rating = next(r for r in only_this_week().ratings if r.behaviour_id == "cultivate-belonging")
    assert (rating.level, rating.evidence) == (3, "Ran the retro myself")


def test_a_review_changed_to_skip_forgets_its_notes(cli: CliRunner) -> None:
    last_week(cli)
    skip = open_line(RETURNING_REVIEW) + DOWN * 3 + ENTER  # "Skip for now (it stays open)"
    result = reflect(cli, RETURNING + skip + ENTER)
    assert result.code == 0, result.err
    session = only_this_week()
    assert session.answer("review.happened") is None and session.answer("review.learned") is None
    with open_journal() as journal:
        assert len(journal.experiments(status="open")) == 2  # kept open, and the new one


def _sessions() -> list[Session]:
    with open_journal() as journal:
        return journal.sessions()


def only_this_week() -> Session:
    from belonging_cli.clock import iso_week

    (found,) = [s for s in _sessions() if s.week == iso_week(dt.date.today())]
    return found


# -- keeping the draft, and coming back to the screen ------------------------------------


def test_keep_as_draft_then_resuming_opens_the_review_screen(
    cli: CliRunner, said: list[str]
) -> None:
    kept = reflect(cli, WEEK + DOWN + ENTER)
    assert kept.code == 0, kept.err
    assert only("draft").answer("takeaway") is not None
    said.clear()
    # Enter resumes, and the very next screen is the review: change a rating, then save.
    resumed = reflect(cli, ENTER + open_line(FIRST_RATING) + "4\r" + ENTER)
    assert resumed.code == 0, resumed.err
    text = "\n".join(said)
    assert "every question answered" in text and "0 questions to go" not in text
    assert "of 0" not in text
    assert levels(only())["cultivate-belonging"] == 4


def test_ctrl_c_at_the_review_screen_keeps_the_draft(cli: CliRunner) -> None:
    stopped = reflect(cli, WEEK + DOWN * 5 + CTRL_C)
    assert stopped.code == 130
    assert "your answers so far are kept" in stopped.err
    assert stopped.err.count("\n") == 1, stopped.err
    draft = only("draft")
    assert len(draft.ratings) == 10 and draft.answer("takeaway") is not None


def test_ctrl_c_while_changing_an_answer_keeps_the_words_being_typed(cli: CliRunner) -> None:
    stopped = reflect(cli, WEEK + open_line(TAKEAWAY) + " and listen" + CTRL_C)
    assert stopped.code == 130 and "with what you were typing" in stopped.err
    assert stopped.err.count("\n") == 1, stopped.err
    done = reflect(cli, ENTER + open_line(TAKEAWAY) + "!\r" + ENTER)
    assert done.code == 0, done.err
    takeaway = only().answer("takeaway")
    assert takeaway is not None and takeaway.value == "Ask before I decide and listen!"


@pytest.mark.parametrize("columns", [80, 60])
def test_the_screen_lists_every_answer_one_line_each(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown: list[list[tuple[str, str]]] = []
    real = ask.choose

    def choose(message: str, choices: list[tuple[str, str]], default: str | None = None) -> str:
        if message.startswith("Save it"):
            shown.append(choices)
        return real(message, choices, default)

    monkeypatch.setattr(ask, "choose", choose)
    long = "word " * 60
    assert reflect(cli, WEEK.replace("Kept the plan rough", long) + ENTER).code == 0
    (screen,) = shown
    titles = [title for _, title in screen]
    assert titles[:2] == ["Save this reflection", "Keep it as a draft, don't save yet"]
    assert len(titles) == 2 + TAKEAWAY - 1
    too_long = [t for t in titles if "\n" in t or len(t) > columns - 4]  # " » " before each
    assert not too_long
    assert "(private) Steady: enough energy for" in titles[WELLBEING]  # the private check
    assert titles[FIRST_RATING].startswith("3 Intentional")
    assert "Cultivate belonging" in titles[FIRST_RATING]
    reflection = titles[FIRST_RATING + 11]
    assert reflection.endswith("word...") and "(private)" in reflection


# -- a coach's exercise ends on the same screen --------------------------------------------


def test_an_exercise_is_reviewed_on_the_same_screen(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from belonging_cli.coaching.example import example_pack
    from belonging_cli.content.rubrics import load_rubric

    pack = tmp_path / "pack.yaml"
    pack.write_text(example_pack(load_rubric(REPO / "rubrics")), encoding="utf-8")
    assert cli("exercises", "import", str(pack)).code == 0
    shown: list[str] = []
    real = ask.choose

    def choose(message: str, choices: list[tuple[str, str]], default: str | None = None) -> str:
        shown.extend(title for _, title in choices)
        return real(message, choices, default)

    monkeypatch.setattr(ask, "choose", choose)
    keys = "They found it\r" + "Priya\r" + "2\r" + ENTER + open_line(2) + " themselves\r"
    with typed(keys + ENTER):
        done = cli("exercises", "do", "ask-dont-tell")
    assert done.code == 0, done.err
    assert "Save these answers" in shown
    answer = only().answer("what-happened")
    assert answer is not None and answer.value == "They found it themselves"
