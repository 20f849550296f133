"""Finding A: every command that reads rubrics or flows uses the folder configured,
whichever of the three ways it is given: option, environment, or setting; and the
option wins over the environment, which wins over the setting."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.cli import CliRunner
from support.custom_content import custom_flows, custom_rubric
from support.folder_ways import WAYS
from support.folder_ways import give_folder as configure

Options = tuple[str, ...]


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    return custom_rubric(tmp_path / "acme", "acme")


def ok_json(cli: CliRunner, *args: str) -> Any:
    result = cli(*args)
    assert result.code == 0, result.err
    return json.loads(result.out)


@pytest.mark.parametrize("way", WAYS)
def test_the_rubric_commands_use_the_configured_rubric(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, acme: Path, way: str
) -> None:
    extra = configure(way, cli, monkeypatch, "rubrics", acme)
    listed = ok_json(cli, "rubric", "list", "--json", *extra)
    assert listed["rubric"]["id"] == "acme"
    assert [b["id"] for b in listed["behaviours"]] == ["acme-belonging"]
    shown = ok_json(cli, "rubric", "show", "acme-belonging", "--json", *extra)
    assert shown["id"] == "acme-belonging"
    flows = custom_flows(tmp_path / "flows", "team-check", rates="acme-belonging")
    checked = cli("flows", "validate", str(flows), *extra)
    assert checked.code == 0, checked.err


@pytest.mark.parametrize("way", WAYS)
def test_reports_use_the_configured_rubric(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, acme: Path, way: str
) -> None:
    extra = configure(way, cli, monkeypatch, "rubrics", acme)
    report = ok_json(cli, "report", "--format", "json", *extra)
    assert report["rubric"]["id"] == "acme"
    chosen = ok_json(cli, "report", "--format", "json", "--behaviour", "1", *extra)
    assert chosen["behaviour_filter"] == ["acme-belonging"]
    progress = ok_json(cli, "progress", "--json", *extra)
    assert progress["rubric"]["id"] == "acme"


@pytest.mark.parametrize("way", WAYS)
def test_a_demo_and_its_journal_use_the_configured_rubric(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, acme: Path, way: str
) -> None:
    extra = configure(way, cli, monkeypatch, "rubrics", acme)
    demo = tmp_path / "demo"
    made = cli("demo", str(demo), "--weeks", "3", *extra)
    assert made.code == 0, made.err
    # The demo's own home says which rubric it was made with: its reports agree.
    report = ok_json(cli, "--home", str(demo), "report", "--format", "json", "--period", "all")
    assert report["rubric"]["id"] == "acme"
    # The journal commands resolve behaviour numbers and titles in the same rubric.
    listed = cli("--home", str(demo), "journal", "list", "--behaviour", "1", "--json")
    assert listed.code == 0, listed.err
    sessions = json.loads(listed.out)
    assert sessions and {s["focus_behaviour_id"] for s in sessions} == {"acme-belonging"}
    shown = cli("--home", str(demo), "journal", "show", sessions[0]["id"])
    assert shown.code == 0, shown.err
    assert "Belonging the acme way" in shown.out  # the title, not the bare id
    exported = cli("--home", str(demo), "journal", "export", "--format", "md")
    assert "Belonging the acme way" in exported.out


@pytest.mark.parametrize("way", WAYS)
def test_the_flow_commands_use_the_configured_flows(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, way: str
) -> None:
    flows = custom_flows(tmp_path / "flows", "team-check")
    extra = configure(way, cli, monkeypatch, "flows", flows)
    listed = ok_json(cli, "flows", "list", "--json", *extra)
    assert [f["id"] for f in listed["flows"]] == ["team-check"]
    shown = ok_json(cli, "flows", "show", "team-check", "--json", *extra)
    assert shown["id"] == "team-check"
    template = cli("reflect", "--flow", "team-check", "--answers-template", *extra)
    assert template.code == 0, template.err
    assert "flow: team-check" in template.out


@pytest.mark.parametrize("way", WAYS)
def test_a_reflection_template_uses_the_configured_rubric(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, acme: Path, way: str
) -> None:
    extra = configure(way, cli, monkeypatch, "rubrics", acme)
    template = cli("reflect", "--answers-template", *extra)
    assert template.code == 0, template.err
    assert "acme-belonging" in template.out
    assert "protect-time" not in template.out


def test_option_wins_over_environment_which_wins_over_the_setting(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    rubrics = {way: custom_rubric(tmp_path / way / "rubric", f"by-{way}") for way in WAYS}
    flows = {way: custom_flows(tmp_path / way / "flows", f"by-{way}") for way in WAYS}

    def in_use(rubric_option: Options = (), flows_option: Options = ()) -> tuple[str, str]:
        rubric = ok_json(cli, "rubric", "list", "--json", *rubric_option)["rubric"]["id"]
        flow = ok_json(cli, "flows", "list", "--json", *flows_option)["flows"][0]["id"]
        return rubric, flow

    assert in_use()[0] == "belonging-core"
    for key, folders in (("rubrics", rubrics), ("flows", flows)):
        configure("setting", cli, monkeypatch, key, folders["setting"])
    assert in_use() == ("by-setting", "by-setting")
    for key, folders in (("rubrics", rubrics), ("flows", flows)):
        configure("environment", cli, monkeypatch, key, folders["environment"])
    assert in_use() == ("by-environment", "by-environment")
    options = (("--rubrics", str(rubrics["option"])), ("--flows", str(flows["option"])))
    assert in_use(*options) == ("by-option", "by-option")
