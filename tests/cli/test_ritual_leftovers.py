"""Four leftovers of the weekly ritual (issues 13 and 15), through the real `belonging
reflect`, `status` and `report`, keys through prompt_toolkit's pipe input:

- the levers question preselects nothing: Enter on its first line leaves it out, as
  the experiment plan's "how sure" does; a number still picks a lever;
- a weekly after week one (the intake) in the same week is a second reflection, asked
  about at the terminal and refused from an answers file without `--again`;
- a later reflection in the same week (weekly, quick, `--again`) sets the week's
  experiment in place of the one set earlier that week: one experiment open.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from belonging_cli import ask
from belonging_cli.journal.store import open_journal
from belonging_cli.records import Session
from support.cli import CliRunner, Result
from support.keys import ENTER
from support.reflecting import answers_file, reflect
from support.weekly_keys import PLAN, REFLECTIONS, TO_THE_REFLECTIONS, TO_THE_TAKEAWAY

DOWN = "\x1b[B"
TAKEAWAY = "Ask before I decide\r"
LEVERS = ("structural", "relational", "both", "neither")  # the choices a person makes


@pytest.fixture(autouse=True)
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: True)


def only_session() -> Session:
    with open_journal() as journal:
        (session,) = journal.sessions(status="complete")
    return session


def every_session() -> list[Session]:
    with open_journal() as journal:
        return journal.sessions()


def report_json(cli: CliRunner) -> dict[str, Any]:
    result = cli("report", "--format", "json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


# -- the levers: nothing preselected ------------------------------------------------------


def test_enter_at_the_levers_question_chooses_no_lever(cli: CliRunner) -> None:
    # Enter alone at every choice (TO_THE_TAKEAWAY): the levers recorded as not said,
    # never "both" on the person's behalf; the report counts no week's levers.
    result = reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + ENTER)
    assert result.code == 0, result.err
    levers = only_session().answer("levers")
    assert levers is None or levers.value not in LEVERS
    assert report_json(cli)["balance"]["levers"] == []


def test_the_levers_first_line_says_nothing_and_is_the_highlighted_one(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    menus: dict[str, tuple[list[str], Any]] = {}
    real = ask._menu

    def menu(message: str, options: list[tuple[Any, str, Any]], **how: Any) -> Any:
        menus[message] = ([title for _, title, _ in options], how.get("default"))
        return real(message, options, **how)

    monkeypatch.setattr(ask, "_menu", menu)
    assert reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + ENTER).code == 0
    ((titles, default),) = [v for k, v in menus.items() if k.startswith("Which levers")]
    assert titles[0] == "(leave it out)" and default == "not said"
    assert "Both, combined" in titles[1:]


def test_a_number_still_picks_a_lever(cli: CliRunner) -> None:
    keys = (
        TO_THE_REFLECTIONS
        + REFLECTIONS
        + "2\r"  # levers: the second lever listed, mostly structural
        + "Overrode Sam's estimate\r"
        + ENTER
        + PLAN
    )
    assert reflect(cli, keys + TAKEAWAY + ENTER).code == 0
    levers = only_session().answer("levers")
    assert levers is not None and levers.value == "structural"
    assert report_json(cli)["balance"]["levers"][0]["value"] == "structural"


def test_an_answers_file_may_leave_the_levers_out_or_name_one(
    cli: CliRunner, tmp_path: Path
) -> None:
    path = answers_file(cli, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert '  levers: "not said"\n' in text  # the template as the terminal: none chosen
    path.write_text(text.replace('  levers: "not said"\n', ""), encoding="utf-8")
    assert cli("reflect", "--answers", str(path)).code == 0
    path.write_text(text.replace('levers: "not said"', "levers: relational"), encoding="utf-8")
    assert cli("reflect", "--answers", str(path), "--again").code == 0
    levers = report_json(cli)["balance"]["levers"]
    assert [p["value"] for p in levers] == ["relational"]


LEVERS_FILE = Path(__file__).resolve().parents[1] / "hostile" / "ritual_leftovers" / "levers.yaml"
CORPUS = yaml.safe_load(LEVERS_FILE.read_text(encoding="utf-8"))


def levers_written(cli: CliRunner, tmp_path: Path, raw: Any) -> tuple[Result, Path]:
    path = answers_file(cli, tmp_path)
    line = f"  levers: {json.dumps(raw)}\n"
    text = path.read_text(encoding="utf-8").replace('  levers: "not said"\n', line)
    path.write_text(text, encoding="utf-8")
    return cli("reflect", "--answers", str(path)), path


@pytest.mark.parametrize(("raw", "kept"), CORPUS["kept"])
def test_an_answers_files_lever_is_kept(
    cli: CliRunner, tmp_path: Path, raw: Any, kept: str
) -> None:
    result, _ = levers_written(cli, tmp_path, raw)
    assert result.code == 0, result.err
    levers = only_session().answer("levers")
    assert levers is not None and levers.value == kept


@pytest.mark.parametrize("raw", CORPUS["left_out"])
def test_an_empty_lever_leaves_it_out(cli: CliRunner, tmp_path: Path, raw: Any) -> None:
    result, _ = levers_written(cli, tmp_path, raw)
    assert result.code == 0, result.err
    levers = only_session().answer("levers")
    assert levers is None or levers.value not in LEVERS
    assert report_json(cli)["balance"]["levers"] == []


@pytest.mark.parametrize("raw", CORPUS["refused"], ids=repr)
def test_anything_else_is_refused_at_its_line(cli: CliRunner, tmp_path: Path, raw: Any) -> None:
    result, path = levers_written(cli, tmp_path, raw)
    assert result.code == 1
    assert result.err.startswith(f"{path}:") and "answers.levers: " in result.err
    assert "Traceback" not in result.err
    with open_journal() as journal:
        assert journal.sessions() == []  # nothing half written


# -- a weekly after week one ------------------------------------------------------------


def test_a_weekly_answers_file_after_the_intake_in_the_same_week_needs_again(
    cli: CliRunner, tmp_path: Path
) -> None:
    intake = cli("reflect", "--answers", str(answers_file(cli, tmp_path, "--flow", "intake")))
    assert intake.code == 0, intake.err
    weekly = answers_file(cli, tmp_path)
    second = cli("reflect", "--answers", str(weekly))
    assert second.code == 1
    assert second.err.count("\n") == 1, second.err
    assert intake.out.strip()[:8] in second.err and "--again" in second.err
    assert cli("reflect", "--answers", str(weekly), "--again").code == 0


def test_a_weekly_after_the_intake_asks_first_at_the_terminal(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    intake = answers_file(cli, tmp_path, "--flow", "intake")
    assert cli("reflect", "--answers", str(intake)).code == 0
    said: list[str] = []
    monkeypatch.setattr(ask, "say", lambda text="", *a, **k: said.append(text))
    stop = reflect(cli, DOWN + DOWN + ENTER)  # "Stop here"
    assert stop.code == 0, stop.err
    assert any(line.startswith("You reflected for this week on ") for line in said)
    assert [s.flow_id for s in every_session()] == ["intake"]


def test_the_intake_after_a_weekly_is_not_held_back(cli: CliRunner, tmp_path: Path) -> None:
    # Week one is asked once, whenever: a weekly before it does not make it a second.
    assert cli("reflect", "--answers", str(answers_file(cli, tmp_path))).code == 0
    intake = cli("reflect", "--answers", str(answers_file(cli, tmp_path, "--flow", "intake")))
    assert intake.code == 0, intake.err


# -- one experiment open for next week ------------------------------------------------------


def open_experiments(cli: CliRunner) -> list[dict[str, Any]]:
    status = json.loads(cli("status", "--json").out)
    assert status["experiment"] is not None
    report = report_json(cli)["experiments"]["open_now"]
    assert status["experiment"].get("more_open", 0) == len(report) - 1
    return list(report)


def choosing(path: Path, experiment: str) -> Path:
    """The answers file at `path` choosing `experiment` (the person's own) next."""
    text = re.sub(
        r"(?m)^  next-experiment: .*$",
        f"  next-experiment: {experiment!r}",
        path.read_text("utf-8"),
    )
    path.write_text(text, "utf-8")
    return path


def test_weekly_quick_and_again_in_one_week_leave_the_latest_experiment_open(
    cli: CliRunner, tmp_path: Path
) -> None:
    weekly = answers_file(cli, tmp_path)
    assert cli("reflect", "--answers", str(weekly)).code == 0
    quick = choosing(answers_file(cli, tmp_path, "--quick"), "Ask Sam first")
    assert cli("reflect", "--answers", str(quick), "--again").code == 0
    (only,) = open_experiments(cli)
    assert only["title"] == "Ask Sam first"
    again = cli("reflect", "--answers", str(choosing(weekly, "Speak last at planning")), "--again")
    assert again.code == 0, again.err
    assert (  # said, with what it replaces
        "Next week's experiment, 'Speak last at planning', replaces the one set earlier "
        "this week ('Ask Sam first')."
    ) in again.err
    (only,) = open_experiments(cli)
    assert only["title"] == "Speak last at planning"
    with open_journal() as journal:
        (experiment,) = journal.experiments()
        newest = journal.sessions()[0]
    assert experiment.created_session_id == newest.id  # its plan is the latest's


def test_at_the_terminal_start_another_sets_the_weeks_experiment_anew(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert reflect(cli, TO_THE_TAKEAWAY + TAKEAWAY + ENTER).code == 0
    said: list[str] = []
    monkeypatch.setattr(ask, "say", lambda text="", *a, **k: said.append(text))
    again = reflect(cli, DOWN + ENTER + TO_THE_TAKEAWAY + TAKEAWAY + ENTER)  # start another
    assert again.code == 0, again.err
    # The recap after saving says it (at words, within 60 columns).
    recap = " ".join(said[said.index(next(s for s in said if s.startswith("Next: "))) :])
    assert "It replaces the one set earlier this week" in recap
    assert len(open_experiments(cli)) == 1


def test_last_weeks_experiment_and_other_flows_experiments_stay_open(
    cli: CliRunner, tmp_path: Path
) -> None:
    import datetime as dt

    a_week_ago = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    earlier = answers_file(cli, tmp_path, "--date", a_week_ago)
    assert cli("reflect", "--answers", str(earlier)).code == 0
    # This week's reflection leaves last week's open (its review skipped) and opens its own.
    assert cli("reflect", "--answers", str(answers_file(cli, tmp_path))).code == 0
    assert len(open_experiments(cli)) == 2


def test_a_deep_dives_experiment_in_the_same_week_is_its_own(
    cli: CliRunner, tmp_path: Path
) -> None:
    # A deep dive can come any day: its experiment is not the week's reflection's.
    assert cli("reflect", "--answers", str(answers_file(cli, tmp_path))).code == 0
    deep = answers_file(cli, tmp_path, "--flow", "deep-dive", "--behaviour", "protect-time")
    assert cli("reflect", "--answers", str(deep)).code == 0
    assert len(open_experiments(cli)) == 2
