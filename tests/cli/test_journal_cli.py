"""`belonging journal ...` as a user runs it, against a real journal file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.records import JournalData
from belonging_cli.synthetic import generate
from support.cli import CliRunner
from support.startup import HEAVY, loaded_after

END = dt.date(2026, 11, 27)


@pytest.fixture
def data() -> JournalData:
    """Twelve weeks of the 2.0 weekly, which asks no tags: two weeks carry the tags a
    1.x weekly asked, so `--tag` has sessions to find and sessions to leave out."""
    made = generate(load_rubric(), weeks=12, end=END, seed=7)
    tagged = {2: ("planning",), 5: ("planning", "hiring")}
    sessions = tuple(
        dataclasses.replace(s, tags=tagged[i]) if i in tagged else s
        for i, s in enumerate(made.sessions)
    )
    return dataclasses.replace(made, sessions=sessions)


@pytest.fixture
def journal_file(isolated_home: Path, data: JournalData) -> Path:
    """The user's journal, holding twelve weeks of reflections."""
    path = isolated_home / "journal.db"
    with open_journal(path) as journal:
        journal.import_data(data)
    return path


def test_path_shows_the_file_in_use(cli: CliRunner, isolated_home: Path, tmp_path: Path) -> None:
    assert cli("journal", "path").out.strip() == str(isolated_home / "journal.db")
    other = tmp_path / "elsewhere"
    assert cli("--home", str(other), "journal", "path").out.strip() == str(other / "journal.db")


def test_an_empty_journal_is_friendly(cli: CliRunner) -> None:
    result = cli("journal", "list")
    assert result.code == 0
    assert "No reflections yet" in result.out
    assert json.loads(cli("journal", "list", "--json").out) == []
    assert cli("journal", "search", "anything").code == 0
    exported = cli("journal", "export")
    assert exported.code == 0
    assert json.loads(exported.out)["sessions"] == []


