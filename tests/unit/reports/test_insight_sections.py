"""The insight sections on their own: timelines, experiment links, people, the top."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.model import Report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.sections.writing import people
from support.places import TESTS
from support.report_builders import NOW, TODAY, experiment, rubric, session, weeks_back

PEOPLE_CASES: list[dict[str, Any]] = yaml.safe_load(
    (TESTS / "hostile" / "insight" / "people.yaml").read_text(encoding="utf-8")
)
RUBRIC_WORDS = {"Cultivate", "belonging", "Consistent", "Not", "yet"}


def report_of(data: JournalData, *, share: bool = False) -> Report:
    span = resolve_period("quarter", today=TODAY, journal_weeks=[s.week for s in data.sessions])
    return build_report(data, rubric(), span, now=NOW, share=share)


def rated(levels: list[int], behaviour: str = "cultivate-belonging") -> JournalData:
    weeks = weeks_back(len(levels))
    return JournalData(
        sessions=tuple(session(w, {behaviour: n}) for w, n in zip(weeks, levels, strict=True))
    )


# Relapses: the whole path, not first -> latest ------------------------------------


def test_a_climb_and_a_relapse_show_as_a_timeline_not_a_zero() -> None:
    weeks = weeks_back(4)
    report = report_of(rated([1, 2, 3, 1]))
    trend = report.ratings[0]
    assert trend.change == 0  # what the report used to say, and all it said
    (path,) = report.timeline
    assert [(s.level, s.first_week, s.weeks) for s in path.stretches] == [
        (1, weeks[0], 1),
        (2, weeks[1], 1),
        (3, weeks[2], 1),
        (1, weeks[3], 1),
    ]
    assert (path.high, path.high_weeks) == (3, (weeks[2],))
    assert (path.low, path.low_weeks) == (1, (weeks[0], weeks[3]))
    assert path.fell_back is not None
    assert (path.fell_back.high, path.fell_back.to, path.fell_back.week) == (3, 1, weeks[3])
    assert path.story.endswith(f"back to 1 in {weeks[3]}")


@pytest.mark.parametrize("levels", [[4, 3, 2], [1, 2, 3], [3, 3, 3], [2, 4, 4]])
def test_only_falling_or_only_rising_is_no_relapse(levels: list[int]) -> None:
    (path,) = report_of(rated(levels)).timeline
    assert path.fell_back is None


def test_a_long_restless_series_is_told_in_one_line_of_its_latest_stretches() -> None:
    (path,) = report_of(rated([1, 4] * 6)).timeline  # a quarter: 12 weeks
    assert len(path.stretches) == 12
    # The first stretch, how many are left out and their weeks, then the latest 7.
    assert path.story.startswith(f"1 in {path.stretches[0].first_week}, then 4 stretches left out")
    assert path.story.count(" in ") == 8


# Experiments linked to ratings ------------------------------------------------------


def linked_journal() -> JournalData:
    weeks = weeks_back(6)
    levels = [2, 2, 3, 3, 3, 3]
    return JournalData(
        sessions=tuple(session(w, {"protect-time": n}) for w, n in zip(weeks, levels, strict=True)),
        experiments=(
            experiment(weeks[2], "protect-time", "Publish a not-chasing list"),
            experiment(weeks[4], "protect-time", "Guard one thinking block", outcome="partly"),
            experiment(weeks[5], "protect-time", "Skipped it", outcome="not_tried"),
            experiment(weeks[3], "protect-time", "My own idea", private=True),
        ),
    )


def test_an_experiment_followed_by_a_rise_and_those_followed_by_nothing() -> None:
    weeks = weeks_back(6)
    report = report_of(linked_journal())
    found = {x.title: x for x in report.experiment_links}
    assert set(found) == {"Publish a not-chasing list", "Guard one thinking block", "My own idea"}
    rise = found["Publish a not-chasing list"]
    assert (rise.effect, rise.before, rise.after) == ("rose", 2, 3)
    assert rise.text == (
        f"After \u201cPublish a not-chasing list\u201d (tried, {weeks[2]}), "
        "Protect time to reflect, experiment, engage and rest rose 2 \u2192 3 within two weeks."
    )
    flat = found["Guard one thinking block"]
    assert (flat.effect, flat.outcome) == ("same", "partly")
    assert "did not rise within two weeks" in flat.text
    assert report.top.worked is not None and report.top.worked.title == rise.title


def test_a_shared_report_links_a_private_experiment_without_its_title() -> None:
    report = report_of(linked_journal(), share=True)
    private = [x for x in report.experiment_links if x.title is None]
    assert len(private) == 1 and "a private experiment" in private[0].text
    assert all("My own idea" not in x.text for x in report.experiment_links)


# People written about ---------------------------------------------------------------


@pytest.mark.parametrize("case", PEOPLE_CASES, ids=[c["case"] for c in PEOPLE_CASES])
def test_people_are_recurring_names_never_sentence_openers_or_rubric_words(
    case: dict[str, Any],
) -> None:
    found = people([tuple(t) for t in case["texts"]], RUBRIC_WORDS)
    assert [[m.name, m.count] for m in found] == case["people"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(weeks_back(3)), st.text(max_size=80)), max_size=6))
def test_people_found_are_words_of_two_texts_or_more(texts: list[tuple[str, str]]) -> None:
    for mention in people(texts, RUBRIC_WORDS):
        assert mention.count >= 2 and mention.name[0].isupper()
        assert sum(mention.name in text for _, text in texts) >= mention.count
        assert mention.name.lower() not in {w.lower() for w in RUBRIC_WORDS}


# The top --------------------------------------------------------------------------


def test_the_top_is_at_most_five_lines_with_one_next_focus() -> None:
    weeks = weeks_back(6)
    data = linked_journal()
    extra = session(weeks[-1], {"protect-time": 3, "prompt-insight": 1}, minutes_later=5)
    report = report_of(JournalData((*data.sessions, extra), data.experiments))
    lines = report.top.lines
    assert 1 <= len(lines) <= 5
    assert [line.split(":")[0] for line in lines] == [
        "Rhythm",
        "Biggest move",
        "What worked",
        "Stuck",
        "Next focus",
    ]
    focus = report.suggested_next_focus
    assert focus is not None and report.top.focus == focus
    assert lines[-1] == f"Next focus: {focus.title}. {focus.reason}"
    # The rubric's descriptor is never read back as a finding.
    descriptors = [d for b in rubric().behaviours for d in b.descriptors]
    assert not any(d in line for d in descriptors for line in lines)


def test_an_empty_period_has_only_its_rhythm() -> None:
    report = report_of(JournalData())
    assert report.top.lines == ("Rhythm: no reflection in this period yet.",)


def test_people_live_in_the_persons_own_report_only() -> None:
    weeks = weeks_back(2)
    data = JournalData(
        sessions=tuple(
            session(w, {"protect-time": 2}, evidence={"protect-time": ("Asked Jonas", False)})
            for w in weeks
        )
    )
    assert [m.name for m in report_of(data).writing.people] == ["Jonas"]
    assert report_of(data, share=True).writing.people == ()
