"""The journal's listings read well at 60 columns and name things as a person does (issue 14):
`journal list`, `status`, `exercises list`, `journal search`, `journal show`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from belonging_cli.content.flows import load_flows
from belonging_cli.content.rubrics import load_rubric
from belonging_cli.journal.store import open_journal
from belonging_cli.records import JournalData
from belonging_cli.synthetic import generate
from support.cli import CliRunner
from support.hostile_journal import hostile_journal

TITLES = {b.id: b.title for b in load_rubric().behaviours}
PACK = (
    Path(__file__).resolve().parents[2] / "src/belonging_cli/coaching/templates/example-pack.yaml"
)


@pytest.fixture
def data(isolated_home: Path) -> JournalData:
    return hostile_journal(isolated_home / "journal.db")


@pytest.fixture
def recent(isolated_home: Path) -> JournalData:
    """Eight weeks up to last week: status has a reflection due and an experiment to review."""
    found = generate(load_rubric(), weeks=8, end=dt.date.today() - dt.timedelta(days=7), seed=5)
    with open_journal(isolated_home / "journal.db") as journal:
        journal.import_data(found)
    return found


def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")


def test_journal_list_fits_60_columns_with_titles_cut_at_a_word(
    cli: CliRunner, data: JournalData, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("rubric", "list").code == 0  # the rubric's facts, cached as any report does
    narrow(monkeypatch)
    result = cli("journal", "list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= 60 for line in lines), lines
    for s in data.sessions:
        row = next(line for line in lines if s.id[:8] in line)
        title = TITLES[s.focus_behaviour_id or ""]
        cell = row[lines[0].index("focus") : lines[0].index("avg") - 2].strip()
        assert cell == title or (
            cell.endswith("…") and title.startswith(cell[:-1]) and title[len(cell) - 1] == " "
        ), (cell, title)  # whole words only
    assert "focus" in lines[0] and "avg" in lines[0]


def test_journal_list_shows_every_column_when_there_is_room(
    cli: CliRunner, data: JournalData
) -> None:
    assert cli("rubric", "list").code == 0
    result = cli("journal", "list")  # COLUMNS=100
    assert result.out.split("\n")[0].split() == [
        "date", "id", "flow", "focus", "avg", "tags", "status"
    ]  # fmt: skip


def test_status_wraps_at_words_under_its_label(
    cli: CliRunner, recent: JournalData, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = cli("status").out
    narrow(monkeypatch)
    result = cli("status")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= 60 for line in lines), lines
    # Continuation lines sit under the text, not under the label; and the words are
    # the wide status's words: none split in two.
    assert all(line[:12].strip() == "" or not line.startswith(" ") for line in lines)
    assert result.out.split() == wide.split()


def test_exercises_list_at_60_shows_titles_and_whole_ids(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "pack.yaml"
    text = PACK.read_text()
    text = text.replace("$behaviour_a", "cultivate-belonging").replace(
        "$behaviour_b", "protect-time"
    )
    pack.write_text(re.sub(r"\$[a-z_]+", "x", text))
    assert cli("exercises", "import", str(pack)).code == 0
    narrow(monkeypatch)
    result = cli("exercises", "list")
    assert result.code == 0, result.err
    assert all(len(line) <= 60 for line in result.out.splitlines())
    for title, ident in (
        ("Ask before you tell", "first-month/ask-dont-tell"),
        ("Protect one hour a week", "first-month/weekly-rhythm"),
    ):
        assert title in result.out and ident in result.out


def test_search_ignores_case_and_accents_and_names_the_question(
    cli: CliRunner, isolated_home: Path
) -> None:
    data = hostile_journal(isolated_home / "journal.db", ("Amélie and the équipe spoke",))
    newest = max(data.sessions, key=lambda s: s.started_at)
    answer = next(a for a in newest.answers if a.value == "Amélie and the équipe spoke")
    for needle in ("amelie", "AMELIE", "Amélie", "EQUIPE"):
        result = cli("journal", "search", needle)
        assert result.code == 0, result.err
        assert "Amélie" in result.out, needle
        assert " ".join((answer.question or "").split()) in result.out
        assert f"  {answer.step_id}  " not in result.out  # not the internal step id


def test_search_counts_lines_and_sessions_in_words(cli: CliRunner, data: JournalData) -> None:
    newest = max(data.sessions, key=lambda s: s.started_at)
    one = cli("journal", "search", "window title")
    assert one.out.splitlines()[-1] == "1 matching line"
    hits = cli("journal", "search", "e", "--json").out
    import json

    found = json.loads(hits)
    sessions = {h["id"] for h in found}
    expected = f"{len(found)} matching lines in {len(sessions)} sessions"
    assert cli("journal", "search", "e").out.splitlines()[-1] == expected
    # A tag is found once, not once as a tag and again as the tags step's answer.
    tag = newest.tags[0]
    tagged = [
        h for h in json.loads(cli("journal", "search", tag, "--json").out) if h["line"] == tag
    ]
    assert len([h for h in tagged if h["id"] == newest.id]) <= 1 + sum(
        1 for a in newest.answers if isinstance(a.value, str) and tag in a.value
    )
    assert "\x1b" not in cli("journal", "search", "jonas").out  # plain when piped


def test_show_labels_values_and_pads_nothing_when_piped(cli: CliRunner, data: JournalData) -> None:
    session = data.sessions[0]
    result = cli("journal", "show", session.id)
    assert result.code == 0, result.err
    assert all(line == line.rstrip() for line in result.out.splitlines())
    # A choice shows its label, not the value kept (the 2.0 weekly's wellbeing and levers).
    weekly = load_flows().get("weekly")
    for step in ("wellbeing", "levers"):
        value = session.answer(step)
        assert value is not None and isinstance(value.value, str)
        choices = {c.value: c.title for c in weekly.step(step).choices or ()}  # type: ignore[union-attr]
        assert choices[value.value] in " ".join(result.out.split())
    focus = next(a for a in session.answers if a.kind == "focus")
    assert TITLES[str(focus.value)] in " ".join(result.out.split())
    rating = session.ratings[0]
    level = load_rubric().manifest.scale[rating.level - 1].label
    assert f"{rating.level}/5 {level}" in result.out
