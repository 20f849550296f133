"""A whole round at the command line: request, then collect hand-written replies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from support.cli import CliRunner, Result
from support.feedback_forms import FORMS

GOOD = ["dr-1.txt", "dr-2.txt", "dr-3-email.txt", "peer-1.txt", "manager-1.txt"]


def _collect(cli: CliRunner, tmp_path: Path, names: list[str], *extra: str) -> Result:
    return cli(
        "feedback",
        "collect",
        *(str(FORMS / n) for n in names),
        "--out",
        str(tmp_path / "aggregate.json"),
        *extra,
    )


def test_request_writes_the_form_and_the_collector_note(cli: CliRunner, tmp_path: Path) -> None:
    assert cli("config", "set", "name", "Alex Rivera").code == 0
    result = cli("feedback", "request", "--behaviours", "1,protect-time", "--out", str(tmp_path))
    assert result.code == 0, result.err
    form = (tmp_path / "feedback-form.txt").read_text()
    assert form.startswith("Feedback for Alex Rivera")
    assert "[protect-time/l1]" in form and "[cultivate-belonging/level]" in form
    assert "[meaningful-vision/level]" not in form
    assert "Do not write your name" in form and "[name]" not in form
    note = (tmp_path / "collector-note.txt").read_text()
    assert "belonging feedback collect" in note and "do not protect" in note
    again = cli("feedback", "request", "--out", str(tmp_path))
    assert again.code == 1 and "exists" in again.err and "Traceback" not in again.err


def test_a_whole_round_skips_the_broken_form_and_keeps_raters_anonymous(
    cli: CliRunner, tmp_path: Path
) -> None:
    result = _collect(cli, tmp_path, [*GOOD, "broken-mark.txt"])
    assert result.code == 1
    assert f"{FORMS / 'broken-mark.txt'}:29:16: unknown mark '?'" in result.err
    data = json.loads((tmp_path / "aggregate.json").read_text())
    assert data["format"] == "belonging-feedback" and data["version"] == 1
    assert data["leader"] == "Alex Rivera" and data["requested_on"] == "2026-11-02"
    # The peer and the manager merged are still two: left out, every answer of theirs.
    assert data["raters"] == {"total": 3, "groups": {"direct-report": 3}}
    belonging, protect = data["behaviours"]
    assert belonging["level"] == {
        "mean": 2.33,
        "min": 2,
        "max": 3,
        "n": 3,
        "by_group": {"direct-report": {"mean": 2.33, "n": 3}},
    }
    assert protect["level"]["mean"] == 4.0
    assert [lf["n"] for lf in protect["look_fors"]] == [3, 3, 3, 3, 3, 3]  # l3: two said
    keep = [
        "The opening round in our Monday meeting.",
        'Asking "what would make this easier?" in one-to-ones.',
    ]
    assert sorted(data["comments"]["keep"]) == sorted(keep)
    assert "You protect Friday" not in json.dumps(data)  # the peer's comment left out
    assert "peer" not in json.dumps(data) and "manager" not in json.dumps(data)
    assert "peer" not in result.err and "manager" not in result.err


def test_comments_are_in_the_same_order_whatever_the_order_of_the_forms(
    cli: CliRunner, tmp_path: Path
) -> None:
    assert _collect(cli, tmp_path, GOOD).code == 0
    first = (tmp_path / "aggregate.json").read_text()
    assert _collect(cli, tmp_path, GOOD[::-1]).code == 0
    assert (tmp_path / "aggregate.json").read_text() == first


def test_collecting_again_minus_one_rater_is_refused_unless_forced(
    cli: CliRunner, tmp_path: Path
) -> None:
    extra = tmp_path / "dr-4.txt"
    shutil.copy(FORMS / "dr-1.txt", extra)
    text = extra.read_text().replace("The opening round", "The closing round")
    extra.write_text(text)
    names = [*GOOD, str(extra)]
    assert _collect(cli, tmp_path, names).code == 0
    before = (tmp_path / "aggregate.json").read_bytes()
    refused = _collect(cli, tmp_path, GOOD)
    assert refused.code == 1 and "by 1 form" in refused.err and "--force" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    assert (tmp_path / "aggregate.json").read_bytes() == before
    assert "salt" not in before.decode()  # the state stays beside, never inside
    assert (tmp_path / ".belonging-collect-state.json").exists()
    assert _collect(cli, tmp_path, GOOD, "--force").code == 0


def test_small_groups_merge_and_fewer_than_three_give_nothing(
    cli: CliRunner, tmp_path: Path
) -> None:
    merged = _collect(cli, tmp_path, ["dr-1.txt", "dr-2.txt", "peer-1.txt"])
    assert merged.code == 0
    data = json.loads((tmp_path / "aggregate.json").read_text())
    assert data["raters"] == {"total": 3, "groups": {"others": 3}}
    (tmp_path / "aggregate.json").unlink()
    result = _collect(cli, tmp_path, ["dr-1.txt", "peer-1.txt"])
    assert result.code == 1
    assert "at least 3 raters" in result.err and len(result.err.strip().splitlines()) == 1
    assert not (tmp_path / "aggregate.json").exists()
