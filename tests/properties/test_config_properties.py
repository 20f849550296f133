"""Whatever text is in config.toml, and whatever `config set` is given: a located error at worst."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.config import SETTINGS, load_config, parse_setting
from belonging_cli.config_file import set_value
from belonging_cli.errors import BelongingError, ContentError, UsageProblem

QUICK = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Text that looks like TOML often enough to get past the parser now and then.
toml_like = st.lists(
    st.one_of(
        st.sampled_from(
            [f'{key} = "' for key in SETTINGS]
            + [f"{key} = " for key in SETTINGS]
            + ['"', "'''", "[", "]", "=", "\n", "#", "true", "16:00", "Europe/Berlin", "{", "}"]
        ),
        st.text(max_size=12),
    ),
    max_size=20,
).map("".join)


@QUICK
@given(text=st.one_of(st.text(max_size=200), toml_like))
def test_any_text_loads_or_fails_with_a_location(isolated_home: Path, text: str) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    path = isolated_home / "config.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_config()
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path == str(path)
            assert problem.line >= 1 and problem.column >= 1


@QUICK
@given(key=st.sampled_from(sorted(SETTINGS)), text=st.text(max_size=40))
def test_config_set_accepts_or_names_the_key(isolated_home: Path, key: str, text: str) -> None:
    try:
        value = parse_setting(key, text)
    except UsageProblem as exc:
        assert exc.message.startswith(f"{key}: ")
        return
    set_value(key, value)
    assert getattr(load_config(), key) is not None


@pytest.mark.parametrize("text", ["a\x00b", "two\nlines", "   "])
def test_control_characters_and_blanks_are_refused(text: str) -> None:
    for key in ("name", "rubrics", "editor"):
        with pytest.raises(UsageProblem, match=f"^{key}: must"):
            parse_setting(key, text)


@pytest.mark.parametrize("key", ["", "Name", "colour"])
def test_unknown_keys_list_the_settings(key: str) -> None:
    with pytest.raises(BelongingError, match="settings: name, reflection_weekday"):
        parse_setting(key, "x")
