"""A report over sessions rated against rubric 1.x and 2.0 says where level wording changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.data import render_json
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.render import render
from belonging_cli.reports.versions import wording_change
from support.report_builders import NOW, TODAY, rubric, session, weeks_back

LINE = "Level wording changed with rubric 2.0 on"


def _journal(versions: list[str]) -> JournalData:
    weeks = weeks_back(len(versions))
    sessions = [
        dataclasses.replace(session(week, {"protect-time": 3}), rubric_version=version)
        for week, version in zip(weeks, versions, strict=True)
    ]
    return JournalData(sessions=tuple(sessions))


def _report_text(data: JournalData, form: str) -> str:
    span = resolve_period("quarter", today=TODAY, journal_weeks=[s.week for s in data.sessions])
    report = build_report(data, rubric(), span, now=NOW)
    return render_json(report) if form == "json" else render(report, form)


def test_the_first_2_0_session_is_where_the_wording_changed() -> None:
    day = dt.date(2026, 3, 2)
    found = wording_change(
        [
            (day + dt.timedelta(weeks=2), "belonging-core", "2.0.0"),
            (day - dt.timedelta(weeks=1), "belonging-core", "1.0.0"),
            (day, "belonging-core", "2.0.0"),
        ]
    )
    assert found is not None and (found.version, found.on) == ("2.0", day)
    minor = [(day, "belonging-core", "1.0.0"), (day, "belonging-core", "1.2.0")]
    assert wording_change(minor) is None  # a minor version keeps the levels' words
    assert wording_change([]) is None


def test_a_report_spanning_both_versions_says_so_in_one_line_in_each_form() -> None:
    data = _journal(["1.0.0", "1.0.0", "2.0.0", "2.0.0"])
    first_2_0 = data.sessions[2].started_at.date()
    md = _report_text(data, "md")
    said = f"{LINE} {first_2_0.day} {first_2_0:%b %Y}: compare levels across it with care."
    assert [line.strip() for line in md.splitlines() if LINE in line] == [said]
    html = _report_text(data, "html")
    assert html.count(LINE) == 1
    shown = json.loads(_report_text(data, "json"))["rubric"]["level_wording_changed"]
    assert shown == {"version": "2.0", "on": first_2_0.isoformat()}


def test_a_report_on_one_version_says_nothing_of_it() -> None:
    for versions in (["1.0.0", "1.0.0"], ["2.0.0", "2.0.0"]):
        data = _journal(versions)
        assert LINE not in _report_text(data, "md")
        assert LINE not in _report_text(data, "html")
        assert json.loads(_report_text(data, "json"))["rubric"]["level_wording_changed"] is None
