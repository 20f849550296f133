"""Content folders (rubrics, flows, packs) are read by one rule, whichever command reads them.

A folder's content is its `*.yaml` and `*.yml` files; hidden files are not content:
editors keep their own beside the file being edited (Emacs's lock `.#weekly.yaml`, a
link to nowhere while the file is open), and a flow or rubric being edited must not
stop every command. Every problem of every file is listed at once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.places import REPO

EDITOR_LOCK = ".#{name}"  # Emacs: a symbolic link to user@host.pid, never a file


def _copy(folder: str, tmp_path: Path) -> Path:
    target = tmp_path / folder
    shutil.copytree(REPO / folder, target)
    return target


def _being_edited(folder: Path) -> Path:
    """The folder as it is while its first YAML file is open in Emacs (plus a backup)."""
    first = sorted(folder.glob("*.yaml"))[0]
    (folder / EDITOR_LOCK.format(name=first.name)).symlink_to("ada@laptop.4242:1700000000")
    (folder / f".{first.name}").write_text("not: [valid", encoding="utf-8")
    return folder


@pytest.fixture
def rubrics(tmp_path: Path) -> Path:
    return _being_edited(_copy("rubrics", tmp_path))


@pytest.fixture
def flows(tmp_path: Path) -> Path:
    return _being_edited(_copy("prompts", tmp_path))


def test_a_rubric_being_edited_still_loads(cli: CliRunner, rubrics: Path) -> None:
    listed = cli("rubric", "list", "--rubrics", str(rubrics))
    assert listed.code == 0, listed.err
    checked = cli("rubric", "validate", str(rubrics))
    assert checked.code == 0, checked.err
    assert checked.out.count("\n") == 1 and "behaviours" in checked.out


def test_flows_being_edited_still_load(cli: CliRunner, flows: Path) -> None:
    listed = cli("flows", "list", "--flows", str(flows))
    assert listed.code == 0, listed.err
    checked = cli("flows", "validate", str(flows))
    assert checked.code == 0, checked.err
    files = sorted(p.name for p in flows.iterdir() if not p.name.startswith("."))
    assert [line.split(": ")[0].rsplit("/", 1)[1] for line in checked.out.splitlines()] == files


def test_packs_being_edited_still_validate(cli: CliRunner, tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    assert cli("coach", "pack", "new", "--out", str(packs / "team.yaml")).code == 0
    _being_edited(packs)
    checked = cli("coach", "pack", "validate", str(packs))
    assert checked.code == 0, checked.err
    (line,) = checked.out.splitlines()
    assert line.startswith(f"ok  {packs / 'team.yaml'}: pack ")


@pytest.mark.parametrize(
    ("command", "missing"),
    [
        (("rubric", "validate"), "missing: a rubric folder needs a rubric.yaml manifest"),
        (("flows", "validate"), "no flow files (*.yaml) found"),
        (("coach", "pack", "validate"), "no pack files (*.yaml) found"),
    ],
)
def test_a_folder_of_only_hidden_files_is_empty(
    cli: CliRunner, tmp_path: Path, command: tuple[str, ...], missing: str
) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / ".draft.yaml").write_text("id: [\n", encoding="utf-8")
    result = cli(*command, str(folder))
    assert result.code == 1
    assert len(result.err.splitlines()) == 1 and result.err.strip().endswith(missing)


def test_every_problem_of_every_file_at_once(cli: CliRunner, tmp_path: Path) -> None:
    flows = _copy("prompts", tmp_path)
    names = sorted(p.name for p in flows.glob("*.yaml"))[:2]
    for name in names:
        (flows / name).write_text("id: [\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("flows", "validate", str(flows), str(empty))
    assert result.code == 1
    said = result.err.splitlines()
    assert [line for line in said if "not valid YAML" in line] == [
        line for line in said if line.startswith(tuple(str(flows / n) for n in names))
    ]
    assert len([line for line in said if "not valid YAML" in line]) == 2
    assert f"{empty}:1:1: no flow files (*.yaml) found" in said
