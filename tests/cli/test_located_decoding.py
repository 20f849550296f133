"""A user's file that is not UTF-8 is refused at the bad byte, the same way by every reader.

Content YAML (`flows validate`), journal exports (`journal import`) and the settings
file (`config show`) decode through one function: a byte-order mark is skipped, and the
place of the first bad byte is its line and its column in characters after the mark.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.errors import ContentError
from support.cli import CliRunner
from support.places import HOSTILE

CORPUS = HOSTILE / "decoding"
NOT_UTF8 = "not valid UTF-8 text (save the file as UTF-8)"


def _as_config(home: Path, name: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    target = home / "config.toml"
    shutil.copy(CORPUS / name, target)
    return target


@pytest.mark.parametrize(
    ("command", "name", "column"),
    [
        (("flows", "validate"), "bom-then-bad-byte.yaml", 12),
        (("journal", "import"), "bom-then-bad-byte.json", 7),
    ],
)
def test_a_bad_byte_after_a_mark_is_placed_where_it_is(
    cli: CliRunner, command: tuple[str, ...], name: str, column: int
) -> None:
    path = CORPUS / name
    result = cli(*command, str(path))
    assert result.code == 1
    assert result.err.strip().splitlines() == [f"{path}:2:{column}: {NOT_UTF8}"]


def test_a_bad_byte_in_the_settings_is_placed_the_same_way(
    cli: CliRunner, isolated_home: Path
) -> None:
    target = _as_config(isolated_home, "bom-then-bad-byte.toml")
    result = cli("config", "show")
    assert result.code == 1
    assert result.err.strip().splitlines() == [f"{target}:2:13: {NOT_UTF8}"]


def test_settings_saved_with_a_mark_are_read_and_edited_keeping_comments(
    cli: CliRunner, isolated_home: Path
) -> None:
    target = _as_config(isolated_home, "bom-settings.toml")
    shown = cli("config", "show", "--json")
    assert shown.code == 0, shown.err
    assert '"Ada"' in shown.out
    assert cli("config", "set", "reflection_time", "09:30").code == 0
    text = target.read_text(encoding="utf-8-sig")
    assert "# my settings, saved by Notepad" in text
    assert 'name = "Ada"' in text and 'reflection_time = "09:30"' in text


@given(
    before=st.text(max_size=40),
    after=st.binary(max_size=10),
    mark=st.booleans(),
    bad=st.sampled_from([b"\xff", b"\xc0", b"\xed\xa0\x80", b"\x80"]),
)
def test_the_first_bad_byte_is_where_the_problem_points(
    before: str, after: bytes, mark: bool, bad: bytes
) -> None:
    from belonging_cli.located import decode_text

    raw = (b"\xef\xbb\xbf" if mark else b"") + before.encode("utf-8") + bad + after
    with pytest.raises(ContentError) as caught:
        decode_text(raw, "f.yaml")
    (problem,) = caught.value.problems
    lines = before.split("\n")
    assert (problem.line, problem.column) == (len(lines), len(lines[-1]) + 1)
    assert problem.message == NOT_UTF8


@given(st.text(max_size=60), st.booleans())
def test_utf8_text_reads_back_whole_without_its_mark(text: str, mark: bool) -> None:
    from belonging_cli.located import decode_text

    raw = (b"\xef\xbb\xbf" if mark else b"") + text.encode("utf-8")
    # One mark is skipped: the one written before the text, or else the text's own.
    assert decode_text(raw, "f.yaml") == (text if mark else text.removeprefix("\ufeff"))
