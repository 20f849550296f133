"""Help and filters speak of the rubric in use, whatever its size.

A custom rubric may hold eleven behaviours: no help counts them ("1-10", "all ten").
`journal list --behaviour` with one the rubric lacks is `rubric show`'s error (exit 1),
not an empty listing, unless the journal's sessions name it (an older rubric's id).
`--limit` reads as `--limit N`, not click's range.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from belonging_cli.resources import packaged_dir
from support.cli import CliRunner
from support.flow_sessions import record_session

# Help that names the rubric's size as the built-in one's.
COUNTED = re.compile(r"\b1-10\b|\b(all|rate|every) ten\b|\bten behaviours\b", re.IGNORECASE)


@pytest.fixture
def eleven(tmp_path: Path) -> Path:
    """The built-in rubric set and an eleventh behaviour, `listen-first`."""
    folder = Path(shutil.copytree(packaged_dir("rubrics"), tmp_path / "eleven"))
    text = (folder / "01-cultivate-belonging.yaml").read_text(encoding="utf-8")
    text = text.replace("cultivate-belonging", "listen-first")  # its prompts' ids too
    text = text.replace("number: 1\n", "number: 11\n", 1)
    text = text.replace("title: Cultivate belonging", "title: Listen first", 1)
    (folder / "11-listen-first.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "command", [("reflect",), ("rubric", "show"), ("journal", "list")], ids=" ".join
)
def test_no_help_counts_the_behaviours(cli: CliRunner, command: tuple[str, ...]) -> None:
    result = cli(*command, "--help")
    assert result.code == 0, result.err
    assert not COUNTED.search(result.out), COUNTED.search(result.out)


def test_reflect_help_says_its_number_and_every_behaviour(cli: CliRunner) -> None:
    out = " ".join(cli("reflect", "--help").out.split())
    assert "an id or its number" in out
    assert "Rate every behaviour this week" in out


def test_limit_reads_as_n_sessions(cli: CliRunner) -> None:
    out = cli("journal", "list", "--help").out
    assert "--limit N" in out
    assert "at most N sessions" in " ".join(out.split())
    assert "INTEGER RANGE" not in out and "9223372036854775807" not in out
    refused = cli("journal", "list", "--limit", "0")
    assert refused.code == 2 and "--limit" in refused.err


@pytest.mark.parametrize("ref", ["12", "42", "protect-tme", "nobody"])
def test_an_unknown_behaviour_is_rubric_shows_error(cli: CliRunner, ref: str) -> None:
    record_session("2026-W45")  # a journal with a session: the filter would match none
    listed = cli("journal", "list", "--behaviour", ref)
    shown = cli("rubric", "show", ref)
    assert (listed.code, listed.out) == (1, "")
    assert listed.err == shown.err and shown.code == 1
    assert f"no behaviour {ref!r} in rubric belonging-core" in listed.err
    assert listed.err.count("\n") == 1
    as_json = cli("journal", "list", "--behaviour", ref, "--json")
    assert (as_json.code, as_json.err) == (1, listed.err)


def test_the_eleventh_behaviour_is_found_by_its_number(cli: CliRunner, eleven: Path) -> None:
    record_session("2026-W45", focus="listen-first")
    listed = cli("journal", "list", "--behaviour", "11", "--json", "--rubrics", str(eleven))
    assert listed.code == 0, listed.err
    assert [s["focus_behaviour_id"] for s in json.loads(listed.out)] == ["listen-first"]
    refused = cli("journal", "list", "--behaviour", "12", "--rubrics", str(eleven))
    assert refused.code == 1 and "no behaviour '12'" in refused.err


def test_an_older_rubrics_id_in_the_journal_still_filters(cli: CliRunner) -> None:
    record_session("2026-W45", focus="retired-behaviour")
    record_session("2026-W46")
    listed = cli("journal", "list", "--behaviour", "retired-behaviour", "--json")
    assert listed.code == 0, listed.err
    assert [s["focus_behaviour_id"] for s in json.loads(listed.out)] == ["retired-behaviour"]
    # Found in the journal at all, it filters with the other filters as typed.
    later = cli(
        "journal", "list", "--behaviour", "retired-behaviour", "--since", "2026-11-09", "--json"
    )
    assert (later.code, json.loads(later.out)) == (0, [])
