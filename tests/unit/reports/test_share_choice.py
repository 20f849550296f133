"""Choosing at share time: what a shared report leaves out, listed section by section
with an id a person can pick (reports/privacy.py, reports/share_choice.py), and an
experiment's privacy per field (its title, what happened, what was learned)."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.privacy import Privacy
from belonging_cli.reports.share_choice import EXCERPT, excerpt, listing
from belonging_cli.safe_text import text_problem
from support.places import REPO
from support.report_builders import NOW, TODAY, answer, experiment, rubric, session

WEEK = "2026-W47"
HOSTILE = json.loads((REPO / "tests/hostile/share/excerpts.json").read_text("utf-8"))


def journal() -> JournalData:
    reflection = answer(
        "reflect.1",
        "Lena said the plan scared her",
        WEEK,
        prompt_id="protect-time.calendar",
        behaviour_id="protect-time",
        private=True,
    )
    done = experiment(
        WEEK, "protect-time", "Guard one block", happened="Jonas took it", learned="Say no"
    )
    done = replace(done, happened_private=True)
    return JournalData(
        sessions=(session(WEEK, {"protect-time": 3}, focus="protect-time", answers=[reflection]),),
        experiments=(done,),
    )


JOURNAL = journal()  # one set of ids for every build


def build(privacy: Privacy) -> str:
    data = JOURNAL
    span = resolve_period("quarter", today=TODAY, journal_weeks=[s.week for s in data.sessions])
    from belonging_cli.reports.data import report_data

    return json.dumps(report_data(build_report(data, rubric(), span, now=NOW, privacy=privacy)))


def test_a_private_note_hides_the_note_not_the_experiment() -> None:
    text = build(Privacy(share=True))
    assert "Guard one block" in text and "Say no" in text
    assert "Jonas took it" not in text and "Lena said" not in text


def test_what_was_left_out_is_listed_by_section_with_ids() -> None:
    privacy = Privacy(share=True)
    build(privacy)
    withheld = privacy.withheld
    assert privacy.left_out == len(withheld) == 2
    assert sorted(w.section for w in withheld) == ["Experiments", "Focus reflections"]
    assert all("/" in w.id and len(w.id.split("/")[0]) == 8 for w in withheld)
    lines = listing(withheld)
    assert lines.index("Focus reflections") < lines.index("Experiments") or lines.index(
        "Experiments"
    ) < lines.index("Focus reflections")
    assert any("Jonas took it" in line and withheld[0].id in "".join(lines) for line in lines)


def test_an_included_item_is_in_this_report_and_counted_as_included() -> None:
    first = Privacy(share=True)
    build(first)
    note = next(w for w in first.withheld if w.section == "Experiments")
    chosen = Privacy(share=True, include=frozenset({note.id}))
    text = build(chosen)
    assert "Jonas took it" in text and "Lena said" not in text
    assert chosen.left_out == 1 and chosen.unknown() == []
    assert Privacy(share=True, include=frozenset({"nope/none"})).unknown() == ["nope/none"]


def test_without_share_nothing_is_withheld() -> None:
    privacy = Privacy(share=False)
    text = build(privacy)
    assert "Jonas took it" in text and privacy.withheld == ()


def test_excerpts_of_hostile_text_are_one_safe_line_cut_at_a_word() -> None:
    for case in HOSTILE:
        short = excerpt(case["text"])
        assert text_problem(short, one_line=True) is None, case["why"]
        assert len(short) <= EXCERPT + 1, case["why"]
        assert "\u202e" not in short, case["why"]
    cut = excerpt(HOSTILE[4]["text"])
    assert cut.endswith("…")
    assert cut[:-1] in HOSTILE[4]["text"] and HOSTILE[4]["text"][len(cut) - 1] == " "


@given(st.text())
def test_any_text_makes_a_bounded_one_line_excerpt(text: str) -> None:
    short = excerpt(text)
    assert text_problem(short, one_line=True) is None
    assert len(short) <= EXCERPT + 1
