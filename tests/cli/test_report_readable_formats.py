"""`report --out FILE`: the file holds what its name says, or nothing is written.

The rule: without --format, the extension names the format (.md or .markdown,
.html or .htm, .json) and any other (x.pdf, notes.txt, none at all) is refused with
the formats listed, exit 2, one line. An explicit --format takes any extension but
one naming another format (Markdown in report.html would open as a broken page).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.weekly_answers import weekly_answers, write_answers


@pytest.fixture
def reflected(cli: CliRunner, tmp_path: Path) -> None:
    assert cli("reflect", "--answers", str(write_answers(tmp_path, weekly_answers()))).code == 0


@pytest.mark.parametrize("name", ["report.pdf", "notes.txt", "report", "page.docx", "r.HTML5"])
def test_an_extension_that_names_no_format_is_refused_and_nothing_is_written(
    cli: CliRunner, reflected: None, tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    result = cli("report", "--out", str(out))
    assert result.code == 2, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert name in lines[0]
    for listed in (".md", ".html", ".json", "--format"):
        assert listed in lines[0], lines[0]
    assert "Traceback" not in result.err
    assert not out.exists()
    assert result.out == ""


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("r.md", "# Progress report"),
        ("r.markdown", "# Progress report"),
        ("R.HTML", "<!DOCTYPE html>"),
        ("r.htm", "<!DOCTYPE html>"),
        ("r.json", "{"),
    ],
)
def test_a_known_extension_picks_its_format(
    cli: CliRunner, reflected: None, tmp_path: Path, name: str, starts: str
) -> None:
    out = tmp_path / name
    assert cli("report", "--out", str(out)).code == 0
    assert out.read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("md", "notes.txt"), ("md", "report"), ("html", "page.xhtml"), ("json", "bundle.data")],
)
def test_an_explicit_format_takes_any_other_extension(
    cli: CliRunner, reflected: None, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    result = cli("report", "--format", fmt, "--out", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["format"] == "belonging-report"
    else:
        assert text.startswith("# Progress report" if fmt == "md" else "<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("fmt", "name"), [("md", "report.html"), ("json", "report.md"), ("html", "bundle.json")]
)
def test_a_format_and_an_extension_that_disagree_are_refused(
    cli: CliRunner, reflected: None, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    result = cli("report", "--format", fmt, "--out", str(out))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and f"--format {fmt}" in lines[0] and name in lines[0], result.err
    assert not out.exists()