def test_list_newest_first_with_filters(
    cli: CliRunner, journal_file: Path, data: JournalData
) -> None:
    result = cli("journal", "list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["date", "id", "flow", "focus", "avg", "tags", "status"]
    assert lines[1].startswith("2026-11-27")
    assert data.sessions[-1].id[:8] in lines[1]
    assert len(lines) == 13
    rows = json.loads(cli("journal", "list", "--json").out)
    assert [r["id"] for r in rows] == [s.id for s in reversed(data.sessions)]
    assert rows[0]["average_rating"] == round(data.sessions[-1].average_rating() or 0, 2)
    limited = json.loads(cli("journal", "list", "--limit", "2", "--json").out)
    assert len(limited) == 2
    since = json.loads(cli("journal", "list", "--since", "2026-11-01", "--json").out)
    assert {r["date"] for r in since} == {"2026-11-06", "2026-11-13", "2026-11-20", "2026-11-27"}
    until = json.loads(cli("journal", "list", "--until", "2026-09-11", "--json").out)
    assert [r["date"] for r in until] == ["2026-09-11"]
    tagged = [s for s in data.sessions if s.tags]
    tag = tagged[0].tags[0]
    by_tag = json.loads(cli("journal", "list", "--tag", tag, "--json").out)
    assert {r["id"] for r in by_tag} == {s.id for s in data.sessions if tag in s.tags}
    focus = data.sessions[0].focus_behaviour_id or ""
    by_focus = json.loads(cli("journal", "list", "--behaviour", focus, "--json").out)
    assert data.sessions[0].id in {r["id"] for r in by_focus}
    number = str(load_rubric().get(focus).number)
    by_number = json.loads(cli("journal", "list", "--behaviour", number, "--json").out)
    assert by_number == by_focus
    none = cli("journal", "list", "--tag", "no-such-tag")
    assert none.code == 0
    assert "No sessions match" in none.out


def test_list_rejects_a_bad_date(cli: CliRunner, journal_file: Path) -> None:
    result = cli("journal", "list", "--since", "last tuesday")
    assert result.code == 2
    assert "since" in result.err


def test_show_by_prefix_in_text_and_json(
    cli: CliRunner, journal_file: Path, data: JournalData
) -> None:
    session = data.sessions[5]
    result = cli("journal", "show", session.id[:6])
    assert result.code == 0, result.err
    reflection = session.answer("reflect.1")
    assert reflection is not None and isinstance(reflection.value, str)
    assert reflection.value[:30] in " ".join(result.out.split())
    assert "Experiment set" in result.out
    shown = json.loads(cli("journal", "show", session.id, "--json").out)
    assert shown["id"] == session.id
    assert len(shown["ratings"]) == 10
    assert [e["created_session_id"] for e in shown["experiments_set"]] == [session.id]
    assert [e["reviewed_session_id"] for e in shown["experiments_reviewed"]] == [session.id]


def test_show_refuses_unknown_and_ambiguous_ids(cli: CliRunner, journal_file: Path) -> None:
    unknown = cli("journal", "show", "zzzz")
    assert unknown.code == 1
    assert len(unknown.err.strip().splitlines()) == 1
    assert "no session" in unknown.err
    ambiguous = cli("journal", "show", "")
    assert ambiguous.code == 1
    with open_journal(journal_file) as journal:
        ids = [s.id for s in journal.sessions()]
    shared = {i[0] for i in ids if sum(j[0] == i[0] for j in ids) > 1}
    first = sorted(shared)[0]
    result = cli("journal", "show", first)
    assert result.code == 1
    assert "matches" in result.err
    assert "give more characters" in result.err


def test_search_shows_the_matching_line(
    cli: CliRunner, journal_file: Path, data: JournalData
) -> None:
    # One lens a week in turn: a later week that answered the control lens.
    session = next(s for s in data.sessions[1:] if s.answer("control") is not None)
    control = session.answer("control")
    assert control is not None and isinstance(control.value, str)
    words = control.value.split()[2:6]
    result = cli("journal", "search", " ".join(words).upper())
    assert result.code == 0, result.err
    assert session.id[:8] in result.out
    assert control.value in " ".join(result.out.split()) or " ".join(words) in result.out
    hits = json.loads(cli("journal", "search", " ".join(words), "--json").out)
    assert session.id in {h["id"] for h in hits}
    assert all(" ".join(words).lower() in h["line"].lower() for h in hits)
    nothing = cli("journal", "search", "xylophone")
    assert nothing.code == 0
    assert "No answers contain" in nothing.out


def test_delete_asks_and_needs_yes_without_a_terminal(
    cli: CliRunner, journal_file: Path, data: JournalData
) -> None:
    session = data.sessions[4]
    refused = cli("journal", "delete", session.id)
    assert refused.code == 2
    assert "--yes" in refused.err
    with open_journal(journal_file) as journal:
        assert journal.session(session.id)
    done = cli("journal", "delete", session.id[:10], "--yes")
    assert done.code == 0, done.err
    assert "1 experiment it set" in done.err
    with open_journal(journal_file) as journal:
        remaining = journal.load_all()
    assert session.id not in {s.id for s in remaining.sessions}
    assert session.id not in {e.created_session_id for e in remaining.experiments}
    assert session.id not in {e.reviewed_session_id for e in remaining.experiments}
    conn = sqlite3.connect(journal_file)
    for table in ("answers", "ratings", "session_tags"):
        count = conn.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", (session.id,))
        assert count.fetchone()[0] == 0
    conn.close()
    assert cli("journal", "delete", session.id, "--yes").code == 1


def test_export_json_is_full_fidelity_and_reimports_to_the_same_bytes(
    cli: CliRunner, journal_file: Path, tmp_path: Path
) -> None:
    first = cli("journal", "export", "--format", "json")
    assert first.code == 0, first.err
    document = json.loads(first.out)
    assert document["format"] == "belonging-journal"
    assert document["format_version"] == 1
    export_file = tmp_path / "export.json"
    assert cli("journal", "export", "--out", str(export_file)).code == 0
    assert export_file.read_text(encoding="utf-8") == first.out
    assert export_file.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "fresh"
    imported = cli("--home", str(fresh), "journal", "import", str(export_file))
    assert imported.code == 0, imported.err
    assert "Imported 12 sessions, 12 experiments" in imported.err
    again = cli("--home", str(fresh), "journal", "import", str(export_file))
    assert again.code == 0
    assert "Imported 0 sessions, 0 experiments" in again.err
    second = cli("--home", str(fresh), "journal", "export")
    assert second.out == first.out


def test_export_markdown_oldest_first(
    cli: CliRunner, journal_file: Path, data: JournalData
) -> None:
    result = cli("journal", "export", "--format", "md")
    assert result.code == 0, result.err
    text = result.out
    assert text.startswith("# Leadership journal")
    first, last = data.sessions[0], data.sessions[-1]
    assert text.index(first.id) < text.index(last.id)
    assert "Protect time to reflect" in text or "Cultivate belonging" in text  # titles
    assert "*(private)*" in text


def test_import_refuses_a_bad_file_with_locations_and_writes_nothing(
    cli: CliRunner, journal_file: Path, tmp_path: Path
) -> None:
    document = json.loads(cli("journal", "export").out)
    document["sessions"][1]["ratings"][0]["level"] = 9
    document["sessions"][2]["extra"] = True
    for session in document["sessions"]:
        session["id"] = session["id"][:-4] + "beef"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document, indent=2), encoding="utf-8")
    before = journal_file.read_bytes()
    result = cli("journal", "import", str(bad))
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert any(
        line.startswith(f"{bad}:") and "sessions[1].ratings[0].level" in line for line in lines
    )
    assert any("sessions[2].extra: unknown key" in line for line in lines)
    assert journal_file.read_bytes() == before
    for text, expected in (
        ("{not json", "not valid JSON"),
        ('{"format": "something-else"}', "not a belonging journal export"),
        ('{"format": "belonging-journal", "format_version": 99}', "newer belonging"),
        ("[1, 2]", "found a list"),
    ):
        bad.write_text(text, encoding="utf-8")
        refused = cli("journal", "import", str(bad))
        assert refused.code == 1
        assert expected in refused.err
        assert refused.err.startswith(f"{bad}:")
    assert journal_file.read_bytes() == before
    missing = cli("journal", "import", str(tmp_path / "nope.json"))
    assert missing.code == 1
    assert "no such file" in missing.err
    as_backup = cli("journal", "import", str(journal_file))
    assert "journal restore" in as_backup.err


