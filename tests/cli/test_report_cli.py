"""`belonging report`, `progress` and `demo` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli import clock
from belonging_cli.errors import UsageProblem
from belonging_cli.journal.store import open_journal
from belonging_cli.records import JournalData
from belonging_cli.reports.command import parse_date
from support.cli import CliRunner
from support.report_builders import NOW, answer, sample_journal, session


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports are about 'the last 12 weeks': pin today to 2026-11-27 (week 2026-W48)."""
    monkeypatch.setattr(clock, "now", lambda zone=None: NOW.astimezone(zone))


def write_journal(home: Path, data: JournalData) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "journal.db"
    with open_journal(path) as journal:
        journal.import_data(data)
    return path


def test_an_empty_journal_gets_a_friendly_message(cli: CliRunner, isolated_home: Path) -> None:
    result = cli("report")
    assert result.code == 0
    assert result.out == ""
    assert "no reflections yet" in result.err and "belonging demo" in result.err
    assert not (isolated_home / "journal.db").exists()  # a report never creates a journal
    assert cli("progress").code == 0


def test_a_period_without_reflections_says_where_to_look(
    cli: CliRunner, isolated_home: Path
) -> None:
    write_journal(isolated_home, sample_journal())
    result = cli("report", "--since", "2025-01-01", "--until", "2025-03-01")
    assert result.code == 0 and result.out == ""
    assert "No reflections between" in result.err and "--period all" in result.err


def test_the_default_report_is_markdown_on_stdout(cli: CliRunner, isolated_home: Path) -> None:
    write_journal(isolated_home, sample_journal())
    result = cli("report")
    assert result.code == 0, result.err
    assert result.out.startswith("# Progress report\n")
    assert "Covering the last 12 weeks" in result.out
    assert "| 1. Cultivate belonging | 2 | 4 | +2 |" in result.out


