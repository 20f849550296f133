"""Hypothesis: whatever a session holds, its Obsidian note's properties block parses back to
exactly the properties written (journal/obsidian.py): text never ends the block early."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.journal.labels import Labels
from belonging_cli.journal.obsidian import notes, obsidian_tag, properties
from belonging_cli.records import Answer, Experiment, JournalData, Rating, Session
from support.hostile_journal import HOSTILE_TEXTS

AT = dt.datetime(2026, 11, 27, 17, 0, tzinfo=dt.timezone.utc)
texts = st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text(max_size=80))


def session(text: str, tags: list[str], behaviour: str) -> JournalData:
    s = Session(
        id="0f0e0d0c-aaaa-4bbb-8ccc-123456789abc",
        flow_id="weekly",
        rubric_id="belonging-core",
        rubric_version="2.0.0",
        started_at=AT,
        week="2026-W48",
        status="complete",
        focus_behaviour_id=behaviour,
        tags=tuple(tags),
        answers=(
            Answer("reflect.1", "long_text", text, AT, question=text, private=True),
            Answer("balance", "scale", 2, AT, role="balance"),
        ),
        ratings=(Rating(behaviour, 3, AT, evidence=text),),
    )
    e = Experiment("e1", behaviour, text or "x", "2026-W49", AT, created_session_id=s.id)
    return JournalData(sessions=(s,), experiments=(e,))


def front(text: str) -> object:
    assert text.startswith("---\n")
    block, _ = text[4:].split("\n---\n", 1)
    return yaml.safe_load(block)


@settings(max_examples=150, deadline=None)
@given(text=texts, tags=st.lists(texts, max_size=4), behaviour=texts)
def test_the_properties_read_back_as_written(text: str, tags: list[str], behaviour: str) -> None:
    data = session(text, tags, behaviour or "b")
    note, _index = notes(data, Labels())
    expected = properties(data.sessions[0], Labels(), data.experiments)
    assert front(note.text) == expected
    assert expected["date"] == dt.date(2026, 11, 27) and expected["balance"] == 2
    assert all(isinstance(t, str) and t and " " not in t for t in expected["tags"])


@given(tag=texts)
def test_a_tag_is_one_obsidian_tag_or_nothing(tag: str) -> None:
    found = obsidian_tag(tag)
    assert not any(c.isspace() or c in "#," for c in found)
    assert found == "" or not found.replace("-", "").isdigit()
