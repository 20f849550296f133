"""`belonging status` names behaviours by their titles, not ids (issue 14), in its
experiment and deep-dive lines, from the rubric's cached facts (status stays light):
the first reflection keeps them; with no cache, or one status cannot believe, status
validates the rubric once and keeps its facts again (issue 12's trial).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from belonging_cli import clock
from belonging_cli.content.rubrics import load_rubric
from support import places
from support.cli import CliRunner
from support.flow_sessions import record_session
from support.startup import HEAVY, modules_after

TITLES = {b.id: b.title for b in load_rubric(places.REPO / "rubrics").behaviours}
PROTECT = TITLES["protect-time"]  # long: it wraps at 60 columns
CORPUS = json.loads((places.HOSTILE / "status_titles" / "caches.json").read_text("utf-8"))
DEEP_DIVE = "belonging reflect --flow deep-dive --behaviour protect-time"


def flat(text: str) -> str:
    return " ".join(text.split())


def cache_of(home: Path) -> Path:
    (cache,) = (home / "cache" / "rubric-facts").glob("*.json")
    return cache


def fits(out: str, columns: int) -> None:
    assert max(len(line) for line in out.splitlines()) <= columns, out


# A flow of its own (the built-in ones change with their content): a focus, an experiment.
FLOW = """\
id: titles-check
title: Titles check
description: A focus and an experiment.
minutes: 1
steps:
  - id: focus
    kind: focus
    question: Which behaviour?
  - id: next-experiment
    kind: experiment
    question: What will you try next week?
"""


@pytest.mark.parametrize("columns", [60, 100])
def test_the_first_reflection_names_its_experiments_behaviour_by_title(
    cli: CliRunner,
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    flows = tmp_path / "flows"
    flows.mkdir()
    (flows / "titles-check.yaml").write_text(FLOW, encoding="utf-8")
    answers = {"focus": "protect-time", "next-experiment": "Block one hour to think"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"flow": "titles-check", "answers": answers}), encoding="utf-8")
    result = cli("reflect", "--flows", str(flows), "--answers", str(path))
    assert result.code == 0, result.err
    assert cache_of(isolated_home).exists()  # reflect kept the rubric's facts
    monkeypatch.setenv("COLUMNS", str(columns))
    out = cli("status").out
    fits(out, columns)
    assert f"Block one hour to think ({PROTECT}), for" in flat(out), out
    assert "(protect-time)" not in out
    data = json.loads(cli("status", "--json").out)
    assert data["experiment"]["behaviour_id"] == "protect-time"  # JSON keeps the id


@pytest.fixture
def three_on_protect_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three weekly reflections running on protect-time; it is Wednesday of 2026-W48."""
    now = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(clock, "now", lambda zone=None: now.astimezone(zone))
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        record_session(week)


@pytest.mark.parametrize("columns", [60, 100])
def test_the_deep_dive_names_the_behaviour_by_title_and_runs_by_id(
    cli: CliRunner,
    three_on_protect_time: None,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    assert cli("rubric", "list").code == 0  # a rubric command keeps the facts too
    monkeypatch.setenv("COLUMNS", str(columns))
    out = cli("status").out
    fits(out, columns)
    deep = out[out.index("Deep dive") : out.index("Next:")]
    assert flat(deep).startswith(f"Deep dive {PROTECT} was the focus of your last three")
    assert "protect-time was the focus" not in out
    # The command still names the id, whole on its line or broken with a shell's `\`.
    command = re.sub(r" \\\n\s+", " ", deep.split("run: ", 1)[1]).strip()
    assert command == DEEP_DIVE
    data = json.loads(cli("status", "--json").out)
    assert [x["command"] for x in data["suggestions"]] == [DEEP_DIVE]


def test_with_no_cache_status_keeps_the_facts_itself(
    cli: CliRunner, three_on_protect_time: None, isolated_home: Path
) -> None:
    assert not (isolated_home / "cache").exists()
    out = cli("status").out
    assert f"Deep dive   {PROTECT}" in out, out
    assert "protect-time was the focus" not in out
    assert cache_of(isolated_home).exists()  # the next status reads it, light again


def poison(cache: Path, case: dict[str, object]) -> None:
    good = json.loads(cache.read_text(encoding="utf-8"))
    if case["kind"] == "body":
        body = str(case["body"]).replace('"KEY"', json.dumps(good["key"]))
        cache.write_text(body, encoding="utf-8")
    elif case["kind"] == "key":
        good["key"][-1] = []  # keyed to a rubric folder as it is not
        cache.write_text(json.dumps(good), encoding="utf-8")
    elif case["kind"] == "symlink":
        elsewhere = cache.with_name("elsewhere.json")
        cache.rename(elsewhere)
        cache.symlink_to(elsewhere)
    elif case["kind"] == "owner":
        if os.geteuid() != 0:
            pytest.skip("giving a file to another user needs root")
        os.chown(cache, 4242, 4242)


@pytest.mark.parametrize("case", CORPUS["caches"], ids=[c["name"] for c in CORPUS["caches"]])
def test_a_cache_status_cannot_believe_is_rebuilt_from_the_rubric(
    cli: CliRunner, three_on_protect_time: None, isolated_home: Path, case: dict[str, object]
) -> None:
    assert cli("rubric", "list").code == 0
    cache = cache_of(isolated_home)
    good = cache.read_text(encoding="utf-8")
    poison(cache, case)
    result = cli("status")
    assert result.code == 0 and result.err == "", result.err
    for title in case.get("never", []):  # type: ignore[attr-defined]
        assert title not in result.out
    assert "\x1b" not in result.out
    # Its titles are never shown: the rubric's own are, and the cache is written again.
    shown = "protect-time" if case["ids"] else PROTECT
    assert f"Deep dive   {shown}" in result.out, result.out
    if case["rebuilt"]:
        assert not cache.is_symlink() and cache.read_text(encoding="utf-8") == good


def test_status_reads_titles_without_the_rubric_records(
    cli: CliRunner, three_on_protect_time: None, isolated_home: Path
) -> None:
    assert cli("rubric", "list").code == 0
    loaded = modules_after("status", env={"BELONGING_HOME": str(isolated_home)})
    assert "belonging_cli.reports.facts_cache" in loaded  # it did read the cache
    assert "belonging_cli.reports.rubric_facts" not in loaded  # its dataclasses
    assert not {name.split(".")[0] for name in loaded} & HEAVY
