"""config, remind, coach and exercises as one click command line with one settings object.

What a user notices: these commands answer `--help` and run without typer or the
heavy libraries; `config set KEY` completes setting names; `config show` says
what the environment sets, and `config set/unset` say when the environment still
wins; the coach and exercise commands use the rubric folder configured any of the
three ways (option, environment, setting).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import places
from support.cli import REPO, CliRunner
from support.startup import HEAVY, loaded_after

HOSTILE = places.HOSTILE / "cli-commands"


@pytest.mark.parametrize(
    "args",
    [
        ["config", "--help"],
        ["config", "set", "--help"],
        ["config", "path"],
        ["config", "show"],
        ["remind", "--help"],
        ["remind", "--cron"],
        ["coach", "--help"],
        ["coach", "pack", "validate", "--help"],
        ["coach", "summary", "--help"],
        ["exercises", "--help"],
        ["exercises", "do", "--help"],
        ["exercises", "list", "--json"],
    ],
)
def test_help_and_light_commands_load_no_typer_and_no_heavy_library(
    args: list[str], tmp_path: Path
) -> None:
    assert not loaded_after(*args, env={"BELONGING_HOME": str(tmp_path)}) & HEAVY


def complete(words: str, home: Path) -> list[str]:
    """What bash completion offers for the last word of `words` (click's protocol)."""
    env = {**os.environ, "BELONGING_HOME": str(home), "_BELONGING_COMPLETE": "bash_complete"}
    env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    probe = "import sys\nfrom belonging_cli.main import main\nsys.exit(main([]))\n"
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return [line.partition(",")[2] for line in done.stdout.splitlines()]


def test_config_set_and_unset_complete_setting_names(tmp_path: Path) -> None:
    assert complete("belonging config set re", tmp_path) == [
        "reflection_weekday",
        "reflection_time",
        "report_period",
    ]
    assert complete("belonging config unset tim", tmp_path) == ["timezone"]


def test_config_show_says_what_the_environment_sets(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("config", "set", "reflection_weekday", "monday").code == 0
    assert cli("config", "set", "timezone", "Asia/Tokyo").code == 0
    monkeypatch.setenv("BELONGING_TIMEZONE", "Europe/Berlin")
    monkeypatch.setenv("BELONGING_REPORT_PERIOD", "month")

    shown = cli("config", "show")
    assert shown.code == 0, shown.err
    assert "reflection_weekday  monday\n" in shown.out
    assert "timezone            Europe/Berlin  [BELONGING_TIMEZONE]\n" in shown.out
    assert "report_period       month  [BELONGING_REPORT_PERIOD]\n" in shown.out
    assert "reflection_time     16:00  [default]\n" in shown.out

    data = json.loads(cli("config", "show", "--json").out)
    assert data["settings"]["timezone"] == "Europe/Berlin"
    assert data["settings"]["report_period"] == "month"
    assert data["effective_timezone"] == "Europe/Berlin"
    assert data["from_file"] == ["reflection_weekday", "timezone"]
    assert data["from_environment"] == ["report_period", "timezone"]


def test_set_and_unset_say_when_the_environment_still_wins(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BELONGING_REPORT_PERIOD", "month")
    for args in (("set", "report_period", "week"), ("unset", "report_period")):
        result = cli("config", *args)
        assert result.code == 0, result.err
        assert "BELONGING_REPORT_PERIOD is set: it wins over the file" in result.err
    quiet = cli("config", "set", "reflection_time", "09:30")
    assert quiet.code == 0
    assert "wins over the file" not in quiet.err


def bad_environment() -> list[tuple[str, str]]:
    """The corpus: one `NAME<TAB>VALUE` a line, each a value its setting refuses."""
    lines = (HOSTILE / "bad-environment.tsv").read_text(encoding="utf-8").splitlines()
    pairs = [line.split("\t", 1) for line in lines if line and not line.startswith("#")]
    return [(name, value.encode().decode("unicode_escape")) for name, value in pairs]


@pytest.mark.parametrize(("name", "value"), bad_environment())
def test_a_bad_environment_value_is_one_line_and_config_can_still_be_fixed(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, isolated_home: Path, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    shown = cli("config", "show")
    assert shown.code == 2
    assert shown.err.startswith(f"belonging: error: {name}: ")
    assert shown.err.count("\n") == 1 and "Traceback" not in shown.err
    assert "\x1b" not in shown.err and "\x07" not in shown.err
    # The commands that find and fix the file do not need the settings in effect.
    assert cli("config", "path").out.strip() == str(isolated_home / "config.toml")
    assert cli("config", "set", "name", "Ada").code == 0


# -- finding A: the configured rubric, given any of the three ways ----------------


def acme_rubric(folder: Path) -> Path:
    """A one-behaviour rubric whose behaviour the built-in one does not have."""
    folder.mkdir()
    manifest = (REPO / "rubrics" / "rubric.yaml").read_text(encoding="utf-8")
    (folder / "rubric.yaml").write_text(manifest.replace("id: belonging-core", "id: acme"))
    behaviour = (REPO / "rubrics" / "01-cultivate-belonging.yaml").read_text(encoding="utf-8")
    (folder / "acme.yaml").write_text(
        behaviour.replace("id: cultivate-belonging", "id: acme-belonging")
    )
    return folder


@pytest.fixture
def acme_pack(cli: CliRunner, tmp_path: Path) -> Path:
    rubric = acme_rubric(tmp_path / "acme")
    pack = tmp_path / "pack.yaml"
    made = cli("coach", "pack", "new", "--rubrics", str(rubric), "--out", str(pack))
    assert made.code == 0, made.err
    assert "acme-belonging" in pack.read_text(encoding="utf-8")
    return pack


def given_way(way: str, cli: CliRunner, monkeypatch: pytest.MonkeyPatch, rubric: Path) -> list[str]:
    """Configure the rubric folder `way`; the options to add to each command."""
    if way == "option":
        return ["--rubrics", str(rubric)]
    if way == "environment":
        monkeypatch.setenv("BELONGING_RUBRICS", str(rubric))
    else:
        assert cli("config", "set", "rubrics", str(rubric)).code == 0
    return []


@pytest.mark.parametrize("way", ["option", "environment", "setting"])
def test_coach_and_exercise_commands_use_the_configured_rubric(
    cli: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    acme_pack: Path,
    way: str,
) -> None:
    # Without it, the built-in rubric refuses the pack: the behaviour is not in it.
    refused = cli("exercises", "import", str(acme_pack))
    assert refused.code == 1
    assert "acme-belonging" in refused.err

    extra = given_way(way, cli, monkeypatch, tmp_path / "acme")
    validated = cli("coach", "pack", "validate", str(acme_pack), *extra)
    assert validated.code == 0, validated.err
    made = cli("coach", "pack", "new", *extra)
    assert made.code == 0, made.err
    assert "behaviour: acme-belonging" in made.out
    imported = cli("exercises", "import", str(acme_pack), *extra)
    assert imported.code == 0, imported.err
    template = cli("exercises", "do", "first-month/ask-dont-tell", "--answers-template", *extra)
    assert template.code == 0, template.err
    assert "answers:" in template.out


def test_the_option_wins_over_the_environment_and_the_setting(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, acme_pack: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(REPO / "rubrics", elsewhere)
    assert cli("config", "set", "rubrics", str(elsewhere)).code == 0
    monkeypatch.setenv("BELONGING_RUBRICS", str(elsewhere))
    assert cli("coach", "pack", "validate", str(acme_pack)).code == 1
    acme = str(tmp_path / "acme")
    assert cli("coach", "pack", "validate", str(acme_pack), "--rubrics", acme).code == 0
