"""Issue 13's guards on the weekly ritual, run through the real `belonging reflect`:
no single-key yes/no (a sentence typed at the end never answers the save question),
a one-line takeaway as the last question, a second reflection in one week asked
about, days out of range refused, the words typed at Ctrl-C kept, an empty sitting
asked about, and a draft's progress counted one way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from support.cli import CliRunner, Result
from support.keys import CTRL_C, ENTER, typed
from support.weekly_keys import BLANK_TO_THE_END, TO_THE_REFLECTIONS, TO_THE_TAKEAWAY

HOSTILE = Path(__file__).resolve().parents[1] / "hostile" / "ritual"
DOWN = "\x1b[B"


def _lines(name: str) -> list[str]:
    text = (HOSTILE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


def reflect(cli: CliRunner, keys: str, *args: str) -> Result:
    with typed(keys):
        return cli("reflect", *args)


TAKEAWAY = "Ask before I decide\r"


def only_session(status: str | None = "complete") -> Session:
    with open_journal() as journal:
        (session,) = journal.sessions(status=status)
    return session


# -- no single-key yes/no ----------------------------------------------------------------


@pytest.mark.parametrize("sentence", _lines("typed_at_the_end.txt"))
def test_a_sentence_typed_at_the_save_question_never_answers_it(
    cli: CliRunner, sentence: str
) -> None:
    # The save question is a choice taken with Enter: letters do nothing, Enter takes
    # the highlighted "Save this reflection" (a one-key Y/n took the first y or n).
    result = reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + sentence + ENTER)
    assert result.code == 0, result.err
    session = only_session()
    takeaway = session.answer("takeaway")
    assert takeaway is not None and takeaway.value == "Ask before I decide"


def test_keeping_it_as_a_draft_is_a_choice_of_its_own(cli: CliRunner) -> None:
    result = reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + DOWN + ENTER)
    assert result.code == 0, result.err
    draft = only_session("draft")
    assert draft.answer("takeaway") is not None
    with open_journal() as journal:
        assert journal.sessions() == []


def test_a_confirm_step_is_answered_by_a_choice_and_enter(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "flows"
    folder.mkdir()
    (folder / "yes.yaml").write_text(
        "id: yes-no\ntitle: Yes or no\ndescription: d\nminutes: 1\nsteps:\n"
        "  - {id: again, kind: confirm, question: Again?, default: true}\n"
        "  - {id: note, kind: text, question: A note?}\n",
        encoding="utf-8",
    )
    # "n" alone used to answer No and leave the rest to the next prompt.
    result = reflect(cli, "no way" + DOWN + ENTER + "fine\r" + ENTER, "--flows", str(folder))
    assert result.code == 0, result.err
    values = {a.step_id: a.value for a in only_session().answers}
    assert values == {"again": False, "note": "fine"}


# -- the takeaway --------------------------------------------------------------------------


def test_the_last_question_of_the_week_is_a_one_line_takeaway(cli: CliRunner) -> None:
    shown = cli("flows", "show", "weekly")
    assert shown.code == 0, shown.err
    steps = re.findall(r"^\d+\. (\S+)", shown.out, flags=re.MULTILINE)
    assert steps[-1] == "takeaway" and "role takeaway" in shown.out.split("takeaway", 1)[1]
    assert reflect(cli, TO_THE_TAKEAWAY + "Ask first #private\r" + ENTER).code == 0
    takeaway = only_session().answer("takeaway")
    assert takeaway is not None and takeaway.role == "takeaway"
    assert takeaway.value == "Ask first" and takeaway.private
    assert takeaway.question == "In one line: what do you take from this week?"


# -- a second reflection in the same week -------------------------------------------------


def answers_file(cli: CliRunner, tmp_path: Path, *args: str) -> Path:
    template = cli("reflect", "--answers-template", *args)
    assert template.code == 0, template.err
    path = tmp_path / "week.yaml"
    path.write_text(template.out.replace('reflect.1: ""', 'reflect.1: "Said no"'), "utf-8")
    return path


def test_a_second_weekly_answers_file_in_one_week_needs_again(
    cli: CliRunner, tmp_path: Path
) -> None:
    path = answers_file(cli, tmp_path)
    first = cli("reflect", "--answers", str(path))
    assert first.code == 0, first.err
    saved = first.out.strip()
    second = cli("reflect", "--answers", str(path))
    assert second.code == 1
    assert second.err.count("\n") == 1, second.err
    assert saved[:8] in second.err and "--again" in second.err
    again = cli("reflect", "--answers", str(path), "--again")
    assert again.code == 0, again.err
    with open_journal() as journal:
        assert len(journal.sessions()) == 2


def test_other_flows_and_other_weeks_are_not_second_reflections(
    cli: CliRunner, tmp_path: Path
) -> None:
    assert cli("reflect", "--answers", str(answers_file(cli, tmp_path))).code == 0
    last_week = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    earlier = answers_file(cli, tmp_path, "--date", last_week)
    assert cli("reflect", "--answers", str(earlier)).code == 0
    monthly = cli("reflect", "--flow", "monthly", "--answers-template")
    path = tmp_path / "monthly.yaml"
    path.write_text(monthly.out, encoding="utf-8")
    for _ in range(2):
        done = cli("reflect", "--answers", str(path))
        assert done.code == 0, done.err


def test_at_the_terminal_a_second_reflection_asks_first(cli: CliRunner) -> None:
    assert reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + ENTER).code == 0
    first = only_session()
    stop = reflect(cli, DOWN + DOWN + ENTER)  # "Stop here"
    assert stop.code == 0, stop.err
    assert only_session().id == first.id
    again = reflect(cli, DOWN + ENTER + TO_THE_TAKEAWAY + TAKEAWAY + ENTER)  # start another
    assert again.code == 0, again.err
    with open_journal() as journal:
        assert len(journal.sessions()) == 2
    assert reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + ENTER, "--again").code == 0


def test_edit_that_one_opens_the_weeks_reflection(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from belonging_cli.cli import journal_edit

    assert reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + ENTER).code == 0
    edited: list[str] = []
    monkeypatch.setattr(journal_edit, "edit_session", lambda settings, sid: edited.append(sid))
    assert reflect(cli, ENTER).code == 0  # "Edit that one" comes first
    assert edited == [only_session().id]


def test_an_earlier_week_reflected_on_is_named_by_its_monday(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = dt.date.today()
    thursday = today - dt.timedelta(days=today.weekday() + 4)  # last week's Thursday
    day = thursday.isoformat()
    assert reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + ENTER, "--date", day).code == 0
    shown: list[str] = []
    say, choose = ask.say, ask.choose

    def said(text: str = "", *args: Any, **kwargs: Any) -> None:
        shown.append(text)
        say(text, *args, **kwargs)

    def offered(question: str, options: list[tuple[str, str]], **kwargs: Any) -> Any:
        shown.extend(label for _, label in options)
        return choose(question, options, **kwargs)

    monkeypatch.setattr(ask, "say", said)
    monkeypatch.setattr(ask, "choose", offered)
    assert reflect(cli, DOWN + DOWN + ENTER, "--date", day).code == 0  # "Stop here"
    monday = thursday - dt.timedelta(days=3)
    assert any(
        line.startswith(f"You reflected for the week of Mon {monday.day} {monday:%b} on")
        for line in shown
    ), shown
    assert "Start another reflection for that week" in shown
    assert not any("this week" in line for line in shown), shown


# -- days a reflection can be for -----------------------------------------------------------


@pytest.mark.parametrize("day", [*_lines("dates.txt"), "tomorrow"])
def test_a_day_before_2000_or_after_today_is_a_usage_error(cli: CliRunner, day: str) -> None:
    if day == "tomorrow":
        day = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    for args in (("--date", day), ("--date", day, "--answers-template")):
        result = cli("reflect", *args)
        assert result.code == 2, result.err
        assert result.err.count("\n") == 1 and "--date" in result.err and day in result.err
        assert "Traceback" not in result.err


def test_an_answers_file_dated_before_2000_is_refused(cli: CliRunner, tmp_path: Path) -> None:
    path = answers_file(cli, tmp_path)
    path.write_text(path.read_text("utf-8") + "date: 1999-01-01\n", "utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1, result.err  # a problem of the file, at its line
    assert result.err.startswith(f"{path}:") and "date" in result.err and "2000-01-01" in result.err
    with open_journal() as journal:
        assert journal.sessions(status=None) == []


# -- Ctrl-C mid-answer -----------------------------------------------------------------------


def test_ctrl_c_keeps_the_half_typed_answer_and_offers_it_back(cli: CliRunner) -> None:
    stopped = reflect(cli, TO_THE_REFLECTIONS + "Half-typed answer that" + CTRL_C)
    assert stopped.code == 130 and "kept" in stopped.err
    draft = only_session("draft")
    assert len(draft.ratings) == 10
    assert "Half-typed answer that" in {a.value for a in draft.answers}
    shown = cli("status")
    # How you are, the win, ten ratings and the focus: not the words.
    assert "(13 questions answered)" in shown.out
    # Resumed, the prompt starts with the words: finish the sentence.
    rest = TO_THE_TAKEAWAY[len(TO_THE_REFLECTIONS) :].split("\r", 1)[1]
    done = reflect(cli, " was finished later\r" + rest + TAKEAWAY + ENTER, "--resume")
    assert done.code == 0, done.err
    session = only_session()
    assert session.id == draft.id
    first = session.answer("reflect.1")
    assert first is not None and first.value == "Half-typed answer that was finished later"
    assert all("~" not in a.step_id for a in session.answers)  # the words were no answer


def test_ctrl_c_in_an_exercise_keeps_the_half_typed_answer_too(
    cli: CliRunner, tmp_path: Path
) -> None:
    from belonging_cli.coaching.example import example_pack
    from belonging_cli.content.rubrics import load_rubric
    from support.cli import REPO

    pack = tmp_path / "pack.yaml"
    pack.write_text(example_pack(load_rubric(REPO / "rubrics")), encoding="utf-8")
    assert cli("exercises", "import", str(pack)).code == 0
    with typed("They found it" + CTRL_C):
        assert cli("exercises", "do", "ask-dont-tell").code == 130
    with typed(" themselves\r" + "Priya\r" + "2\r" + ENTER + ENTER):
        done = cli("exercises", "do", "ask-dont-tell")
    assert done.code == 0, done.err
    answer = only_session().answer("what-happened")
    assert answer is not None and answer.value == "They found it themselves"


# -- an empty sitting ------------------------------------------------------------------------


def test_an_empty_sitting_asks_before_it_is_saved(cli: CliRunner) -> None:
    kept = reflect(cli, BLANK_TO_THE_END + ENTER)  # Enter: keeping the draft comes first
    assert kept.code == 0, kept.err
    assert only_session("draft").status == "draft"
    # Resumed (nothing left to ask), then "Save this reflection with nothing written".
    saved = reflect(cli, ENTER + DOWN + ENTER)
    assert saved.code == 0, saved.err
    assert only_session().status == "complete"


def test_an_empty_answers_file_is_saved_and_said_so(cli: CliRunner, tmp_path: Path) -> None:
    template = cli("reflect", "--answers-template")
    path = tmp_path / "blank.yaml"
    path.write_text(template.out, encoding="utf-8")
    result = cli("reflect", "--answers", str(path))
    assert result.code == 0, result.err
    assert "blank" in result.err
    assert only_session().status == "complete"


# -- progress and days, one way --------------------------------------------------------------


def test_a_drafts_progress_and_day_are_written_one_way(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(ask, "say", lambda text="", *a, **k: said.append(text))
    today = dt.date.today()
    day = next(
        today - dt.timedelta(days=n) for n in range(40) if (today - dt.timedelta(n)).day < 10
    )
    assert reflect(cli, "3\r" * 5 + CTRL_C, "--date", day.isoformat()).code == 130
    status = cli("status")
    assert "(5 questions answered)" in status.out
    reflect(cli, CTRL_C)
    written = f"{day:%a} {day.day} {day:%b}"  # "Tue 1 Dec", never "Tue 01 Dec"
    assert any(f"from {written} (5 questions answered)" in line for line in said), said
    reflect(cli, CTRL_C, "--resume")
    picked = re.search(r"from (.+?): 5 of (\d+) questions answered", "\n".join(said))
    assert picked is not None and picked[1] == written and int(picked[2]) > 5
