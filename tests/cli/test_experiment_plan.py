"""The weekly's experiment asks when and with whom, and how sure (0-10); next week's
review shows that plan above "Did you try it?" (issue 15's commitment). Through the
real `belonging reflect --answers`, the journal read back as the next sitting reads it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from belonging_cli.clock import iso_week
from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.engine.history import History
from belonging_cli.engine.session import Engine
from belonging_cli.journal.store import open_journal
from support.cli import CliRunner
from support.places import REPO
from support.weekly_answers import weekly_answers, write_answers

TODAY = dt.date.today()
PLAN = "Tuesday's stand-up, with Sam"


def last_week(cli: CliRunner, tmp_path: Path, **plan: Any) -> None:
    data = weekly_answers(**plan)
    data["date"] = (TODAY - dt.timedelta(days=7)).isoformat()
    result = cli("reflect", "--answers", str(write_answers(tmp_path, data)))
    assert result.code == 0, result.err


def this_weeks_review() -> tuple[str, ...]:
    with open_journal() as journal:
        history = History.from_journal(journal)
    weekly = load_flows(REPO / "prompts").get("weekly")
    engine = Engine(weekly, load_rubric(REPO / "rubrics"), history, iso_week(TODAY), TODAY)
    review = next(q for q in engine.questions() if q.id == "review")
    return review.details


def test_the_plan_is_kept_and_shown_at_next_weeks_review(cli: CliRunner, tmp_path: Path) -> None:
    last_week(
        cli,
        tmp_path,
        **{"next-experiment.when": PLAN, "next-experiment.confidence": 7},
    )
    with open_journal() as journal:
        (session,) = journal.sessions()
    when = session.answer("next-experiment.when")
    assert when is not None and when.value == PLAN and when.private  # it names Sam
    assert f"Your plan: {PLAN}; 7 of 10 sure" in this_weeks_review()


def test_a_plan_left_out_shows_nothing(cli: CliRunner, tmp_path: Path) -> None:
    last_week(cli, tmp_path, **{"next-experiment.confidence": "not said"})
    assert not any(line.startswith("Your plan") for line in this_weeks_review())


def test_a_confidence_outside_0_to_10_is_refused_at_its_line(
    cli: CliRunner, tmp_path: Path
) -> None:
    data = weekly_answers(**{"next-experiment.confidence": 11})
    path = write_answers(tmp_path, data)
    result = cli("reflect", "--answers", str(path))
    assert result.code == 1
    assert f"{path}:" in result.err and "next-experiment.confidence" in result.err
    with open_journal() as journal:
        assert journal.sessions() == []  # nothing half written


def test_a_plan_without_an_experiment_is_not_asked(cli: CliRunner, tmp_path: Path) -> None:
    data = weekly_answers(**{"next-experiment.when": PLAN})
    del data["answers"]["next-experiment"]
    result = cli("reflect", "--answers", str(write_answers(tmp_path, data)))
    assert result.code == 1 and "next-experiment" in result.err