def test_backup_and_restore(cli: CliRunner, journal_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    made = cli("journal", "backup", "--out", str(copy))
    assert made.code == 0, made.err
    assert copy.stat().st_mode & 0o777 == 0o600
    again = cli("journal", "backup", "--out", str(copy))
    assert again.code == 1
    assert "already exists" in again.err
    default = cli("journal", "backup")
    assert default.code == 0
    assert Path(default.out.strip()).parent == journal_file.parent
    original = json.loads(cli("journal", "export").out)
    first_id = original["sessions"][0]["id"]
    assert cli("journal", "delete", first_id, "--yes").code == 0
    assert cli("journal", "restore", str(copy)).code == 2  # not a terminal: needs --yes
    restored = cli("journal", "restore", str(copy), "--yes")
    assert restored.code == 0, restored.err
    assert "kept at" in restored.err
    assert json.loads(cli("journal", "export").out) == original
    kept = Path(restored.err.rsplit("kept at ", 1)[1].strip())
    with open_journal(kept) as journal:
        assert first_id not in {s.id for s in journal.sessions()}


def test_restore_refuses_what_is_not_a_journal(
    cli: CliRunner, journal_file: Path, tmp_path: Path
) -> None:
    before = journal_file.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"hello, not a database at all" * 10)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    for candidate in (junk, other, tmp_path / "missing.db"):
        result = cli("journal", "restore", str(candidate), "--yes")
        assert result.code == 1
        assert len(result.err.strip().splitlines()) == 1
    assert journal_file.read_bytes() == before
    assert junk.read_bytes() == b"hello, not a database at all" * 10


# --- edit -----------------------------------------------------------------------------

FAKE_EDITOR = """
import json, os, sys
plan_file = os.environ["FAKE_EDITOR_PLAN"]
plan = json.load(open(plan_file))
step = plan.pop(0)
json.dump(plan, open(plan_file, "w"))
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(os.environ["FAKE_EDITOR_PLAN"] + ".seen", "a", encoding="utf-8").write(text + "\\n=====\\n")
for old, new in step.get("replace", []):
    assert old in text, (old, text)
    text = text.replace(old, new, 1)
if "write" in step:
    text = step["write"]
open(path, "w", encoding="utf-8").write(text)
sys.exit(step.get("exit", 0))
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An $EDITOR that applies planned edits; returns the plan file to fill."""
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    plan = tmp_path / "plan.json"
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("FAKE_EDITOR_PLAN", str(plan))
    return plan


