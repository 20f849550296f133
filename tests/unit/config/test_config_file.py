"""Settings as a user writes them by hand or with `belonging config set`."""

from __future__ import annotations

import datetime as dt
import stat
import sys
from pathlib import Path

import pytest

from belonging_cli import paths, settings
from belonging_cli.config import Config, load_config
from belonging_cli.config_file import render_toml, set_value
from belonging_cli.errors import ContentError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def write(home: Path, text: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(home: Path, text: str) -> list[str]:
    write(home, text)
    with pytest.raises(ContentError) as caught:
        load_config()
    return caught.value.lines()


def test_no_file_means_the_defaults(isolated_home: Path) -> None:
    assert load_config() == Config()
    assert not (isolated_home / "config.toml").exists()


def test_values_are_read_and_normalised(isolated_home: Path) -> None:
    write(
        isolated_home,
        'name = " Ada "\nreflection_weekday = "Monday"\nreflection_time = 07:30:00\n'
        'timezone = "Asia/Tokyo"\nrubrics = "mine"\nprivate_by_default = true\n',
    )
    config = load_config()
    assert config.name == "Ada"
    assert config.reflection_weekday == "monday"
    assert config.weekday_number() == 1
    assert config.time_of_day() == dt.time(7, 30)
    assert config.zone_name() == "Asia/Tokyo"
    assert config.rubrics == isolated_home / "mine"  # relative to the config folder
    assert config.private_by_default is True


def test_a_bad_value_names_file_line_key_and_the_allowed_values(isolated_home: Path) -> None:
    found = problems(isolated_home, '# my settings\n\nreport_period = "fortnight"\n')
    assert len(found) == 1
    assert found[0].startswith(f"{isolated_home / 'config.toml'}:3:1: report_period: ")
    assert "week, month, quarter, year, all" in found[0]


def test_every_problem_is_listed_at_once(isolated_home: Path) -> None:
    found = problems(
        isolated_home,
        'reflection_time = "25:00"\ntimezone = "Mars/Olympus"\ncolour = "blue"\n'
        "private_by_default = 1\n",
    )
    assert [line.split(": ")[1] for line in found] == [
        "reflection_time",
        "timezone",
        "colour",
        "private_by_default",
    ]
    assert ":2:1: timezone: 'Mars/Olympus' is not a known time zone" in found[1]
    assert "unknown setting (allowed: name, " in found[2]
    assert "must be true or false" in found[3]


def test_broken_toml_names_the_line(isolated_home: Path) -> None:
    found = problems(isolated_home, 'name = "Ada"\nreflection_time = \n')
    assert found == [f"{isolated_home / 'config.toml'}:2:19: Invalid value"]


def test_not_utf8_names_the_line(isolated_home: Path) -> None:
    (isolated_home).mkdir(parents=True)
    (isolated_home / "config.toml").write_bytes(b'name = "a"\nname2 = "\xff"\n')
    with pytest.raises(ContentError) as caught:
        load_config()
    assert ":2:10: not valid UTF-8" in caught.value.lines()[0]


def test_set_keeps_comments_and_other_lines(isolated_home: Path) -> None:
    path = write(
        isolated_home, '# chosen with my coach\nreflection_weekday = "friday"\nname = "Ada"\n'
    )
    set_value("reflection_weekday", "tuesday")
    set_value("editor", "nano -w")
    set_value("name", None)
    assert path.read_text() == (
        '# chosen with my coach\nreflection_weekday = "tuesday"\neditor = "nano -w"\n'
    )
    assert load_config().reflection_weekday == "tuesday"


def test_set_rewrites_a_file_a_line_edit_cannot_handle(isolated_home: Path) -> None:
    # A multi-line string holding one line of text: replacing its first line would break it.
    write(isolated_home, 'name = """\\\n  Ada"""\neditor = "vi"\n')
    assert load_config().name == "Ada"
    set_value("name", "Grace")
    config = load_config()
    assert (config.name, config.editor) == ("Grace", "vi")


def test_set_refuses_to_rewrite_a_broken_file(isolated_home: Path) -> None:
    path = write(isolated_home, "name = \n")
    with pytest.raises(ContentError):
        set_value("editor", "vi")
    assert path.read_text() == "name = \n"


def test_writes_are_private_and_leave_no_temporary_files(isolated_home: Path) -> None:
    path = set_value("name", "Ada")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]


def test_home_option_moves_the_config(tmp_path: Path) -> None:
    settings.resolve(tmp_path / "elsewhere")
    assert paths.config_path() == tmp_path / "elsewhere" / "config.toml"


@pytest.mark.parametrize(
    "text",
    ["plain", 'quo"te', "back\\slash", "tab\there", "new\nline", "bell\x07", "del\x7f", "ünï"],
)
def test_render_toml_round_trips(text: str) -> None:
    assert tomllib.loads(f"v = {render_toml(text)}")["v"] == text
