"""Flows say what a step means with `role:`; reports read roles, not the weekly flow's ids.

A custom flow keeps its report sections, old journals and old exports get the roles
their step ids meant, and the monthly recap counts what the report counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.history import History
from belonging_cli.engine.session import Engine
from belonging_cli.journal.exchange import export_json, read_export
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Answer, Experiment, JournalData, Role, Session
from support.cli import CliRunner
from support.old_journals import write_old_journal

UTC = dt.timezone.utc
DAY = dt.date(2026, 11, 27)
AT = dt.datetime(2026, 11, 27, 16, 0, tzinfo=UTC)

LEANING_FLOW = """\
id: leaning
title: My own week
description: A week in my own words.
minutes: 5
steps:
  - id: grip
    kind: long_text
    role: control
    question: Where did I hold on too tight?
    private: false
  - id: lead
    kind: long_text
    role: influence
    question: Where did I let people find their own way?
    private: false
  - id: leaning
    kind: scale
    role: balance
    question: How did I lead?
    labels: [mostly control, more control, even, more influence, mostly influence]
    default: 3
"""


def _flows(tmp_path: Path, text: str = LEANING_FLOW) -> Path:
    folder = tmp_path / "flows"
    folder.mkdir(exist_ok=True)
    (folder / "mine.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_custom_flow_whose_balance_step_is_called_leaning_keeps_control_or_influence(
    cli: CliRunner, tmp_path: Path
) -> None:
    folder = _flows(tmp_path)
    answers = tmp_path / "week.yaml"
    answers.write_text(
        "flow: leaning\nanswers:\n  grip: I rewrote the plan.\n  lead: I asked first.\n"
        "  leaning: 2\n",
        encoding="utf-8",
    )
    done = cli("reflect", "--flows", str(folder), "--answers", str(answers))
    assert done.code == 0, done.err
    report = cli("report", "--format", "json")
    assert report.code == 0, report.err
    balance = json.loads(report.out)["balance"]
    assert [p["value"] for p in balance["series"]] == [2]
    assert balance["notes"][0]["control"] == "I rewrote the plan."
    assert balance["notes"][0]["influence"] == "I asked first."
    markdown = cli("report").out
    assert "I rewrote the plan." in markdown


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "  - id: again\n    kind: scale\n    role: balance\n    question: Again?\n"
            "    labels: [a, b, c, d, e]\n",
            "only one step can have the role balance",
        ),
        (
            "  - id: words\n    kind: long_text\n    role: review\n    question: Hm?\n",
            "the role review is for a review step",
        ),
        ("  - id: words\n    kind: text\n    role: boss\n    question: Hm?\n", "role"),
    ],
)
def test_roles_are_checked_and_located(
    cli: CliRunner, tmp_path: Path, change: str, message: str
) -> None:
    folder = _flows(tmp_path, LEANING_FLOW + change)
    result = cli("flows", "validate", str(folder))
    assert result.code == 1
    assert f"{folder / 'mine.yaml'}:" in result.err and message in result.err


def test_the_packaged_weekly_flow_names_its_meaningful_steps() -> None:
    weekly = load_flows().get("weekly")
    roles = {s.id: s.role for s in weekly.steps if s.role}
    assert roles == {
        "review": "review",
        "win": "takeaway",
        "levers": "levers",
        "control": "control",
        "influence": "influence",
        "takeaway": "takeaway",
    }


def _old_session(week_day: dt.date, answers: tuple[Answer, ...], flow: str = "weekly") -> Session:
    at = dt.datetime.combine(week_day, dt.time(16), tzinfo=UTC)
    return Session(
        id=f"00000000-0000-4000-8000-{week_day.toordinal():012d}",
        flow_id=flow,
        rubric_id="belonging-core",
        rubric_version="1.0.0",
        started_at=at,
        week=iso_week(week_day),
        status="complete",
        completed_at=at,
        answers=answers,
    )


OLD_ANSWERS = (
    Answer("review", "review", "tried", AT, question="Ask first"),
    Answer("review.learned", "long_text", "Silence is not agreement.", AT),
    Answer("control", "long_text", "I rewrote the plan.", AT),
    Answer("influence", "long_text", "I asked the team.", AT),
    Answer("balance", "scale", 4, AT),
    Answer("tip", "text", "Ask before deciding.", AT),
    Answer("focus", "focus", "protect-time", AT),
)
OLD_ROLES: list[Role | None] = [
    "review",
    "review",
    "control",
    "influence",
    "balance",
    "takeaway",
    None,
]


def test_an_old_journal_is_migrated_with_the_roles_its_step_ids_meant(
    cli: CliRunner, isolated_home: Path
) -> None:
    path = isolated_home / "journal.db"
    five = _old_session(
        DAY - dt.timedelta(days=7),
        (
            Answer("control", "scale", 3, AT),  # a rating of control, not a note on it
            Answer("control-where", "long_text", "The budget.", AT),
        ),
        flow="five-concepts",
    )
    write_old_journal(path, 2, JournalData(sessions=(_old_session(DAY, OLD_ANSWERS), five)))
    with open_journal(path) as journal:
        sessions = {s.flow_id: s for s in journal.load_all().sessions}
    assert [a.role for a in sessions["weekly"].answers] == OLD_ROLES
    assert [a.role for a in sessions["five-concepts"].answers] == [None, "control"]
    report = json.loads(cli("report", "--format", "json").out)
    assert [p["value"] for p in report["balance"]["series"]] == [4]
    notes = {n["week"]: n["control"] for n in report["balance"]["notes"]}
    # The five-concepts scale's "3" is no longer read as a note on control.
    assert notes == {iso_week(DAY): "I rewrote the plan.", five.week: "The budget."}


def test_export_and_import_carry_roles_and_an_old_export_gets_them(tmp_path: Path) -> None:
    roled = tuple(
        dataclasses.replace(a, role=r) for a, r in zip(OLD_ANSWERS, OLD_ROLES, strict=True)
    )
    mine = Answer("leaning", "scale", 2, AT, role="balance")
    data = JournalData(sessions=(_old_session(DAY, (*roled, mine)),))
    exported = export_json(data)
    answers = json.loads(exported)["sessions"][0]["answers"]
    assert [a["role"] for a in answers] == [*OLD_ROLES, "balance"]
    back = tmp_path / "export.json"
    back.write_text(exported, encoding="utf-8")
    again = read_export(back).sessions[0].answers
    assert [a.role for a in again] == [*OLD_ROLES, "balance"]
    # An export written before roles existed has no `role` keys at all.
    old = json.loads(exported)
    for answer in old["sessions"][0]["answers"]:
        del answer["role"]
    back.write_text(json.dumps(old), encoding="utf-8")
    imported = read_export(back).sessions[0].answers
    assert [a.role for a in imported] == [*OLD_ROLES, None]


def _reviewed(title: str, learned: str, when: dt.datetime) -> Experiment:
    return Experiment(
        id=title,
        behaviour_id="protect-time",
        title=title,
        week=iso_week(when.date()),
        created_at=when - dt.timedelta(days=7),
        status="done",
        outcome="tried",
        learned=learned,
        reviewed_at=when,
        reviewed_session_id="s",
    )


def test_the_monthly_recap_counts_the_experiments_reviewed_as_the_report_does() -> None:
    rubric = load_rubric()
    monthly = load_flows().get("monthly")
    week_ago = AT - dt.timedelta(days=7)
    # Two experiments reviewed in one sitting, and a session that wrote no review
    # answers at all (as demo journals do): the experiments are what was reviewed.
    reviewed = (_reviewed("Block an hour", "Mornings work", week_ago), _reviewed("Say no", "", AT))
    old = _reviewed("Long ago", "Forgotten", AT - dt.timedelta(days=90))
    history = History(past_experiments=(*reviewed, old))
    engine = Engine(monthly, rubric, history, iso_week(DAY), DAY)
    recap = engine.next_question()
    assert recap is not None and recap.kind == "recap"
    assert "Experiments reviewed: 2" in recap.details
    assert "  Block an hour: Mornings work" in recap.details
    assert not any("Long ago" in line for line in recap.details)


def test_answers_keep_the_role_of_their_step(tmp_path: Path) -> None:
    flow = load_flows(_flows(tmp_path)).get("leaning")
    engine = Engine(flow, load_rubric(), History(), iso_week(DAY), DAY)
    while (question := engine.next_question()) is not None:
        engine.answer(question, 2 if question.kind == "scale" else "words", AT)
    draft = Session("s", "leaning", "belonging-core", "1", AT, iso_week(DAY))
    done = engine.completed(draft, AT)
    assert {a.step_id: a.role for a in done.answers} == {
        "grip": "control",
        "lead": "influence",
        "leaning": "balance",
    }