def test_out_picks_the_format_and_keeps_the_file_private(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    write_journal(isolated_home, sample_journal())
    target = tmp_path / "reports" / "q4.html"
    result = cli("report", "--out", str(target))
    assert result.code == 0, result.err
    assert result.out == ""
    assert f"Report written to {target}" in result.err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_share_says_how_much_was_left_out(cli: CliRunner, isolated_home: Path) -> None:
    week = "2026-W48"
    data = JournalData(
        sessions=(
            session(
                week,
                {"protect-time": 3},
                answers=[answer("control", "OCTOPUS-PRIVATE", week, private=True)],
            ),
        )
    )
    write_journal(isolated_home, data)
    result = cli("report", "--share", "--format", "json")
    assert result.code == 0, result.err
    bundle = json.loads(result.out)
    assert bundle["shared"] is True and bundle["private_left_out"] == 1
    assert "OCTOPUS-PRIVATE" not in result.out
    assert "1 private note left out" in result.err
    assert "OCTOPUS-PRIVATE" in cli("report").out  # the owner's own report has it


def test_behaviour_accepts_ids_and_numbers(cli: CliRunner, isolated_home: Path) -> None:
    write_journal(isolated_home, sample_journal())
    result = cli("report", "--format", "json", "-b", "2", "--behaviour", "navigate-paradox")
    bundle = json.loads(result.out)
    assert [r["behaviour_id"] for r in bundle["ratings"]] == ["protect-time", "navigate-paradox"]
    bad = cli("report", "-b", "belong")
    assert bad.code == 1 and "did you mean cultivate-belonging" in bad.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last week"], "not a date like"),
        (["--period", "decade"], "unknown period"),
        (["--format", "pdf"], "unknown format"),
        (["--since", "2026-12-01", "--until", "2026-11-01"], "after the end"),
    ],
)
def test_usage_errors_exit_2(
    cli: CliRunner, isolated_home: Path, args: list[str], message: str
) -> None:
    write_journal(isolated_home, sample_journal())
    result = cli("report", *args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_a_user_template(cli: CliRunner, isolated_home: Path, tmp_path: Path) -> None:
    write_journal(isolated_home, sample_journal())
    template = tmp_path / "one-line.md"
    template.write_text(
        "{{ report.summary.weeks_reflected }}/{{ report.period.weeks }} weeks\n", encoding="utf-8"
    )
    result = cli("report", "--template", str(template))
    assert (result.code, result.out) == (0, "6/12 weeks\n")
    assert cli("report", "--template", str(template), "--format", "json").code == 2
    template.write_text("{{ report.missing }}\n", encoding="utf-8")
    broken = cli("report", "--template", str(template))
    assert broken.code == 1 and f"{template}:1:" in broken.err


def test_progress_tells_the_story_in_the_terminal(cli: CliRunner, isolated_home: Path) -> None:
    write_journal(isolated_home, sample_journal())
    result = cli("progress")
    assert result.code == 0, result.err
    assert "Your progress" in result.out
    assert "Cultivate belonging" in result.out and "▂▂▄▄▆▆" in result.out
    assert "6-week streak" in result.out
    assert "Open experiment" in result.out and "Name the tension out loud" in result.out
    assert "Next week" in result.out
    as_json = json.loads(cli("progress", "--json").out)
    assert as_json["format"] == "belonging-report"


def test_progress_prints_user_text_not_markup(cli: CliRunner, isolated_home: Path) -> None:
    data = sample_journal()
    experiments = tuple(replace(e, title="[bold]x[/bold]") for e in data.experiments)
    write_journal(isolated_home, JournalData(data.sessions, experiments))
    assert "[bold]x[/bold]" in cli("progress").out


def test_demo_makes_a_journal_to_explore_and_never_overwrites(
    cli: CliRunner, isolated_home: Path
) -> None:
    result = cli("demo", "--weeks", "8")
    demo = isolated_home / "demo"
    assert result.code == 0, result.err
    assert (demo / "journal.db").is_file()
    assert f"belonging --home {demo} report" in result.out
    assert not (isolated_home / "journal.db").exists()  # the user's own journal is untouched
    again = cli("demo")
    assert again.code == 2 and "already holds a journal" in again.err
    report = cli("--home", str(demo), "report", "--format", "json")
    bundle = json.loads(report.out)
    assert bundle["summary"]["sessions_completed"] == 8
    assert bundle["person"]["name"] == "Sam (demo)"


def test_demo_refuses_the_folder_of_the_real_journal(cli: CliRunner, isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    result = cli("demo", str(isolated_home))
    assert result.code == 2 and "your own journal" in result.err
    assert cli("demo", "--weeks", "0").code == 2


def test_json_reports_never_load_the_template_libraries(tmp_path: Path) -> None:
    home = tmp_path / "home"
    write_journal(home, sample_journal(clock.iso_week(dt.date.today())))
    code = (
        "import sys\n"
        "from belonging_cli.main import main\n"
        "assert main(['report', '--format', 'json', '--out', sys.argv[1]]) == 0\n"
        "loaded = [m for m in ('jinja2', 'markdown_it', 'rich') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    env = {**os.environ, "BELONGING_HOME": str(home)}
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "r.json")], env=env, check=True)
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["summary"]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed")
def test_the_html_report_draws_in_a_real_browser(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    write_journal(isolated_home, sample_journal())
    page = tmp_path / "report.html"
    assert cli("report", "--out", str(page)).code == 0
    shot = tmp_path / "report.png"
    done = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--screenshot={shot}",
            "--window-size=1200,2000",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.stat().st_size > 10_000


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=30))
def test_any_date_text_is_a_date_or_a_usage_error(text: str) -> None:
    try:
        parsed = parse_date(text, "--since")
    except UsageProblem as problem:
        assert "--since" in problem.message and problem.exit_code == 2
    else:
        assert parsed == dt.date.fromisoformat(text.strip())


def test_an_empty_journal_still_gives_a_json_bundle(cli: CliRunner) -> None:
    result = cli("report", "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["summary"]["sessions_completed"] == 0
    assert "no reflections yet" in result.err


def test_a_demo_made_with_other_rubrics_reports_with_them(
    cli: CliRunner, isolated_home: Path, tmp_path: Path
) -> None:
    from belonging_cli.resources import packaged_dir

    rubrics = tmp_path / "our rubric's folder"
    shutil.copytree(packaged_dir("rubrics"), rubrics)
    manifest = rubrics / "rubric.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("id: belonging-core", "id: our-rubric"),
        encoding="utf-8",
    )
    demo = tmp_path / "demo"
    assert cli("demo", str(demo), "--weeks", "3", "--rubrics", str(rubrics)).code == 0
    bundle = json.loads(cli("--home", str(demo), "report", "--format", "json").out)
    assert bundle["rubric"]["id"] == "our-rubric"
