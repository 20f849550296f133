"""Evidence in reports, the two-minute top and the bundle: a real journal, evidence
imported through the real `evidence calendar` and `evidence transcript` commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.reports import command
from support.cli import CliRunner
from support.evidence_reports import AGREEING, MARKER, PERIOD, evidence_journal
from support.places import HOSTILE

INCLUDE = ("--include", "evidence/calendar", "--include", "evidence/transcript")
TOP_LINE = (
    "Evidence: rated Protect time to reflect, experiment, engage and rest 4 (3 before); "
    "meeting hours rose three weeks running, 2 h \u2192 8 h."
)
CORPUS = HOSTILE / "evidence_reports" / "bad_bundles.json"


def _report(cli: CliRunner, *args: str) -> str:
    done = cli("report", *PERIOD, *args)
    assert done.code == 0, done.err
    return done.out


def _json(cli: CliRunner, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_report(cli, "--format", "json", *args))
    return data


def test_the_marker_sentence_is_kept_privately_in_the_journal(
    cli: CliRunner, isolated_home: Path
) -> None:
    evidence_journal(cli)
    with sqlite3.connect(isolated_home / "journal.db") as conn:
        kept = " ".join(e for (e,) in conn.execute("SELECT examples FROM evidence"))
    assert MARKER in kept  # so the checks below that no report shows it mean something


def test_markdown_shows_the_weeks_beside_the_ratings_and_the_trend(cli: CliRunner) -> None:
    evidence_journal(cli)
    md = _report(cli, "--format", "md")
    assert f"- {TOP_LINE}" in md
    section = md[md.index("## Evidence") :]
    assert section.index("## Evidence") < section.index("### Calendar, beside Protect time")
    assert "| 2026-W06 | 3 | 2 h | 8 h | 0 h | 0 h |" in section
    assert "| 2026-W09 | 4 | 8 h | 8 h | 0 h | 0 h |" in section
    assert "- Meeting hours rose three weeks running, 2 h \u2192 8 h." in section
    assert "### Meetings, beside Engage people so they learn and find insight and" in section
    assert "| 2026-W08 | 2 | 3 | 54% | 2 | 2 | 6 s |" in section
    assert MARKER not in md


def test_html_and_the_terminal_show_the_same(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence_journal(cli)
    html = _report(cli, "--format", "html")
    assert '<section id="measured">' in html
    assert "<li>Meeting hours rose three weeks running, 2 h \u2192 8 h.</li>" in html
    assert '<tr><td>2026-W09</td><td class="num">4</td><td class="num">8 h</td>' in html
    assert TOP_LINE in html and MARKER not in html
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)
    screen = _report(cli)
    assert "Evidence\nFigures from your own calendar and meetings" in screen
    assert "• Meeting hours rose three weeks running, 2 h \u2192 8 h." in screen
    assert "Evidence: rated Protect time" in screen and MARKER not in screen


def test_json_has_the_figures_and_the_tops_parts(cli: CliRunner) -> None:
    evidence_journal(cli)
    data = _json(cli)
    assert data["format_minor"] >= 6  # evidence came with minor 6
    calendar, meetings = data["evidence"]
    assert [w["figures"]["meeting_hours"] for w in calendar["weeks"]] == [2, 4, 6, 8]
    assert [w["ratings"] for w in calendar["weeks"]][-1] == {"protect-time": 4}
    assert meetings["weeks"][0]["figures"]["quietest"] == "speaker 3 of 3"
    (disagreeing,) = data["top"]["evidence"]
    assert (disagreeing["figure"], disagreeing["moved"], disagreeing["run"]) == (
        "meeting_hours",
        "rose",
        3,
    )
    assert TOP_LINE in data["top"]["lines"]
    assert MARKER not in json.dumps(data)


def test_no_top_line_when_the_rating_fell_with_the_evidence(cli: CliRunner) -> None:
    evidence_journal(cli, AGREEING)
    data = _json(cli)
    assert data["top"]["evidence"] == []
    assert not [line for line in data["top"]["lines"] if line.startswith("Evidence")]
    assert data["evidence"]  # the section is still there


def test_a_period_without_evidence_has_no_section(cli: CliRunner) -> None:
    evidence_journal(cli)
    done = cli("report", "--since", "2026-03-09", "--until", "2026-03-15", "--format", "md")
    assert "## Evidence" not in done.out
    data = json.loads(cli("report", "--since", "2026-03-09", "--format", "json").out)
    assert data["evidence"] == []


def test_a_shared_report_leaves_the_evidence_out_unless_included(cli: CliRunner) -> None:
    evidence_journal(cli)
    done = cli("report", *PERIOD, "--share", "--format", "md")
    assert "## Evidence" not in done.out and "Evidence:" not in done.out
    assert "Shared report: 2 private notes left out." in done.err
    shared = _json(cli, "--share", *INCLUDE)
    assert shared["private_left_out"] == 0
    assert [s["source"] for s in shared["evidence"]] == ["calendar", "transcript"]
    for fmt in ("md", "html", "json"):
        assert MARKER not in _report(cli, "--share", *INCLUDE, "--format", fmt)


def test_the_coach_reads_a_bundle_with_evidence(cli: CliRunner, tmp_path: Path) -> None:
    evidence_journal(cli)
    bundle = tmp_path / "client.json"
    assert cli("report", *PERIOD, "--share", *INCLUDE, "--out", str(bundle)).code == 0
    assert MARKER not in bundle.read_text(encoding="utf-8")
    done = cli("coach", "summary", str(bundle))
    assert done.code == 0, done.err
    assert "could not be read" not in done.out


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))
    return cases


def _set(data: Any, path: list[Any], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["name"]))
def test_a_hostile_bundles_evidence_is_refused_in_one_line(
    cli: CliRunner, tmp_path: Path, case: dict[str, Any]
) -> None:
    evidence_journal(cli)
    data = _json(cli, "--share", *INCLUDE)
    _set(data, case["path"], case["value"])
    bundle = tmp_path / "hostile.json"
    bundle.write_text(json.dumps(data, indent=1), encoding="utf-8")
    done = cli("coach", "summary", str(bundle))
    assert done.code == 1
    (line,) = done.err.splitlines()
    assert line.startswith(f"{bundle}:") and line.split(":")[1].isdigit()
    assert case["says"] in line
    assert "Traceback" not in done.err + done.out
