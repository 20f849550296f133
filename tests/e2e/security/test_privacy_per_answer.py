"""Privacy that matches what people write (issue 13), through the real CLI.

Free text is private unless the flow or the person says otherwise: notes on a
rating, an experiment review's notes and the reflections are private when nothing
is marked; ratings, the chosen experiment's title and the takeaway are shareable.
Privacy is per answer, never per record: a private note on an experiment hides that
note only, while its title and outcome stay in every shared format and in the
coach's roll-up.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from support.cli import REPO, CliRunner
from support.weekly_answers import weekly_answers, write_answers

FORMATS = ("md", "html", "json")
FIRST = dt.date(2026, 3, 4)
NAMES_A_COLLEAGUE = "Presented the plan myself and didn't name Jonas"
LEARNED = "Credit travels further when I hand it on"
EVIDENCE = "Priya opened the retro and I kept quiet"
TAKEAWAY = "Hand the room to the team earlier"


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)


def rubric_experiment() -> tuple[str, str]:
    behaviour = load_rubric(REPO / "rubrics").find("credit-to-others")
    assert behaviour is not None
    return behaviour.experiments[0].id, behaviour.experiments[0].title


def two_weeks(cli: CliRunner, folder: Path, **second: Any) -> str:
    """A first week that sets a rubric experiment, a second that reviews it."""
    exp_id, title = rubric_experiment()
    first = weekly_answers(focus="credit-to-others", **{"next-experiment": exp_id})
    first["date"] = FIRST.isoformat()
    assert cli("reflect", "--answers", str(write_answers(folder, first))).code == 0
    answers = weekly_answers(**{"review": "tried", **second})
    answers["date"] = (FIRST + dt.timedelta(weeks=1)).isoformat()
    result = cli("reflect", "--answers", str(write_answers(folder, answers, "two.json")))
    assert result.code == 0, result.err
    return title


def shared(cli: CliRunner, fmt: str) -> str:
    result = cli("report", "--share", "--format", fmt, "--period", "all")
    assert result.code == 0, result.err
    return result.out


def test_a_private_review_note_hides_that_note_only(cli: CliRunner, tmp_path: Path) -> None:
    title = two_weeks(
        cli,
        tmp_path,
        **{
            "review.happened": f"{NAMES_A_COLLEAGUE} #private",
            "review.learned": {"text": LEARNED, "private": False},
        },
    )
    with open_journal() as journal:
        (done,) = journal.experiments(status="done")
    assert (done.title, done.private, done.happened_private, done.learned_private) == (
        title,
        False,
        True,
        False,
    )
    for fmt in FORMATS:
        out = shared(cli, fmt)
        assert NAMES_A_COLLEAGUE not in out, fmt
        assert title.replace("'", "&#39;") in out or title in out, fmt
        assert LEARNED in out, fmt
    item = json.loads(shared(cli, "json"))["experiments"]["items"][0]
    assert (item["title"], item["outcome"], item["happened"], item["learned"]) == (
        title,
        "tried",
        None,
        LEARNED,
    )
    mine = cli("report", "--format", "md", "--period", "all").out
    assert NAMES_A_COLLEAGUE in mine and title in mine


def test_notes_and_evidence_are_private_when_nothing_is_marked(
    cli: CliRunner, tmp_path: Path
) -> None:
    """What people write names colleagues: unmarked, it stays home; the takeaway and
    the chosen title are written to be read, so they go."""
    title = two_weeks(
        cli,
        tmp_path,
        **{
            "review.happened": NAMES_A_COLLEAGUE,
            "review.learned": LEARNED,
            "pulse.credit-to-others": 4,
            "pulse.credit-to-others.evidence": EVIDENCE,
            "takeaway": TAKEAWAY,
        },
    )
    with open_journal() as journal:
        last = max(journal.sessions(), key=lambda s: s.week)
        (done,) = journal.experiments(status="done")
    rating = last.rating("credit-to-others")
    assert rating is not None and (rating.evidence, rating.evidence_private) == (EVIDENCE, True)
    assert (done.happened_private, done.learned_private, done.private) == (True, True, False)
    takeaway = last.answer("takeaway")
    assert takeaway is not None and not takeaway.private
    for step in ("reflect.1", "win", "control"):  # control: this file's lens
        stored = last.answer(step)
        assert stored is not None and stored.private, step
    for fmt in FORMATS:
        out = shared(cli, fmt)
        for words in (NAMES_A_COLLEAGUE, LEARNED, EVIDENCE):
            assert words not in out, (fmt, words)
        assert title in out.replace("&#39;", "'"), fmt
    assert '"level":4' in shared(cli, "json").replace(" ", "")  # ratings are shared


CUSTOM = """\
id: short
title: Short
description: A short one.
minutes: 2
steps:
  - {id: note, kind: long_text, question: What happened?}
  - {id: open, kind: text, question: Say it to everyone, private: false}
  - {id: line, kind: text, role: takeaway, question: One line to take away?}
"""


def test_a_flow_without_private_lines_keeps_words_private_but_the_takeaway(
    cli: CliRunner, tmp_path: Path
) -> None:
    flows = tmp_path / "flows"
    flows.mkdir()
    (flows / "short.yaml").write_text(CUSTOM, encoding="utf-8")
    answers = {"flow": "short", "answers": {"note": "Lena", "open": "Hello", "line": "Go"}}
    path = write_answers(tmp_path, answers)
    result = cli("reflect", "--flows", str(flows), "--answers", str(path))
    assert result.code == 0, result.err
    with open_journal() as journal:
        (session,) = journal.sessions()
    privacy = {a.step_id: a.private for a in session.answers}
    assert privacy == {"note": True, "open": False, "line": False}


def test_an_old_journals_private_experiment_stays_hidden_whole(
    cli: CliRunner, tmp_path: Path, isolated_home: Path
) -> None:
    """Before privacy was per note, one flag hid the experiment: a journal made then
    keeps hiding all of it (what it stored is not rewritten)."""
    from belonging_cli.records import JournalData
    from support.old_journals import write_old_journal
    from support.report_builders import experiment, session

    old = experiment("2026-W10", "protect-time", "OLD-SECRET-TITLE", happened="OLD-NOTE")
    old = type(old)(**{**{f: getattr(old, f) for f in old.__dataclass_fields__}, "private": True})
    data = JournalData(sessions=(session("2026-W10", {"protect-time": 3}),), experiments=(old,))
    write_old_journal(isolated_home / "journal.db", version=3, data=data)
    for fmt in FORMATS:
        out = shared(cli, fmt)
        assert "OLD-SECRET-TITLE" not in out and "OLD-NOTE" not in out, fmt
    with open_journal() as journal:
        (kept,) = journal.experiments()
    assert (kept.private, kept.happened_private, kept.learned_private) == (True, True, True)


def test_an_older_exports_private_experiment_keeps_its_notes_private(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export written before notes had their own flag: one `private` meant all of it."""
    notes = {"review.happened": {"text": "Noted", "private": False}, "review.learned": ""}
    two_weeks(cli, tmp_path, **notes)
    exported = tmp_path / "export.json"
    assert cli("journal", "export", "--out", str(exported)).code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    for item in data["experiments"]:
        item.pop("happened_private")
        item.pop("learned_private")
        item["private"] = True
    exported.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("BELONGING_HOME", str(tmp_path / "elsewhere"))
    result = cli("journal", "import", str(exported))
    assert result.code == 0, result.err
    with open_journal() as journal:
        found = journal.experiments()
    assert found and all(e.happened_private and e.learned_private for e in found)