def test_edit_without_an_editor_says_how_to_set_one(cli: CliRunner, journal_file: Path) -> None:
    result = cli("journal", "edit", "0")
    assert result.code == 1
    assert "EDITOR" in result.err


def test_edit_changes_a_rating_and_keeps_the_rest(
    cli: CliRunner, journal_file: Path, data: JournalData, editor: Path
) -> None:
    session = data.sessions[-1]
    first_rating = session.ratings[0]
    editor.write_text(
        json.dumps(
            [
                {
                    "replace": [
                        [
                            f"  {first_rating.behaviour_id}:\n    level: {first_rating.level}",
                            f"  {first_rating.behaviour_id}:\n    level: 5",
                        ],
                    ]
                }
            ]
        )
    )
    result = cli("journal", "edit", session.id[:8])
    assert result.code == 0, result.err
    assert "Saved" in result.err
    with open_journal(journal_file) as journal:
        edited = journal.session(session.id)
    assert edited.ratings[0].level == 5
    assert edited.ratings[1:] == session.ratings[1:]
    assert edited.answers == session.answers


def test_edit_reopens_with_the_error_until_fixed(
    cli: CliRunner,
    journal_file: Path,
    data: JournalData,
    editor: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from belonging_cli import ask

    monkeypatch.setattr(ask, "terminal_available", lambda: True)  # a person to fix it
    session = data.sessions[-1]
    focus = session.focus_behaviour_id
    editor.write_text(
        json.dumps(
            [
                {"replace": [[f"focus: {focus}\n", f"focus: {focus}\nmood: great\n"]]},
                {"replace": [["mood: great\n", ""], [f"focus: {focus}", "focus: null"]]},
            ]
        )
    )
    result = cli("journal", "edit", session.id)
    assert result.code == 0, result.err
    seen = Path(str(editor) + ".seen").read_text(encoding="utf-8").split("=====\n")
    assert seen[1].startswith("# ERROR ")
    assert "mood: unknown key" in seen[1]
    assert "Saved" in result.err
    with open_journal(journal_file) as journal:
        assert journal.session(session.id).focus_behaviour_id is None


def test_edit_saved_unchanged_writes_nothing(
    cli: CliRunner, journal_file: Path, data: JournalData, editor: Path
) -> None:
    editor.write_text(json.dumps([{}]))
    before = journal_file.read_bytes()
    result = cli("journal", "edit", data.sessions[0].id)
    assert result.code == 0
    assert "No changes" in result.err
    assert journal_file.read_bytes() == before


def test_edit_failing_editor_saves_nothing(
    cli: CliRunner, journal_file: Path, data: JournalData, editor: Path
) -> None:
    editor.write_text(json.dumps([{"replace": [["level: ", "level: 1"]], "exit": 3}]))
    before = journal_file.read_bytes()
    result = cli("journal", "edit", data.sessions[0].id)
    assert result.code == 1
    assert "status 3" in result.err
    assert journal_file.read_bytes() == before


def test_the_fast_list_matches_the_full_one(cli: CliRunner, journal_file: Path) -> None:
    fast = cli("journal", "list")
    full = cli("journal", "list", "--limit", "1000")
    assert fast.out == full.out
    assert (
        cli("journal", "list", "--json").out
        == cli("journal", "list", "--json", "--limit", "99").out
    )


def test_the_plain_list_loads_no_heavy_library(journal_file: Path, isolated_home: Path) -> None:
    # A 10-year list has a 150 ms budget: typer, pydantic or rich alone would eat much of it.
    # The first list with no rubric cache validates the rubric once and keeps its facts.
    loaded_after("journal", "list", env={"BELONGING_HOME": str(isolated_home)})
    loaded = loaded_after("journal", "list", env={"BELONGING_HOME": str(isolated_home)})
    assert not loaded & HEAVY, sorted(loaded & HEAVY)


def test_edit_uses_the_editor_setting_first(
    cli: CliRunner,
    journal_file: Path,
    data: JournalData,
    editor: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    script = editor.parent / "fake_editor.py"
    assert cli("config", "set", "editor", f"{sys.executable} {script}").code == 0
    editor.write_text(json.dumps([{}]))
    result = cli("journal", "edit", data.sessions[0].id)
    assert result.code == 0, result.err
    assert "No changes" in result.err
