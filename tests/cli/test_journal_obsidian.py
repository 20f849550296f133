"""`journal export --format obsidian DIR`: a note a session with typed properties, an index,
updated in place on every run without touching what the person wrote (issue 14)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import yaml

from belonging_cli.records import JournalData
from support.cli import CliRunner
from support.hostile_journal import HOSTILE_TEXTS, hostile_journal

INDEX = "Belonging journal.md"


@pytest.fixture
def data(isolated_home: Path) -> JournalData:
    return hostile_journal(isolated_home / "journal.db")


def properties(note: Path) -> dict[str, object]:
    """A note's YAML properties, read as Obsidian reads them: between the first two `---`."""
    text = note.read_text("utf-8")
    assert text.startswith("---\n")
    block, _ = text[4:].split("\n---\n", 1)
    found = yaml.safe_load(block)
    assert isinstance(found, dict)
    return found


def notes(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.iterdir() if p.suffix == ".md"}


def test_one_note_a_session_with_typed_properties_and_an_index(
    cli: CliRunner, data: JournalData, tmp_path: Path
) -> None:
    vault = tmp_path / "vault" / "belonging"  # created, parents and all
    result = cli("journal", "export", "--format", "obsidian", str(vault))
    assert result.code == 0, result.err
    assert "4 sessions" in result.err and "5 notes written" in result.err
    found = notes(vault)
    assert set(found) == {INDEX} | {f"{s.started_at.date()} {s.id[:8]}.md" for s in data.sessions}
    newest = max(data.sessions, key=lambda s: s.started_at)
    props = properties(found[f"{newest.started_at.date()} {newest.id[:8]}.md"])
    assert props["date"] == newest.started_at.date()  # a date, not text
    assert isinstance(props["date"], dt.date)
    assert props["week"] == newest.week
    assert props["flow"] == "weekly"
    assert props["focus"] == newest.focus_behaviour_id
    for r in newest.ratings:
        assert props[f"rating-{r.behaviour_id}"] == r.level  # numbers, by behaviour id
    assert isinstance(props["average"], float)
    assert isinstance(props["tags"], list) and props["tags"][0] == "belonging"
    index = found[INDEX].read_text("utf-8")
    for s in data.sessions:
        assert f"[[{s.started_at.date()} {s.id[:8]}]]" in index


