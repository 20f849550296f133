"""Other people's content on the user's terminal: rubrics, flows and packs hold no
control characters (one-line values not even line breaks), and whatever reaches
the terminal from the journal has its control characters removed.

The payloads are in tests/hostile/content/terminal-escapes.json.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from belonging_cli import ask, paths
from belonging_cli.coaching.example import example_pack
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.safe_text import no_controls, one_line, strip_controls
from support.cli import REPO, CliRunner, Result
from support.weekly_answers import weekly_answers, write_answers

CORPUS = json.loads((REPO / "tests/hostile/content/terminal-escapes.json").read_text("utf-8"))
ANY_TEXT: dict[str, str] = CORPUS["any_text"]
MULTI_LINE_ONLY: dict[str, str] = CORPUS["multi_line_only"]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PACK = example_pack(load_rubric(REPO / "rubrics"))


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ask, "terminal_available", lambda: False)


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text)


def assert_clean(result: Result) -> None:
    assert not CONTROL.search(result.out), result.out
    assert not CONTROL.search(result.err), result.err
    assert "Traceback" not in result.err


def set_line(path: Path, key: str, value: str) -> int:
    """Replace the first top-level `key:` line's value; the line number it is on."""
    lines = path.read_text("utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = number + 1
    while end < len(lines) and lines[end].startswith(" "):  # a block scalar's lines
        end += 1
    lines[number:end] = [f"{key}: {value}"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return number + 1


def expected(text: str, *, one: bool) -> str:
    bad = (CONTROL if not one else re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")).search(text)
    assert bad is not None
    return f"(U+{ord(bad.group()):04X})"


# -- rubrics, flows and packs refuse them, located --------------------------------

ONE_LINE_CASES = {**ANY_TEXT, **MULTI_LINE_ONLY}


@pytest.mark.parametrize("name", sorted(ONE_LINE_CASES))
def test_a_rubric_title_is_one_clean_line(cli: CliRunner, tmp_path: Path, name: str) -> None:
    folder = tmp_path / "rubrics"
    shutil.copytree(REPO / "rubrics", folder)
    text = ONE_LINE_CASES[name]
    line = set_line(folder / "02-protect-time.yaml", "title", quoted(text))
    result = cli("rubric", "validate", str(folder))
    assert result.code == 1
    assert f"02-protect-time.yaml:{line}:8: title: " in result.err
    assert expected(text, one=True) in result.err
    assert_clean(result)


@pytest.mark.parametrize("name", sorted(ANY_TEXT))
def test_rubric_paragraphs_hold_no_control_characters(
    cli: CliRunner, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "rubrics"
    shutil.copytree(REPO / "rubrics", folder)
    line = set_line(folder / "02-protect-time.yaml", "statement", quoted(ANY_TEXT[name]))
    result = cli("rubric", "validate", str(folder))
    assert result.code == 1
    assert f"02-protect-time.yaml:{line}:12: statement: a control character" in result.err
    assert_clean(result)


def test_paragraphs_may_hold_line_breaks_and_tabs(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "rubrics"
    shutil.copytree(REPO / "rubrics", folder)
    set_line(folder / "02-protect-time.yaml", "statement", quoted("One line\n\tand another"))
    result = cli("rubric", "validate", str(folder))
    assert result.code == 0, result.err


@pytest.mark.parametrize("name", sorted(ONE_LINE_CASES))
def test_a_flow_title_is_one_clean_line(cli: CliRunner, tmp_path: Path, name: str) -> None:
    flow = tmp_path / "mirror.yaml"
    shutil.copy(REPO / "prompts/mirror.yaml", flow)
    line = set_line(flow, "title", quoted(ONE_LINE_CASES[name]))
    result = cli("flows", "validate", str(flow))
    assert result.code == 1
    assert f"mirror.yaml:{line}:8: title: " in result.err
    assert_clean(result)


def pack_with(tmp_path: Path, old: str, new: str) -> Path:
    assert PACK.count(old) >= 1, old
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.replace(old, new, 1), "utf-8")
    return path


PACK_PLACES = {  # (what the example pack says, the field the problem names)
    "title": ("title: ", "title"),
    "coach": ("name: ", "coach.name"),
}


@pytest.mark.parametrize("place", sorted(PACK_PLACES))
@pytest.mark.parametrize("name", sorted(ONE_LINE_CASES))
def test_a_pack_is_refused_at_import(cli: CliRunner, tmp_path: Path, name: str, place: str) -> None:
    prefix, field = PACK_PLACES[place]
    start = PACK.index(prefix) + len(prefix)
    old = PACK[PACK.index(prefix) : PACK.index("\n", start)]
    path = pack_with(tmp_path, old, prefix + quoted(ONE_LINE_CASES[name]))
    for command in (("exercises", "import"), ("coach", "pack", "validate")):
        result = cli(*command, str(path))
        assert result.code == 1, command
        assert re.search(rf"pack\.yaml:\d+:\d+: {re.escape(field)}: ", result.err), result.err
        assert_clean(result)
    listed = cli("exercises", "list", "--json")
    assert json.loads(listed.out)["exercises"] == []  # nothing was imported


@pytest.mark.parametrize("name", sorted(ANY_TEXT))
def test_pack_instructions_and_questions_hold_no_control_characters(
    cli: CliRunner, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(
        "id: p\ntitle: P\nversion: 1\ncoach: {name: Sam}\nexercises:\n"
        "  - id: e\n    behaviour: protect-time\n    title: E\n"
        f"    instructions: {quoted(ANY_TEXT[name])}\n"
        f"    questions:\n      - {{id: q, kind: text, question: {quoted(ANY_TEXT[name])}}}\n",
        "utf-8",
    )
    result = cli("exercises", "import", str(path))
    assert result.code == 1
    assert "pack.yaml:9:19: exercises[0].instructions: a control character" in result.err
    assert "pack.yaml:11:39: exercises[0].questions[0].question: a control" in result.err
    assert_clean(result)


def test_an_unknown_key_is_named_without_its_escapes(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK + f"{quoted(ANY_TEXT['window-title'])}: 1\n", "utf-8")
    result = cli("exercises", "import", str(path))
    assert result.code == 1
    assert "unknown key" in result.err
    assert_clean(result)


# -- what reaches the terminal from the journal -------------------------------------


def test_own_text_is_kept_as_typed_but_shown_without_controls(
    cli: CliRunner, tmp_path: Path
) -> None:
    typed = " / ".join(ANY_TEXT.values())
    data = weekly_answers(**{"reflect.1": f"Visible {typed}"})
    saved = cli("reflect", "--answers", str(write_answers(tmp_path, data)))
    assert saved.code == 0, saved.err
    session_id = saved.out.strip()
    # Tags come from the flows that still ask them (the 2.0 weekly asks none).
    deep: dict[str, object] = {f"reflect.{n}": "Noted" for n in range(1, 6)}
    deep |= {"focus": "protect-time", "place": 3, "tags": [ANY_TEXT["window-title"], "planning"]}
    deep |= {"next-level": "Keep the block", "next-experiment": "Block one hour to think"}
    tagged = write_answers(tmp_path, {"flow": "deep-dive", "answers": deep}, "deep.json")
    assert cli("reflect", "--answers", str(tagged)).code == 0
    for args in (
        ("journal", "show", session_id),
        ("journal", "search", "Visible"),
        ("journal", "list"),
        ("journal", "list", "--tag", "planning"),
        ("status",),
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
        assert_clean(result)
    shown = cli("journal", "show", session_id).out
    assert "Visible" in shown and "you have been pwned" in shown  # the words stay
    as_json = json.loads(cli("journal", "show", session_id, "--json").out)
    answers = {a["step_id"]: a["value"] for a in as_json["answers"]}
    assert typed in answers["reflect.1"]  # stored as typed


def test_exercises_list_and_show_never_print_stored_escapes(cli: CliRunner, tmp_path: Path) -> None:
    """An assignment imported before packs were checked still cannot reach the terminal."""
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, "utf-8")
    assert cli("exercises", "import", str(path)).code == 0
    hostile = ANY_TEXT["osc52-clipboard"] + " [red]markup[/red] [link=file:///etc/passwd]x[/link]"
    with sqlite3.connect(paths.journal_path()) as db:
        db.execute("UPDATE assignments SET title = ?, instructions = ?", (hostile, hostile))
    listed = cli("exercises", "list")
    assert listed.code == 0, listed.err
    assert_clean(listed)
    first = json.loads(cli("exercises", "list", "--json").out)["exercises"][0]["id"]
    shown = cli("exercises", "show", first)
    assert shown.code == 0, shown.err
    assert_clean(shown)
    assert "[red]markup[/red]" in shown.out  # rich markup shows as written


def test_rubric_and_flow_text_is_never_rich_markup(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "rubrics"
    shutil.copytree(REPO / "rubrics", folder)
    set_line(folder / "02-protect-time.yaml", "title", quoted("[red]Protect[/red] [link=x]time"))
    shown = cli("rubric", "show", "protect-time", "--rubrics", str(folder))
    assert shown.code == 0, shown.err
    assert "[red]Protect[/red] [link=x]time" in shown.out
    flow = tmp_path / "flows"
    flow.mkdir()
    shutil.copy(REPO / "prompts/mirror.yaml", flow / "mirror.yaml")
    set_line(flow / "mirror.yaml", "title", quoted("The [bold]mirror[/bold]"))
    shown = cli("flows", "show", "mirror", "--flows", str(flow))
    assert shown.code == 0, shown.err
    assert "The [bold]mirror[/bold]" in shown.out


# -- the one rule ---------------------------------------------------------------------


@given(st.text())
def test_terminal_text_has_no_controls_and_keeps_the_rest(text: str) -> None:
    shown = strip_controls(text)
    assert not CONTROL.search(shown)
    assert shown == "".join(c for c in text if not CONTROL.match(c))


@given(st.text())
def test_the_checks_refuse_exactly_the_control_characters(text: str) -> None:
    bad = CONTROL.search(text) is not None
    try:
        no_controls(text)
        assert not bad
    except ValueError:
        assert bad
    line_bad = bad or any(c in text for c in "\t\n\u2028\u2029")
    try:
        one_line(text)
        assert not line_bad
    except ValueError:
        assert line_bad


def test_an_exercise_stored_with_escapes_is_refused_in_one_line(
    cli: CliRunner, tmp_path: Path
) -> None:
    """Imported before packs were checked: `do` says what to do, it does not crash."""
    path = tmp_path / "pack.yaml"
    path.write_text(PACK, "utf-8")
    assert cli("exercises", "import", str(path)).code == 0
    exercise = json.loads(cli("exercises", "list", "--json").out)["exercises"][0]["id"]
    with sqlite3.connect(paths.journal_path()) as db:
        (stored,) = db.execute("SELECT questions_json FROM assignments WHERE id = ?", (exercise,))
        questions = json.loads(stored[0])
        questions[0]["question"] = ANY_TEXT["osc52-clipboard"]
        db.execute(
            "UPDATE assignments SET questions_json = ? WHERE id = ?",
            (json.dumps(questions), exercise),
        )
    empty = tmp_path / "answers.yaml"
    empty.write_text("answers: {}\n", "utf-8")
    for args in (("--answers-template",), ("--answers", str(empty))):
        result = cli("exercises", "do", exercise, *args)
        assert result.code == 1, result.err
        assert len(result.err.splitlines()) == 1, result.err
        line = result.err
        assert "cannot be done as imported: a control character (U+001B)" in line
        assert f"belonging exercises drop {exercise}" in line
        assert_clean(result)
