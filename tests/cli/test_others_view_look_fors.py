"""The look-fors others see most and least, as a person reads them: a look-for's own
full stop does not run into the "; least," that follows it (at a terminal, in Markdown
and HTML), and when every look-for is seen as often the report says none stands out
instead of naming one at random (the JSON too: `look_fors_even`, no most or least)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from belonging_cli.reports import command
from support.cli import CliRunner
from support.feedback_client import BELONGING
from support.feedback_journal import import_round, reflect_on
from support.feedback_samples import five_raters_three_groups
from support.places import REPO

CASES = yaml.safe_load(
    (REPO / "tests" / "hostile" / "others_view" / "look_fors.yaml").read_text("utf-8")
)
NONE_STANDS_OUT = f"{BELONGING}: none stands out, all seen as often."


def _report(cli: CliRunner, folder: Path, looks: list[dict[str, Any]], *fmt: str) -> str:
    """The report of a round whose belonging look-fors are `looks`."""
    reflect_on(dt.date(2026, 11, 18), {"cultivate-belonging": 4, "protect-time": 3})
    aggregate = five_raters_three_groups()
    aggregate["behaviours"][0]["look_fors"] = looks
    import_round(cli, folder, aggregate)
    done = cli("report", "--period", "year", "--until", "2026-11-30", *fmt)
    assert done.code == 0, done.err
    return done.out


def _said(case: dict[str, Any], italic: tuple[str, str] = ("", "")) -> str:
    if case["even"]:
        return NONE_STANDS_OUT
    most, *least = (f"{italic[0]}{t}{italic[1]}" for t in case["shows"])
    return f"{BELONGING}: most, {most}" + "".join(f"; least, {t}" for t in least)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_at_a_terminal(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: dict[str, Any]
) -> None:
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "60")
    shown = _report(cli, tmp_path, case["look_fors"])
    part = " ".join(shown.split("Look-fors others see most and least", 1)[1].split())
    assert f"• {_said(case)} •" in part  # the next bullet: protect time's
    assert ".;" not in part.replace("...;", "")  # an ellipsis keeps its dots


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_in_markdown_and_html(cli: CliRunner, tmp_path: Path, case: dict[str, Any]) -> None:
    md = _report(cli, tmp_path, case["look_fors"], "--format", "md")
    (line,) = [x for x in md.splitlines() if x.startswith(f"- {BELONGING}: ")]
    assert line == f"- {_said(case, ('*', '*'))}"
    html = _report(cli, tmp_path, case["look_fors"], "--format", "html")
    (item,) = [x for x in html.splitlines() if x.startswith(f"<li>{BELONGING}: ")]
    assert item == f"<li>{_said(case, ('<i>', '</i>'))}</li>"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_in_json_the_texts_as_the_round_has_them(
    cli: CliRunner, tmp_path: Path, case: dict[str, Any]
) -> None:
    shown = _report(cli, tmp_path, case["look_fors"], "--format", "json")
    (row, *_) = json.loads(shown)["feedback"]["behaviours"]
    assert row["look_fors_even"] is case["even"]
    assert (row["most_seen"], row["least_seen"]) == (case["most"], case["least"])
