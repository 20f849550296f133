"""What a journal holds never reaches the terminal as control sequences: an imported
answer with ESC, OSC 52 or a C1 CSI in it is shown without them, in every format that
prints to the screen; a file written with --out keeps the text exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.poison import seed_document

PAYLOAD = "A\x1bcB \x9b2J C\x1b]52;c;aGk=\x07D"
CONTROLS = ("\x1b", "\x9b", "\x07")


@pytest.fixture
def poisoned_home(cli: CliRunner, tmp_path: Path) -> Path:
    document = seed_document()
    session = document["sessions"][-1]
    text = next(a for a in session["answers"] if isinstance(a["value"], str))
    text["value"] = PAYLOAD + " #share"
    document["experiments"][0]["title"] = "Try " + PAYLOAD
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    home = tmp_path / "poisoned"
    result = cli("--home", str(home), "journal", "import", str(path))
    assert result.code == 0, result.err
    return home


@pytest.mark.parametrize(
    "command",
    [
        ("report", "--period", "all"),
        ("report", "--period", "all", "--format", "html"),
        ("report", "--period", "all", "--share"),
        ("journal", "export", "--format", "md"),
        ("journal", "export"),
        ("journal", "list"),
        ("progress",),
        ("status",),
    ],
)
def test_no_control_sequence_reaches_the_screen(
    cli: CliRunner, poisoned_home: Path, command: tuple[str, ...]
) -> None:
    result = cli("--home", str(poisoned_home), *command)
    assert result.code == 0, result.err
    assert not any(c in result.out for c in CONTROLS), repr(result.out[:300])


def test_a_users_template_is_shown_without_them_too(
    cli: CliRunner, poisoned_home: Path, tmp_path: Path
) -> None:
    template = tmp_path / "t.md.j2"
    template.write_text('{% for e in report.experiments["items"] %}{{ e.title }}\n{% endfor %}')
    result = cli(
        "--home", str(poisoned_home), "report", "--period", "all", "--template", str(template)
    )
    assert result.code == 0, result.err
    assert "Try A" in result.out
    assert not any(c in result.out for c in CONTROLS)


def test_a_file_keeps_what_was_written(cli: CliRunner, poisoned_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    assert cli("--home", str(poisoned_home), "journal", "export", "--out", str(out)).code == 0
    assert (
        PAYLOAD in out.read_text(encoding="utf-8") or json.dumps(PAYLOAD)[1:-1] in out.read_text()
    )
