"""Every parser of user input, attacked through the real commands with damaged files.

For each kind of file a person or a coach hands the tool (flows, rubrics, packs, answers
files, the config, journal exports, report bundles), a valid file is damaged at a random
place (junk inserted, a slice cut out, a value replaced) and given to the command that
reads it. Whatever happens, the tool answers with its own errors only: exit 0 or 1, every
line of stderr either located (`file:line:col: ...`) or one `belonging: error:` line,
never a traceback; and when it refuses, the journal file is byte for byte as before.

The flow model, which had no property test of its own, also gets arbitrary text and
structures in-process, like the rubric's tests in test_content_loader.py.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from belonging_cli.content.flows import Flow, load_flow_document
from belonging_cli.content.source import parse_text
from belonging_cli.content.validation import validate
from belonging_cli.errors import ContentError
from support.cli import REPO, CliRunner

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LOCATED = re.compile(r"^.+:\d+:\d+: \S")
JUNK = [
    "",
    "x",
    ":",
    "- ",
    "\t",
    "{",
    "}",
    "[",
    "'",
    '"',
    "\x00",
    "é",
    "\n  - 7\n",
    ": :",
    "&a",
    "*a",
    "!!python/object:os.system",
    "\ufeff",
    "\u2028",
    "0" * 30,
    "null",
    "~",
]


def damaged(text: str) -> st.SearchStrategy[str]:
    """`text` with junk inserted, a slice cut out, or one line replaced, somewhere."""
    size = len(text)
    insert = st.tuples(st.integers(0, size), st.sampled_from(JUNK) | st.text(max_size=8)).map(
        lambda t: text[: t[0]] + t[1] + text[t[0] :]
    )
    cut = st.tuples(st.integers(0, size), st.integers(1, 40)).map(
        lambda t: text[: t[0]] + text[t[0] + t[1] :]
    )
    lines = text.splitlines(keepends=True)
    replace = st.tuples(st.integers(0, max(len(lines) - 1, 0)), st.sampled_from(JUNK)).map(
        lambda t: "".join([*lines[: t[0]], t[1] + "\n", *lines[t[0] + 1 :]])
    )
    return st.one_of(insert, cut, replace)


def assert_own_errors(code: int, err: str) -> None:
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err and "unexpected error" not in err, err
    if code == 0:
        return  # stderr holds notes for people ("Saved ...")
    for line in err.strip().splitlines():
        assert LOCATED.match(line) or line.startswith("belonging: error: "), err


def journal_bytes(home: Path) -> bytes | None:
    path = home / "journal.db"
    return path.read_bytes() if path.exists() else None


def _sample(cli: CliRunner, *args: str) -> str:
    result = cli(*args)
    assert result.code == 0, result.err
    return result.out


# The valid files to damage, made once per test by the commands themselves. -----------


def _answers(cli: CliRunner, tmp_path: Path) -> str:
    return _sample(cli, "reflect", "--answers-template")


def _pack(cli: CliRunner, tmp_path: Path) -> str:
    return _sample(cli, "coach", "pack", "new")


def _export(cli: CliRunner, tmp_path: Path) -> str:
    answers = tmp_path / "seed.yaml"
    answers.write_text(_answers(cli, tmp_path), encoding="utf-8")
    _sample(cli, "reflect", "--answers", str(answers), "--date", "2026-01-05")
    return _sample(cli, "journal", "export")


def _bundle(cli: CliRunner, tmp_path: Path) -> str:
    _export(cli, tmp_path)
    return _sample(cli, "report", "--share", "--period", "all", "--format", "json")


def _file(name: str) -> Callable[[CliRunner, Path], str]:
    return lambda cli, tmp_path: (REPO / name).read_text(encoding="utf-8")


# kind: (how to make a valid file, its name, the command that reads it, writes journal?)
KINDS: dict[str, tuple[Callable[[CliRunner, Path], str], str, list[str], bool]] = {
    "answers": (_answers, "week.yaml", ["reflect", "--answers", "{}"], True),
    "pack import": (_pack, "pack.yaml", ["exercises", "import", "{}"], True),
    "pack validate": (_pack, "pack.yaml", ["coach", "pack", "validate", "{}"], False),
    "journal import": (_export, "export.json", ["journal", "import", "{}"], True),
    "bundle": (_bundle, "client.json", ["coach", "summary", "{}", "--format", "html"], False),
    "flow": (_file("prompts/weekly.yaml"), "weekly.yaml", ["flows", "validate", "{}"], False),
    "rubric": (
        _file("rubrics/01-cultivate-belonging.yaml"),
        "01-cultivate-belonging.yaml",
        ["rubric", "validate", "{}"],
        False,
    ),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_damaged_file_gives_the_tools_own_errors_and_writes_nothing(
    cli: CliRunner, tmp_path: Path, isolated_home: Path, kind: str
) -> None:
    make, name, command, writes = KINDS[kind]
    original = make(cli, tmp_path)
    folder = tmp_path / "input"
    folder.mkdir()
    path = folder / name

    @FAST
    @given(text=damaged(original))
    def attack(text: str) -> None:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        before = journal_bytes(isolated_home)
        result = cli(*(part.replace("{}", str(path)) for part in command))
        assert_own_errors(result.code, result.err)
        if result.code != 0 and writes:
            assert journal_bytes(isolated_home) == before, "a refused file changed the journal"

    attack()


@FAST
@given(text=st.text(max_size=300) | damaged('name = "Sam"\nreflection_weekday = "friday"\n'))
def test_a_damaged_config_is_located_and_never_rewritten_by_a_refused_set(
    cli: CliRunner, isolated_home: Path, text: str
) -> None:
    isolated_home.mkdir(exist_ok=True)
    config = isolated_home / "config.toml"
    config.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = config.read_bytes()
    shown = cli("config", "show")
    assert_own_errors(shown.code, shown.err)
    changed = cli("config", "set", "reflection_time", "09:30")
    assert_own_errors(changed.code, changed.err)
    if changed.code != 0:
        assert config.read_bytes() == before
    status = cli("status")
    assert_own_errors(status.code, status.err)


# The flow model in-process: any text, any structure. ------------------------------------

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 50),
    st.text(string.printable, max_size=20),
    st.sampled_from(["weekly", "pulse", "focus", "reflect", "text", "long_text", "select"]),
)
structures = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                ["id", "title", "steps", "kind", "question", "choices", "when", "step", "count"]
            )
            | st.text(string.ascii_lowercase + "_", max_size=10),
            children,
            max_size=6,
        ),
    ),
    max_leaves=30,
)


def _located(problems: list[object]) -> bool:
    return all(re.match(r"^flow\.yaml:\d+:\d+: ", str(p)) for p in problems)


@settings(max_examples=150, deadline=None)
@given(structures)
def test_any_structure_is_a_flow_or_located_problems(data: object) -> None:
    text = yaml.safe_dump({"id": "x", "title": "X", "steps": data} if data else data)
    try:
        validate(parse_text(text, "flow.yaml"), Flow)
    except ContentError as error:
        assert error.problems and _located(list(error.problems))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_flow_or_located_problems(text: str) -> None:
    try:
        validate(parse_text(text, "flow.yaml"), Flow)
    except ContentError as error:
        assert error.problems and _located(list(error.problems))


WEEKLY = (REPO / "prompts" / "weekly.yaml").read_text(encoding="utf-8")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged(WEEKLY))
def test_a_damaged_weekly_flow_loads_or_gives_located_problems(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("flow") / "flow.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_flow_document(path)
    except ContentError as error:
        assert error.problems and all(str(p).startswith(f"{path}:") for p in error.problems)
