"""`belonging coach summary`: a roll-up of clients' shared report bundles."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.coaching.bundle import BadBundle, parse_bundle
from belonging_cli.coaching.rollup import build_rollup
from belonging_cli.coaching.samples import sample_bundle
from support.cli import CliRunner

TODAY = dt.date.today()
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def bundles(tmp_path: Path, count: int = 3) -> list[Path]:
    return [
        write(tmp_path / f"client{i}.json", sample_bundle(f"Client {i}", i, TODAY))
        for i in range(count)
    ]


def test_rolls_up_several_clients(cli: CliRunner, tmp_path: Path) -> None:
    files = bundles(tmp_path)
    result = cli("coach", "summary", *map(str, files))
    assert result.code == 0, result.err
    assert result.err == ""
    assert "# Coaching roll-up: 3 clients" in result.out
    for i in range(3):
        assert f"### Client {i}" in result.out
    assert "| Cultivate belonging | 3 |" in result.out  # rated by all three


def test_a_bad_file_is_named_and_the_rest_still_summarised(cli: CliRunner, tmp_path: Path) -> None:
    files = bundles(tmp_path, 2)
    truncated = tmp_path / "truncated.json"
    truncated.write_text(files[0].read_text(encoding="utf-8")[:700], encoding="utf-8")
    wrong_type = sample_bundle("Typo", 7, TODAY)
    wrong_type["summary"]["sessions_completed"] = "eleven"
    newer = {**sample_bundle("Future", 8, TODAY), "format_version": 2}
    huge = sample_bundle("Huge", 9, TODAY)
    huge["person"]["name"] = "x" * 1_000_000
    other = {"format": "something-else"}
    bad = [
        truncated,
        write(tmp_path / "wrong-type.json", wrong_type),
        write(tmp_path / "newer.json", newer),
        write(tmp_path / "huge.json", huge),
        write(tmp_path / "other.json", other),
        tmp_path / "missing.json",
    ]
    out = tmp_path / "rollup.md"
    result = cli("coach", "summary", *map(str, files + bad), "--out", str(out))
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if not line.startswith("wrote ")]
    assert len(lines) == len(bad)  # one line per bad file
    by_file = {Path(line.split(":")[0]).name: line for line in lines}
    assert "not valid JSON" in by_file["truncated.json"]
    assert "summary.sessions_completed" in by_file["wrong-type.json"]
    assert "unknown bundle format version 2" in by_file["newer.json"]
    assert "person.name" in by_file["huge.json"]
    assert "not a belonging report bundle" in by_file["other.json"]
    assert "no such file" in by_file["missing.json"]
    text = out.read_text(encoding="utf-8")
    assert "# Coaching roll-up: 2 clients" in text
    assert "6 files could not be read" in text
    assert "Traceback" not in result.err


def test_another_rubric_version_is_summarised_with_a_note(cli: CliRunner, tmp_path: Path) -> None:
    files = bundles(tmp_path, 2)
    old = write(tmp_path / "old.json", sample_bundle("Old", 5, TODAY, rubric_version="0.9.0"))
    result = cli("coach", "summary", *map(str, [*files, old]))
    assert result.code == 0, result.err
    assert "made with rubric belonging-core 0.9.0" in result.out
    assert "### Old" in result.out


def test_quiet_clients_and_overdue_exercises(tmp_path: Path) -> None:
    quiet = sample_bundle("Quiet", 1, TODAY - dt.timedelta(days=30))
    busy = sample_bundle("Busy", 2, TODAY)
    for item in quiet["exercises"]["items"] + busy["exercises"]["items"]:
        item["state"], item["due"] = "due", (TODAY - dt.timedelta(days=3)).isoformat()
    busy["summary"]["last_reflection"] = TODAY.isoformat()
    rollup = build_rollup(
        [
            ("q.json", parse_bundle(json.dumps(quiet).encode(), "q.json")),
            ("b.json", parse_bundle(json.dumps(busy).encode(), "b.json")),
        ],
        TODAY,
    )
    assert rollup.quiet_clients == ("Quiet",)
    assert [o.clients for o in rollup.overdue] == [2, 2, 2]
    assert rollup.overdue[0].names == ("Quiet", "Busy")
    busy_summary = rollup.clients[1]
    assert busy_summary.exercises is not None
    assert busy_summary.exercises.overdue == 3


def test_spread_per_behaviour(tmp_path: Path) -> None:
    pairs = []
    for i, level in enumerate((2, 4)):
        data = sample_bundle(f"C{i}", i, TODAY)
        for rating in data["ratings"]:
            for point in rating["series"]:
                point["level"] = level
            rating["latest"], rating["first"], rating["change"] = level, level, 0
        pairs.append((f"c{i}.json", parse_bundle(json.dumps(data).encode(), f"c{i}.json")))
    rollup = build_rollup(pairs, TODAY)
    first = rollup.behaviours[0]
    assert (first.average, first.lowest, first.highest, first.stdev) == (3.0, 2, 4, 1.0)


def test_since_limits_the_period(cli: CliRunner, tmp_path: Path) -> None:
    files = bundles(tmp_path, 1)
    since = (TODAY - dt.timedelta(days=14)).isoformat()
    result = cli("coach", "summary", str(files[0]), "--since", since, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    client = data["clients"][0]
    assert data["since"] == since
    assert client["weeks_reflected"] <= 3
    assert client["sessions"] is None  # not knowable once --since cuts into the period
    bad = cli("coach", "summary", str(files[0]), "--since", "last week")
    assert bad.code == 2


@pytest.mark.parametrize("command", ["summary", "prep"])
def test_a_since_in_the_future_is_refused_as_report_refuses_it(
    cli: CliRunner, tmp_path: Path, command: str
) -> None:
    """From a later day there is nothing to show: each client's dates read backwards
    ("2030-01-01 to 2026-12-06") and the command still succeeded (a trial found it)."""
    (bundle,) = bundles(tmp_path, 1)
    later = (TODAY + dt.timedelta(days=1)).isoformat()
    result = cli("coach", command, str(bundle), "--since", later)
    assert result.code == 2
    assert f"--since {later} is in the future (today is {TODAY.isoformat()})" in result.err
    assert result.out == ""
    assert cli("coach", command, str(bundle), "--since", TODAY.isoformat()).code == 0


def test_each_clients_change_says_what_it_counts_from(cli: CliRunner, tmp_path: Path) -> None:
    """Beside a timeline of the latest weeks, a change over the bundle's quarter read as
    the timeline's (a trial found it): the table shows the level it counts from."""
    (bundle,) = bundles(tmp_path, 1)
    data = json.loads(bundle.read_text(encoding="utf-8"))
    start = data["period"]["start"]
    for fmt in ("md", "html"):
        shown = cli("coach", "summary", str(bundle), "--format", fmt).out
        assert f"Ratings since the week of {start}: “from” is the last rating before it" in shown
    md = cli("coach", "summary", str(bundle)).out
    assert "| behaviour | from | latest | change | level |" in md
    for rating in data["ratings"]:
        if rating["latest"] is not None and rating["change"] is not None:
            start_level = rating["latest"] - rating["change"]
            row = f"| {rating['title']} | {start_level} | {rating['latest']} |"
            assert row in md, row


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_no_bundle_field_can_inject_markup(cli: CliRunner, tmp_path: Path, fmt: str) -> None:
    data = sample_bundle(HOSTILE, 3, TODAY)
    data["rubric"]["version"] = HOSTILE[:100]
    data["ratings"][0]["title"] = HOSTILE
    data["ratings"][0]["latest_label"] = "<b>bold</b>"
    data["experiments"]["open"]["title"] = HOSTILE
    for item in data["exercises"]["items"]:
        item["title"], item["id"], item["state"] = HOSTILE, f"p/{HOSTILE}", "overdue"
        item["due"] = (TODAY - dt.timedelta(days=2)).isoformat()
    path = write(tmp_path / "hostile.json", data)
    out = tmp_path / f"rollup.{fmt}"
    result = cli(
        "coach",
        "summary",
        str(path),
        str(bundles(tmp_path, 1)[0]),
        "--format",
        fmt,
        "--out",
        str(out),
    )
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["clients"][0]["name"] == HOSTILE
        return
    if fmt == "md":
        # Even a renderer that passes raw HTML through (CommonMark's default) shows text.
        from markdown_it import MarkdownIt

        text = MarkdownIt("commonmark").render(text)
    assert "<script" not in text.lower()
    assert "<img" not in text.lower()
    assert "<b>" not in text
    if fmt == "html":
        assert "&lt;script&gt;" in text
        assert text.lower().count("<script") == 0


