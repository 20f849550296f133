"""The rubric facts a report needs, and their cache (reports skip pydantic and YAML)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.errors import BelongingError, ContentError
from belonging_cli.journal.store import open_journal
from belonging_cli.reports.rubric_facts import facts_of, resolve_behaviours, rubric_facts
from belonging_cli.resources import packaged_dir
from support.report_builders import sample_journal


def copy_of_rubric(tmp_path: Path) -> Path:
    folder = tmp_path / "rubrics"
    shutil.copytree(packaged_dir("rubrics"), folder)
    return folder


def cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache" / "rubric-facts").glob("*.json"))


def test_facts_match_the_validated_rubric_and_are_cached(isolated_home: Path) -> None:
    facts = rubric_facts()
    assert facts == facts_of(load_rubric())
    assert len(cache_files(isolated_home)) == 1
    assert rubric_facts() == facts  # from the cache
    assert facts.find("2") == facts.find("protect-time") == facts.behaviours[1]
    assert facts.label(5) == "Multiplying"


def test_an_edited_rubric_is_read_again(isolated_home: Path, tmp_path: Path) -> None:
    folder = copy_of_rubric(tmp_path)
    assert rubric_facts(folder).behaviours[0].title == "Cultivate belonging"
    behaviour = folder / "01-cultivate-belonging.yaml"
    text = behaviour.read_text(encoding="utf-8")
    behaviour.write_text(
        text.replace("title: Cultivate belonging", "title: Grow belonging together"),
        encoding="utf-8",
    )
    assert rubric_facts(folder).behaviours[0].title == "Grow belonging together"


def test_a_broken_rubric_is_reported_not_cached(isolated_home: Path, tmp_path: Path) -> None:
    folder = copy_of_rubric(tmp_path)
    (folder / "rubric.yaml").write_text("id: [not, a, slug\n", encoding="utf-8")
    with pytest.raises(ContentError):
        rubric_facts(folder)
    assert cache_files(isolated_home) == []


def test_a_damaged_cache_is_ignored(isolated_home: Path) -> None:
    rubric_facts()
    for cached in cache_files(isolated_home):
        cached.write_text("{not json", encoding="utf-8")
    assert rubric_facts() == facts_of(load_rubric())
    json.loads(cache_files(isolated_home)[0].read_text(encoding="utf-8"))  # rewritten


def test_behaviour_refs_resolve_to_ids_once_each() -> None:
    facts = rubric_facts()
    assert resolve_behaviours(facts, ["2", "protect-time", "1"], None) == [
        "protect-time",
        "cultivate-belonging",
    ]
    with pytest.raises(BelongingError, match="no behaviour 'belong'") as raised:
        resolve_behaviours(facts, ["belong"], None)
    assert "did you mean cultivate-belonging" in (raised.value.hint or "")


def test_a_report_with_a_warm_cache_loads_no_rubric_yaml(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with open_journal(home / "journal.db") as journal:
        journal.import_data(sample_journal())
    code = (
        "import sys\n"
        "from belonging_cli.main import main\n"
        "assert main(['report', '--period', 'all', '--out', sys.argv[1]]) == 0\n"
        "heavy = ('yaml', 'belonging_cli.content.rubrics')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "BELONGING_HOME": str(home)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / "r.md")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["['belonging_cli.content.rubrics', 'yaml']", "[]"]
