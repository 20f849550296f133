"""Four things a fresh-eyes trial of the reports found (issue 14, part G), through the
real CLI: piped output has no trailing padding; `journal list` rounds an average half
up; a week's HTML report with weeks behind it does not call it the first week; the
answers template says a review's notes are required."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from support.cli import CliRunner
from support.demo_home import demo_home
from support.weekly_answers import BEHAVIOURS, weekly_answers, write_answers


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_home(tmp_path_factory.mktemp("trial_g"), weeks=6)


def _session_id(cli: CliRunner, demo: Path) -> str:
    listed = cli("--home", str(demo), "journal", "list", "--json")
    return str(json.loads(listed.out)[0]["id"])


@pytest.mark.parametrize(
    "args",
    [
        ("progress",),
        ("progress", "--period", "all"),
        ("journal", "show", "LATEST"),
        ("flows", "list"),
        ("rubric", "show", "1"),
        ("exercises", "list"),
        ("journal", "search", "the"),
    ],
    ids=" ".join,
)
def test_piped_output_has_no_trailing_spaces(
    cli: CliRunner, demo: Path, args: tuple[str, ...]
) -> None:
    args = tuple(_session_id(cli, demo) if a == "LATEST" else a for a in args)
    result = cli("--home", str(demo), *args)
    assert result.code == 0, result.err
    assert result.out.strip()
    padded = [line for line in result.out.splitlines() if line != line.rstrip()]
    assert padded == []


def _reflect(cli: CliRunner, folder: Path, day: dt.date, **answers: object) -> None:
    data = {"date": day.isoformat(), **weekly_answers(**answers)}
    result = cli("reflect", "--answers", str(write_answers(folder, data, f"{day}.json")))
    assert result.code == 0, result.err


def test_journal_list_rounds_an_average_half_up(cli: CliRunner, tmp_path: Path) -> None:
    today = dt.date.today()
    unseen = {f"pulse.{b}": "not seen" for b in BEHAVIOURS[4:]}
    # Four ratings a week: 3, 3, 3, 4 average 3.25; 2, 3, 3, 3 average 2.75.
    for weeks, levels in ((2, (3, 3, 3, 4)), (1, (2, 3, 3, 3))):
        rated = {f"pulse.{b}": level for b, level in zip(BEHAVIOURS, levels, strict=False)}
        _reflect(cli, tmp_path, today - dt.timedelta(weeks=weeks), **rated, **unseen)
    listed = cli("journal", "list")
    assert listed.code == 0, listed.err
    # The avg column: the one number with a decimal on a line (the 2.0 weekly has no tags).
    averages = [re.findall(r" (\d\.\d)(?: |$)", line)[0] for line in listed.out.splitlines()[1:]]
    assert averages == ["2.8", "3.3"]


def test_a_week_report_with_history_does_not_call_it_the_first_week(
    cli: CliRunner, demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "week.html"
    made = cli(
        "--home", str(demo), "report", "--period", "week", "--format", "html", "--out", str(out)
    )
    assert made.code == 0, made.err
    page = out.read_text(encoding="utf-8")
    assert "second week" not in page
    assert "one week so far" not in page.lower()
    assert "one week in this period" in page.lower()


def test_a_first_week_ever_still_says_so(cli: CliRunner, tmp_path: Path) -> None:
    _reflect(cli, tmp_path, dt.date.today())
    out = tmp_path / "first.html"
    made = cli("report", "--period", "week", "--format", "html", "--out", str(out))
    assert made.code == 0, made.err
    page = out.read_text(encoding="utf-8")
    assert "One week so far" in page
    assert "the chart starts with your second week" in page


def _with_open_experiment(cli: CliRunner, folder: Path) -> str:
    _reflect(cli, folder, dt.date.today() - dt.timedelta(weeks=1))
    printed = cli("reflect", "--answers-template")
    assert printed.code == 0, printed.err
    return printed.out


def test_the_answers_template_says_the_review_notes_are_required(
    cli: CliRunner, tmp_path: Path
) -> None:
    template = _with_open_experiment(cli, tmp_path)
    for note in ("happened", "learned"):
        line = next(t for t in template.splitlines() if f"# review.{note}:" in t)
        assert line.endswith("# required with tried, partly or not_tried"), line
    # As printed, the template is valid YAML with the review's notes still commented out.
    assert "review.happened" not in yaml.safe_load(template)["answers"]


def test_a_partly_without_its_notes_is_refused_at_its_place(cli: CliRunner, tmp_path: Path) -> None:
    template = _with_open_experiment(cli, tmp_path)
    data = yaml.safe_load(template)
    data["answers"]["review"] = "partly"
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    refused = cli("reflect", "--answers", str(path))
    assert refused.code == 1
    lines = refused.err.splitlines()
    assert all(line.startswith(f"{path}:") for line in lines), refused.err  # file:line:col
    assert "review.happened: required" in refused.err
    assert "review.learned: required" in refused.err
    assert "Traceback" not in refused.err
    listed = cli("journal", "list", "--json")
    assert len(json.loads(listed.out)) == 1  # nothing saved
