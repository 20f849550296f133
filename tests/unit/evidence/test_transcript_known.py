"""Hand-made Teams, Zoom, SRT and plain transcripts give exactly the figures worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from belonging_cli.evidence.transcript import examples, measure, week_figures
from belonging_cli.evidence.transcript_read import read_transcript
from support.places import HOSTILE

HERE = HOSTILE / "transcripts"
ME = frozenset({"Dana Reyes"})
TEAMS = HERE / "teams-weekly-sync.vtt"
ZOOM = HERE / "GMT20260312-150000_Recording.transcript.vtt"


def _meeting(name: str, day: dt.date = dt.date(2026, 3, 10)):  # type: ignore[no-untyped-def]
    read = read_transcript(HERE / name)
    return measure(read.cues, ME, read.path, read.day or day)


def test_teams_voice_tags_give_the_figures_worked_out_by_hand() -> None:
    meeting = _meeting(TEAMS.name)
    figures = week_figures([meeting])
    # Dana 120 s of 200; 42 words of 73; turns: cue 1, cue 3, cues 5-6 (1:30-2:30), cue 8.
    assert figures == {
        "meetings": 1,
        "talk_share": 0.6,
        "word_share": 0.58,
        "longest_monologue_s": 60,
        "turns": 4,
        "questions": 5,  # what went well, how did, can you, is the fix, tell me more
        "open_questions": 3,
        "directive": 1,  # make sure
        "inviting": 3,
        "quietest": "speaker 4 of 4",  # Lee Chan: 10 s
        "quietest_share": 0.05,
    }
    assert meeting.speakers == 4


def test_zoom_name_prefixes_and_its_date_from_the_file_name() -> None:
    read = read_transcript(ZOOM)
    assert read.day == dt.date(2026, 3, 12)
    assert {cue.speaker for cue in read.cues} == {"Dana Reyes", "Alex Kim"}
    figures = week_figures([measure(read.cues, ME, read.path, dt.date(2026, 3, 12))])
    assert figures == {
        "meetings": 1,
        "talk_share": 0.43,  # 30 s of 70
        "word_share": 0.55,  # 21 of 38
        "longest_monologue_s": 10,
        "turns": 3,
        "questions": 3,
        "open_questions": 2,  # why, what would you
        "directive": 0,
        "inviting": 2,
        "quietest": "speaker 2 of 2",
        "quietest_share": 0.57,
    }


def test_a_week_of_two_meetings_weighs_them_by_their_talk() -> None:
    week = [_meeting(TEAMS.name), _meeting(ZOOM.name)]
    figures = week_figures(week)
    assert figures["meetings"] == 2
    assert figures["talk_share"] == 0.56  # 150 s of 270
    assert figures["word_share"] == 0.57  # 63 of 111
    assert (figures["questions"], figures["open_questions"]) == (8, 5)
    assert (figures["turns"], figures["longest_monologue_s"]) == (7, 60)
    assert figures["quietest"] == "speaker 4 of 4"


def test_examples_are_three_of_the_persons_own_sentences() -> None:
    kept = examples([_meeting(TEAMS.name), _meeting(ZOOM.name)])
    assert kept == (
        "What went well this week?",
        "Make sure the bugs are fixed by Friday.",
        "How did the testing go?",
    )


def test_srt_with_name_prefixes() -> None:
    read = read_transcript(HERE / "one-to-one-2026-03-17.srt")
    assert read.day == dt.date(2026, 3, 17) and read.timed
    figures = week_figures([measure(read.cues, ME, read.path, dt.date(2026, 3, 17))])
    assert figures["talk_share"] == 0.5  # 30 s of 60
    assert (figures["questions"], figures["open_questions"], figures["directive"]) == (1, 1, 1)


def test_plain_text_continues_a_turn_and_estimates_its_time_from_words() -> None:
    read = read_transcript(HERE / "planning.txt")
    assert read.day == dt.date(2026, 3, 18) and not read.timed
    assert [cue.speaker for cue in read.cues] == ["Dana Reyes", "Kim Lo", "Dana Reyes"]
    assert read.cues[1].text == "The reporting project, it has no owner and nobody uses it."
    figures = week_figures([measure(read.cues, ME, read.path, dt.date(2026, 3, 18))])
    # 10 words of 22, as time at 150 words a minute.
    assert figures["talk_share"] == 0.45 and figures["word_share"] == 0.45
    assert figures["directive"] == 1  # "Drop it."


def test_control_characters_never_reach_a_name_or_a_sentence() -> None:
    read = read_transcript(HERE / "controls.vtt")
    # Whole escape sequences go, not only their control characters (no "]0;pwned").
    assert [cue.speaker for cue in read.cues] == ["Dana Reyes", "Eve"]
    assert read.cues[0].text == "What do you think?"
    for cue in read.cues:
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cue.speaker + cue.text)


@pytest.mark.parametrize("header", ["Date: 2026-03-18", "Meeting notes 2026-03-18"])
def test_a_plain_header_gives_the_date_and_no_speaker(header: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.txt"
    path.write_text(f"{header}\n\nDana Reyes: Hello.\n", encoding="utf-8")
    read = read_transcript(path)
    assert read.day == dt.date(2026, 3, 18)
    assert [cue.speaker for cue in read.cues] == ["Dana Reyes"]
