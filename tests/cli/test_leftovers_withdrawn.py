"""A coach's newer pack that no longer holds an exercise (issue 16): one the client
still had to do is withdrawn, as before; one the client completed stays done, and
one the client dropped stays dropped with its reason. `exercises import --dry-run`
says so before anything is written, `exercises list/show`, the report, the bundle
and the coach's roll-up all count it done; `exercises show` adds that it was
withdrawn from the pack."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from support.cli import CliRunner
from support.places import REPO
from support.three_clients import frozen_at

PACK = example_pack(load_rubric(REPO / "rubrics"))
ASK = "first-month/ask-dont-tell"
RHYTHM = "first-month/weekly-rhythm"
NEW = "first-month/say-no"
ANSWER = "They found the answer themselves"
REASON = "Board prep takes every evening"
STARTED, DONE_ON, UPDATED, SHARED_ON = (dt.date(2026, 11, d) for d in (2, 4, 16, 30))


def version_2() -> str:
    """The coach's v2: ask-dont-tell and weekly-rhythm taken out, a new one (due in two
    weeks) in their place; month-end stays."""
    head, rest = PACK.split("  - id: ask-dont-tell", 1)
    month_end, weekly = rest.split("  - id: month-end", 1)[1].split("  - id: weekly-rhythm", 1)
    new = ("  - id: weekly-rhythm" + weekly).replace("id: weekly-rhythm", "id: say-no")
    new = new.replace("title: Protect one hour a week", "title: Say no once")
    new = new.replace("due: 8d", "due: 2w")
    head = head.replace('version: "1"', 'version: "2"')
    return head + "  - id: month-end" + month_end + new


def run(cli: CliRunner, *args: str) -> str:
    """What a command printed, stdout then stderr (where import says what it did)."""
    done = cli(*args)
    assert done.code == 0, done.err
    return done.out + done.err


def data(cli: CliRunner, *args: str) -> Any:
    done = cli(*args)
    assert done.code == 0, done.err
    return json.loads(done.out)


def listed(cli: CliRunner) -> dict[str, dict[str, Any]]:
    """`exercises list --json` on the day the bundle is shared, by exercise id."""
    with frozen_at(SHARED_ON):
        found = data(cli, "exercises", "list", "--json")
    return {e["id"]: e for e in found["exercises"]}


def start(cli: CliRunner, tmp_path: Path) -> None:
    """Import v1, then do ask-dont-tell through the real flow, a shared answer given."""
    pack = tmp_path / "v1.yaml"
    pack.write_text(PACK, encoding="utf-8")
    with frozen_at(STARTED, hour=9):
        run(cli, "exercises", "import", str(pack))
    answers = tmp_path / "ask.yaml"
    given = {
        "what-happened": {"text": ANSWER, "private": False},
        "how-hard": "somewhat hard",
        "again": True,
    }
    answers.write_text(yaml.safe_dump({"answers": given}), encoding="utf-8")
    with frozen_at(DONE_ON):
        run(cli, "exercises", "do", ASK, "--answers", str(answers))


def update(cli: CliRunner, tmp_path: Path, *extra: str) -> str:
    pack = tmp_path / "v2.yaml"
    pack.write_text(version_2(), encoding="utf-8")
    with frozen_at(UPDATED):
        return run(cli, "exercises", "import", *extra, str(pack))


def test_the_dry_run_says_a_done_exercise_stays_done(cli: CliRunner, tmp_path: Path) -> None:
    start(cli, tmp_path)
    before = listed(cli)
    said = update(cli, tmp_path, "--dry-run")
    assert f"keep: {ASK}  withdrawn from the pack; you did it, so it stays done" in said
    assert f"withdraw: {ASK}" not in said
    assert f"withdraw: {RHYTHM}" in said  # still to do: withdrawn, as before
    assert (
        "would update pack first-month version 2 (was 1): 1 added, 1 updated, 1 withdrawn" in said
    )
    assert "1 kept as done" in said
    assert listed(cli) == before  # nothing written


def test_a_completed_exercise_keeps_its_completion_everywhere(
    cli: CliRunner, tmp_path: Path
) -> None:
    start(cli, tmp_path)
    said = update(cli, tmp_path)
    assert f"keep: {ASK}  withdrawn from the pack; you did it, so it stays done" in said
    exercises = listed(cli)
    assert (exercises[ASK]["state"], exercises[ASK]["times_done"]) == ("done", 1)
    assert exercises[ASK]["completed_at"].startswith(DONE_ON.isoformat())
    assert exercises[RHYTHM]["state"] == "withdrawn"
    assert exercises[NEW]["state"] == "due"
    shown = run(cli, "exercises", "show", ASK)
    assert "state: done (withdrawn from the pack)" in shown
    shown_json = data(cli, "exercises", "show", ASK, "--json")
    assert (shown_json["state"], shown_json["withdrawn_from_pack"]) == ("done", True)
    assert data(cli, "exercises", "show", NEW, "--json")["withdrawn_from_pack"] is False
    # The report, the bundle the coach receives and the coach's roll-up: done, answered.
    bundle = tmp_path / "bundle.json"
    with frozen_at(SHARED_ON):
        report = data(cli, "report", "--format", "json", "--since", "2026-11-02")
        run(cli, "report", "--share", "--format", "json", "--since", "2026-11-02", "--out",
            str(bundle))  # fmt: skip
        roll_up = data(cli, "coach", "summary", str(bundle), "--format", "json")
        roll_up_md = run(cli, "coach", "summary", str(bundle), "--format", "md")
    items = {i["id"]: i for i in report["exercises"]["items"]}
    assert items[ASK]["state"] == "done" and report["exercises"]["counts"]["done"] == 1
    shared = {i["id"]: i for i in json.loads(bundle.read_text())["exercises"]["items"]}
    assert shared[ASK]["state"] == "done"
    assert ANSWER in [a["answer"] for a in shared[ASK]["answers"]]
    (client,) = roll_up["clients"]
    assert client["exercises"]["done"] == 1
    assert "| 1 / 2 / 0 |" in roll_up_md  # done / due / overdue: the new one and month-end


def test_importing_the_same_update_again_changes_and_says_nothing_more(
    cli: CliRunner, tmp_path: Path
) -> None:
    start(cli, tmp_path)
    update(cli, tmp_path)
    again = update(cli, tmp_path)
    assert "already imported; nothing changed" in again
    assert "keep:" not in again
    assert listed(cli)[ASK]["state"] == "done"


def test_a_done_exercise_that_comes_back_is_still_done(cli: CliRunner, tmp_path: Path) -> None:
    start(cli, tmp_path)
    update(cli, tmp_path)
    v3 = tmp_path / "v3.yaml"
    v3.write_text(PACK.replace('version: "1"', 'version: "3"'), encoding="utf-8")
    with frozen_at(SHARED_ON):
        run(cli, "exercises", "import", str(v3))
    exercises = listed(cli)
    assert (exercises[ASK]["state"], exercises[ASK]["times_done"]) == ("done", 1)
    assert exercises[RHYTHM]["state"] in ("due", "overdue")  # withdrawn, now assigned again
    assert "withdrawn from the pack" not in run(cli, "exercises", "show", ASK)


def test_a_dropped_exercise_withdrawn_stays_dropped_with_its_reason(
    cli: CliRunner, tmp_path: Path
) -> None:
    start(cli, tmp_path)
    with frozen_at(DONE_ON):
        run(cli, "exercises", "drop", RHYTHM, "--reason", REASON)
    said = update(cli, tmp_path, "--dry-run")
    assert f"keep: {RHYTHM}  withdrawn from the pack; you dropped it, so it stays dropped" in said
    assert "withdraw:" not in said
    update(cli, tmp_path)
    assert listed(cli)[RHYTHM]["state"] == "dropped"
    bundle = tmp_path / "bundle.json"
    with frozen_at(SHARED_ON):
        run(cli, "report", "--share", "--format", "json", "--since", "2026-11-02", "--out",
            str(bundle))  # fmt: skip
        roll_up = run(cli, "coach", "summary", str(bundle), "--format", "md")
    assert f"Protect one hour a week ({RHYTHM}): {REASON}" in roll_up