def test_hostile_text_never_breaks_the_properties(
    cli: CliRunner, data: JournalData, tmp_path: Path
) -> None:
    assert cli("journal", "export", "-f", "obsidian", str(tmp_path / "v")).code == 0
    newest = max(data.sessions, key=lambda s: s.started_at)
    note = tmp_path / "v" / f"{newest.started_at.date()} {newest.id[:8]}.md"
    props = properties(note)
    # Exactly the properties belonging writes: none added by `key: value` or `---` lines
    # (no `balance`: the 2.0 weekly asks the levers in its place, not a balance).
    assert set(props) == {
        "date", "week", "flow", "status", "session", "focus", "focus-title", "average",
        "experiment", "tags", *(f"rating-{r.behaviour_id}" for r in newest.ratings),
    }  # fmt: skip
    assert props["date"] == newest.started_at.date()
    made = [e for e in data.experiments if e.created_session_id == newest.id]
    assert props["experiment"] == " ".join(made[0].title.split())
    tags = props["tags"]
    assert isinstance(tags, list)
    assert all(" " not in t and "#" not in t for t in tags)  # tags Obsidian accepts
    text = note.read_text("utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "Amélie" in text  # typed text kept as typed, in the body


def test_private_answers_are_in_the_export_and_marked(
    cli: CliRunner, data: JournalData, tmp_path: Path
) -> None:
    private = [(s, a) for s in data.sessions for a in s.answers if a.private and a.value]
    assert private, "the synthetic journal has private answers"
    assert cli("journal", "export", "-f", "obsidian", str(tmp_path / "v")).code == 0
    session, answer = private[0]
    text = (tmp_path / "v" / f"{session.started_at.date()} {session.id[:8]}.md").read_text()
    assert f"*(private)* `{session.id[:8]}/{answer.step_id}`" in text
    assert "Private answers are included" in " ".join(
        cli("journal", "export", "--help").out.split()
    )


def test_rerunning_updates_in_place_and_leaves_the_persons_notes(
    cli: CliRunner, data: JournalData, tmp_path: Path, isolated_home: Path
) -> None:
    vault = tmp_path / "v"
    assert cli("journal", "export", "-f", "obsidian", str(vault)).code == 0
    before = {name: p.read_text() for name, p in notes(vault).items()}
    mine = vault / "My thoughts.md"
    mine.write_text("---\ntags: [me]\n---\nmine\n")
    again = cli("journal", "export", "-f", "obsidian", str(vault))
    assert again.code == 0 and "0 notes written, 5 unchanged" in again.err
    # The journal changes (a session's tag, as `journal edit` would save it).
    oldest = min(data.sessions, key=lambda s: s.started_at)
    with sqlite3.connect(isolated_home / "journal.db") as db:
        db.execute("INSERT INTO session_tags VALUES (?, 99, 'renamed')", (oldest.id,))
    third = cli("journal", "export", "-f", "obsidian", str(vault))
    assert third.code == 0, third.err
    after = notes(vault)
    assert set(after) == set(before) | {"My thoughts.md"}  # same names, no duplicates
    name = f"{oldest.started_at.date()} {oldest.id[:8]}.md"
    assert "renamed" in properties(after[name])["tags"]  # type: ignore[operator]
    assert mine.read_text() == "---\ntags: [me]\n---\nmine\n"


def test_a_note_the_person_edited_is_kept_and_named(
    cli: CliRunner, data: JournalData, tmp_path: Path
) -> None:
    vault = tmp_path / "v"
    assert cli("journal", "export", "-f", "obsidian", str(vault)).code == 0
    session = data.sessions[0]
    note = vault / f"{session.started_at.date()} {session.id[:8]}.md"
    edited = note.read_text() + "\nMy own afterthought.\n"
    note.write_text(edited)
    again = cli("journal", "export", "-f", "obsidian", str(vault))
    assert again.code == 0
    assert note.read_text() == edited
    assert "Kept 1 note as you edited them" in again.err and note.name in again.err
    note.unlink()  # deleting it has it written again
    assert cli("journal", "export", "-f", "obsidian", str(vault)).code == 0
    assert note.read_text() != edited and "Afterthought" not in note.read_text()


def test_a_file_as_dir_is_refused_and_the_notes_never_leave_dir(
    cli: CliRunner, data: JournalData, tmp_path: Path
) -> None:
    a_file = tmp_path / "notes.md"
    a_file.write_text("mine")
    refused = cli("journal", "export", "-f", "obsidian", str(a_file))
    assert refused.code == 2
    assert refused.err.count("\n") == 1 and "is a file, not a folder" in refused.err
    assert a_file.read_text() == "mine"
    # A link planted at a note's name is not followed: nothing is written outside DIR.
    vault, outside = tmp_path / "v", tmp_path / "outside.md"
    vault.mkdir()
    session = data.sessions[0]
    (vault / f"{session.started_at.date()} {session.id[:8]}.md").symlink_to(outside)
    assert cli("journal", "export", "-f", "obsidian", str(vault)).code == 0
    assert not outside.exists()
    assert {p.name for p in tmp_path.iterdir()} == {"notes.md", "v", "home"}


@pytest.mark.parametrize(
    "args",
    [
        ("journal", "export", "-f", "obsidian"),
        ("journal", "export", "-f", "obsidian", "--out", "x.md", "dir"),
        ("journal", "export", "-f", "md", "dir"),
    ],
)
def test_dir_goes_with_obsidian_only(cli: CliRunner, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_hostile_corpus_is_reusable_data() -> None:
    assert len(HOSTILE_TEXTS) > 10 and all(isinstance(t, str) for t in HOSTILE_TEXTS)