def test_parse_bundle_rejects_strings_for_numbers() -> None:
    data = sample_bundle("Strict", 1, TODAY)
    data["ratings"][0]["latest"] = "3"
    with pytest.raises(BadBundle) as caught:
        parse_bundle(json.dumps(data, indent=1).encode(), "s.json")
    problem = caught.value.problem
    assert problem.field == "ratings[0].latest"
    assert problem.line > 1


# -- the bundle parser under fuzzing: a Bundle or one located problem, never a crash

_json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False),
        st.text(max_size=20),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data[:2]):
            found += _paths(value, (*prefix, i))
    return found


BASE = sample_bundle("Fuzz", 11, TODAY, weeks=3)
PATHS = [p for p in _paths(BASE) if p]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(PATHS), _json_values)
def test_a_damaged_bundle_gives_one_problem_or_a_bundle(path: tuple[Any, ...], value: Any) -> None:
    data = copy.deepcopy(BASE)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    raw = json.dumps(data, indent=1).encode()
    try:
        parse_bundle(raw, "fuzz.json")
    except BadBundle as bad:
        assert bad.problem.path == "fuzz.json"
        assert bad.problem.line >= 1
        assert "\n" not in str(bad.problem)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200) | st.integers(0, 3000).map(lambda n: b'{"format":' * n))
def test_any_bytes_give_one_problem(raw: bytes) -> None:
    with pytest.raises(BadBundle):
        parse_bundle(raw, "junk.json")


def test_real_shared_reports_roll_up(cli: CliRunner, tmp_path: Path) -> None:
    """The bundle `belonging report --share --format json` writes is what the roll-up reads."""
    demo = tmp_path / "demo"
    assert cli("demo", str(demo), "--weeks", "6").code == 0
    bundle = tmp_path / "sam.json"
    made = cli("--home", str(demo), "report", "--share", "--format", "json", "--out", str(bundle))
    assert made.code == 0, made.err
    out = tmp_path / "rollup.html"
    result = cli("coach", "summary", str(bundle), "--out", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")  # the format follows --out's extension
    assert "Coaching roll-up: 1 client" in text
