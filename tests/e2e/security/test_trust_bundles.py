"""`belonging coach summary` on clients' bundles: bounded work, located problems.

A bundle too large is refused from its size alone; a bad one is located from the
JSON decoder's position (never by re-reading the file another way); each bundle
is summarised as it is read, so memory does not grow with the number of files;
whatever a client's own `report --share --format json` writes, the roll-up reads;
one-line values hold no line breaks or control characters.

The hostile changes are in tests/hostile/bundles/mutations.json.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from belonging_cli import ask
from belonging_cli.coaching.bundle import MAX_BYTES, BadBundle, parse_bundle
from belonging_cli.coaching.samples import sample_bundle
from belonging_cli.safe_text import MAX_TEXT
from support.cli import REPO, CliRunner
from support.json_edit import changed
from support.weekly_answers import weekly_answers, write_answers

TODAY = dt.date.today()
CORPUS = json.loads((REPO / "tests/hostile/bundles/mutations.json").read_text("utf-8"))


def write(path: Path, data: Any, indent: int | None = None) -> Path:
    path.write_text(json.dumps(data, indent=indent), encoding="utf-8")
    return path


def no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if anything reads a bundle as YAML (it once did, at 3.7 GB for 19 MB)."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("a bundle was re-read as YAML")

    from belonging_cli.content import source

    monkeypatch.setattr(source, "parse_text", refuse)


# -- size ------------------------------------------------------------------------------


def test_a_bundle_over_the_limit_is_refused_from_its_size(cli: CliRunner, tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing is written, nothing need be read
    good = write(tmp_path / "good.json", sample_bundle("Good", 1, TODAY))
    started = time.perf_counter()
    result = cli("coach", "summary", str(huge), str(good))
    assert time.perf_counter() - started < 5
    assert result.code == 1
    (line,) = result.err.splitlines()
    assert line.startswith(f"{huge}:1:1: ")
    assert f"at most {MAX_BYTES // 1_048_576} MB" in line
    assert "--share --format json --period" in line  # how to make a smaller one
    assert "### Good" in result.out


def test_the_limit_leaves_room_for_ten_years(cli: CliRunner, tmp_path: Path) -> None:
    ten_years = write(tmp_path / "ten.json", sample_bundle("Ten", 1, TODAY, weeks=520))
    assert ten_years.stat().st_size * 10 < MAX_BYTES


# -- located problems, from the JSON decoder ---------------------------------------------


def test_broken_json_is_located_by_the_decoder(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_yaml(monkeypatch)
    text = json.dumps(sample_bundle("Cut", 1, TODAY, weeks=520), indent=1)
    lines = text.splitlines()
    lines[3000] = lines[3000] + " oops"  # junk after a value, on line 3001
    path = tmp_path / "broken.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = cli("coach", "summary", str(path))
    assert result.code == 1
    assert result.err.startswith(f"{path}:3001:{len(lines[3000]) - 3}: not valid JSON")


@pytest.mark.parametrize("indent", [None, 1])
def test_a_wrong_field_is_located_without_rereading_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, indent: int | None
) -> None:
    no_yaml(monkeypatch)
    data = sample_bundle("Typo", 1, TODAY, weeks=520)
    data["ratings"][3]["series"][200]["level"] = "4"
    raw = json.dumps(data, indent=indent)
    started = time.perf_counter()
    with pytest.raises(BadBundle) as caught:
        parse_bundle(raw.encode(), "typo.json")
    assert time.perf_counter() - started < 2
    problem = caught.value.problem
    assert problem.field == "ratings[3].series[200].level"
    # The place is the bad value's own: `"4"` starts there.
    offset = _offset(raw, problem.line, problem.column)
    assert raw[offset : offset + 3] == '"4"'


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + column - 1


@pytest.mark.parametrize("case", CORPUS["refused"], ids=lambda c: c["name"])
def test_hostile_text_is_refused_and_located(case: dict[str, Any]) -> None:
    data = changed(sample_bundle("Host", 2, TODAY), case["path"], case["value"])
    raw = json.dumps(data, indent=1)
    with pytest.raises(BadBundle) as caught:
        parse_bundle(raw.encode(), "host.json")
    problem = caught.value.problem
    assert problem.field == case["field"]
    assert case["says"] in problem.message
    assert json.loads(raw[_offset(raw, problem.line, problem.column) :].split("\n")[0].rstrip(","))
    assert "\n" not in str(problem) and "\x1b" not in str(problem)


@pytest.mark.parametrize("case", CORPUS["accepted"], ids=lambda c: c["name"])
def test_ordinary_text_is_read(case: dict[str, Any]) -> None:
    data = changed(sample_bundle("Fine", 2, TODAY), case["path"], case["value"])
    parse_bundle(json.dumps(data).encode(), "fine.json")


# -- memory: one bundle at a time ----------------------------------------------------------


# The roll-up's peak, traced in a process of its own: a thread another test left running
# allocates in this process too, and tracemalloc counts every thread (a CI run of the
# in-process trace once saw 3.5x). A first roll-up of every bundle, untraced, imports what
# any of them needs and fills the caches; then the first `count` are traced.
PEAK = """
import json, sys, tracemalloc
from belonging_cli.main import main
count, *files = sys.argv[1:]
main(["coach", "summary", *files, "--format", "json", "--out", "warm.json"])
tracemalloc.start()
code = main(["coach", "summary", *files[: int(count)], "--format", "json", "--out", "rollup.json"])
peak = tracemalloc.get_traced_memory()[1]
clients = len(json.load(open("rollup.json", encoding="utf-8"))["clients"])
print(json.dumps([code, clients, peak]))
"""


def _peak(files: list[Path], count: int, folder: Path) -> int:
    command = [sys.executable, "-c", PEAK, str(count), *map(str, files)]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    code, clients, peak = json.loads(done.stdout.splitlines()[-1])
    assert (code, clients) == (0, count), done.stderr
    return int(peak)


def test_memory_does_not_grow_with_the_number_of_bundles(tmp_path: Path) -> None:
    files = [
        write(tmp_path / f"c{i}.json", sample_bundle(f"Client {i}", i, TODAY, weeks=520))
        for i in range(8)
    ]
    one = _peak(files, 1, tmp_path)
    eight = _peak(files, 8, tmp_path)
    # One bundle held at a time: with two at once (the last kept while the next was read
    # and parsed) eight came to 1.9x one.
    assert eight < 1.4 * one, (one, eight)


def test_the_roll_up_reads_bundles_as_an_iterator() -> None:
    """What build_rollup keeps is the summaries: a generator of bundles is enough."""
    from belonging_cli.coaching.rollup import build_rollup

    def bundles() -> Any:
        for i in range(3):
            raw = json.dumps(sample_bundle(f"C{i}", i, TODAY)).encode()
            yield f"c{i}.json", parse_bundle(raw, f"c{i}.json")

    rollup = build_rollup(bundles(), TODAY)
    assert [c.name for c in rollup.clients] == ["C0", "C1", "C2"]
    assert rollup.behaviours and rollup.rubric == "belonging-core 1.0.0"


# -- what a client's report writes, the roll-up reads -----------------------------------------


def test_a_long_own_experiment_does_not_make_the_bundle_unreadable(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    longest = ("Try this. " * MAX_TEXT)[:MAX_TEXT].strip()
    data = weekly_answers(**{"next-experiment": longest})
    saved = cli("reflect", "--answers", str(write_answers(tmp_path, data)))
    assert saved.code == 0, saved.err
    bundle = tmp_path / "me.json"
    made = cli("report", "--share", "--format", "json", "--out", str(bundle))
    assert made.code == 0, made.err
    result = cli("coach", "summary", str(bundle), "--format", "json")
    assert result.code == 0, result.err
    (client,) = json.loads(result.out)["clients"]
    assert client["open_experiment"]["title"].startswith("Try this. Try this.")


def test_the_longest_name_the_settings_take_rolls_up(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from belonging_cli.config import MAX_NAME

    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    name = "Zoë " + "n" * (MAX_NAME - 4)
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text(f'name = "{name}"\n', encoding="utf-8")
    assert cli("reflect", "--answers", str(write_answers(tmp_path, weekly_answers()))).code == 0
    bundle = tmp_path / "me.json"
    assert cli("report", "--share", "--format", "json", "--out", str(bundle)).code == 0
    result = cli("coach", "summary", str(bundle), "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["clients"][0]["name"] == name


def test_an_own_experiment_with_control_characters_still_rolls_up(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed text is kept as typed; the bundle carries it without its control characters."""
    monkeypatch.setattr(ask, "terminal_available", lambda: False)
    typed = "Ask first\x1b]0;title\x07 and \x9b listen"
    data = weekly_answers(**{"next-experiment": typed})
    assert cli("reflect", "--answers", str(write_answers(tmp_path, data))).code == 0
    bundle = tmp_path / "me.json"
    assert cli("report", "--share", "--format", "json", "--out", str(bundle)).code == 0
    result = cli("coach", "summary", str(bundle), "--format", "json")
    assert result.code == 0, result.err
    (client,) = json.loads(result.out)["clients"]
    assert client["open_experiment"]["title"] == "Ask first]0;title and  listen"
