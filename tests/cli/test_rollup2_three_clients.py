"""`belonging coach summary` over three clients built through the real CLI: the shared
words, each behaviour's timeline, since coaching started, dropped exercises with their
reasons and the flags, in md, html and json; nothing private in any of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.three_clients import DROP_REASON, PRIVATE, SHARED, TODAY, frozen_at, three_clients


@pytest.fixture
def bundles(cli: CliRunner, tmp_path: Path) -> dict[str, Path]:
    return three_clients(cli, tmp_path / "clients")


def rolled(cli: CliRunner, bundles: dict[str, Path], fmt: str, *extra: str) -> str:
    with frozen_at(TODAY):
        done = cli("coach", "summary", *map(str, bundles.values()), "--format", fmt, *extra)
    assert done.code == 0, done.err
    return done.out


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_the_shared_words_reasons_and_flags_appear_and_nothing_private(
    cli: CliRunner, bundles: dict[str, Path], fmt: str
) -> None:
    out = rolled(cli, bundles, fmt)
    for words in SHARED.values():
        for text in words:
            assert text in out, text
    assert DROP_REASON in out
    for secret in PRIVATE:
        assert secret not in out
    assert "relapse" in out and "down from 4 to 2" in out  # priya's protect-time
    assert "not reflected for 18 days" in out  # dev, quiet since 13 November
    assert "not tried 2 weeks in a row" in out  # priya


def test_json_per_client(cli: CliRunner, bundles: dict[str, Path]) -> None:
    data = json.loads(rolled(cli, bundles, "json"))
    clients = {c["name"]: c for c in data["clients"]}
    maya, dev, priya = clients["Maya"], clients["Dev"], clients["Priya"]
    assert maya["started"] == "2026-11-02" and maya["weeks_coached"] == 4
    assert [f["kind"] for f in maya["flags"]] == []
    assert [f["kind"] for f in dev["flags"]] == ["quiet"]
    assert {f["kind"] for f in priya["flags"]} == {"relapse", "not-tried"}
    assert dev["dropped"] == [
        {
            "id": "first-month/weekly-rhythm",
            "title": "Protect one hour a week",
            "reason": DROP_REASON,
        }
    ]
    weeks = [w["week"] for w in maya["words"]]
    assert weeks == sorted(weeks, reverse=True)  # newest first
    assert len(maya["words"]) <= 12
    line = {t["behaviour_id"]: t for t in priya["timeline"]}["protect-time"]
    assert (line["high"], line["low"], line["latest"]) == (4, 2, 2)
    assert len(line["spark"]) == 5  # W45 to W49, one mark a week


def test_started_can_be_given(cli: CliRunner, bundles: dict[str, Path]) -> None:
    data = json.loads(rolled(cli, bundles, "json", "--started", "2026-10-01"))
    assert {c["started"] for c in data["clients"]} == {"2026-10-01"}
    assert "8 weeks ago" in rolled(cli, bundles, "md", "--started", "2026-10-01")


def test_an_unshared_bundle_is_refused_with_one_line(
    cli: CliRunner, bundles: dict[str, Path], tmp_path: Path
) -> None:
    unshared = tmp_path / "mine.json"
    data = json.loads(bundles["maya"].read_text(encoding="utf-8"))
    data["shared"] = False
    unshared.write_text(json.dumps(data), encoding="utf-8")
    with frozen_at(TODAY):
        done = cli("coach", "summary", str(bundles["dev"]), str(unshared))
    assert done.code == 1
    [line] = done.err.splitlines()
    assert line.startswith(f"{unshared}:1:1")
    assert "not a shared report" in line
    assert "belonging report --share --format json" in line
    assert "### Dev" in done.out and "### Maya" not in done.out
