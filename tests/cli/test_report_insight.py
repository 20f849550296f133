"""Insight, not restatement (issue 14): the report's top, timelines, experiment links and
what the person wrote, read from the known journal through the real `belonging report`.

The known journal (tests/support/known_journal.py: its docstring is the hand count)
is built through `reflect --answers`; every figure below is one a person counts there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from support.cli import CliRunner
from support.known_journal import KnownJournal
from support.known_reports import built, bundle, report

TIP = "What would influence have looked like instead?"  # the 1.x weekly's (W1 .. W4)
WIN = "What went well this week, however small?"  # the 2.0 weekly's (W5 .. W8)


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnownJournal]:
    yield from built(tmp_path_factory, "insight")


def titles(data: dict[str, Any]) -> dict[str, str]:
    return {r["behaviour_id"]: r["title"] for r in data["ratings"]}


def labels(data: dict[str, Any]) -> dict[str, str]:
    return {r["behaviour_id"]: r["latest_label"] for r in data["ratings"]}


def expected_top(known: KnownJournal, data: dict[str, Any]) -> list[str]:
    """The five lines a person writes from the hand count (the known journal's docstring)."""
    w, t, lab = known.weeks, titles(data), labels(data)
    return [
        # 8 reflections, one a week, the last this week; the quarter is 12 weeks.
        "Rhythm: 8 reflections in 8 of 12 weeks; 8 weeks in a row.",
        # +3 twice (credit 1 -> 4 steadily, protect-time 1 4 1 4...): the steadier path;
        # the note is the one written when it rose (W5: 2 -> 3).
        f"Biggest move: {t['credit-to-others']} 1 \u2192 4 (+3). You wrote ({w[4]}): "
        "\u201cGave the team the credit for the launch\u201d",
        # E4 (credit-to-others), for W5, tried: 2 in W4, 3 in W5 and W6.
        f"What worked: after \u201cHand the release plan over\u201d (tried, {w[4]}), "
        f"{t['credit-to-others']} rose 2 \u2192 3 within two weeks.",
        # prompt-insight: 2 every week.
        f"Stuck: {t['prompt-insight']} at 2 ({lab['prompt-insight']}), "
        f"8 ratings in a row since {w[0]}.",
        # The lowest latest rating: cultivate-belonging's relapse to 1.
        f"Next focus: {t['cultivate-belonging']}. Your lowest rating "
        f"(1 {lab['cultivate-belonging']}).",
    ]


def test_the_top_tells_the_hand_counted_story_in_md_html_and_json(
    cli: CliRunner, known: KnownJournal
) -> None:
    data = bundle(cli, known)
    lines = expected_top(known, data)
    assert data["top"]["lines"] == lines
    md = report(cli, known)
    glance = md.split("## At a glance\n\n", 1)[1].split("\n\n", 1)[0]
    assert glance.splitlines() == [f"- {line}" for line in lines]
    assert md.index("## At a glance") < md.index("## Ratings")  # at the top
    html = report(cli, known, "--format", "html")
    items = re.findall(r'<ul class="top">(.*?)</ul>', html, re.S)[0]
    assert re.findall(r"<li>(.*?)</li>", items) == [str(escape(line)) for line in lines]


def test_one_suggestion_the_next_reflection_makes_too(cli: CliRunner, known: KnownJournal) -> None:
    data = bundle(cli, known)
    suggestion = data["suggested_next_focus"]
    assert data["top"]["focus"] == suggestion
    template = cli("--home", str(known.home), "reflect", "--answers-template")
    assert f'focus: "{suggestion["behaviour_id"]}"' in template.out
    md = report(cli, known)
    # One recommendation: none of the three picks that could disagree, no descriptor.
    for gone in ("Strongest:", "Growth edge:", "Least explored:", "Strengths and growth edges"):
        assert gone not in md
    html = report(cli, known, "--format", "html")
    assert "Least explored" not in html and 'id="highlights"' not in html


def test_a_relapse_shows_as_highs_lows_and_a_fall_back(cli: CliRunner, known: KnownJournal) -> None:
    w = known.weeks
    data = bundle(cli, known)
    paths = {t["behaviour_id"]: t for t in data["timeline"]}
    belonging = paths["cultivate-belonging"]  # 1 2 2 3 3 3 3 1
    assert [(s["level"], s["first_week"], s["last_week"]) for s in belonging["stretches"]] == [
        (1, w[0], w[0]),
        (2, w[1], w[2]),
        (3, w[3], w[6]),
        (1, w[7], w[7]),
    ]
    assert (belonging["high"], belonging["high_weeks"]) == (3, list(w[3:7]))
    assert (belonging["low"], belonging["low_weeks"]) == (1, [w[0], w[7]])
    assert belonging["fell_back"] == {"high": 3, "to": 1, "week": w[7]}
    assert paths["navigate-paradox"]["fell_back"] is None  # falling, never climbed
    assert paths["protect-time"]["fell_back"] is None  # up and down, ends at its high
    assert set(paths) == set(known.ratings)  # every behaviour rated, messiness once
    md = report(cli, known)
    line = next(
        ln for ln in md.splitlines() if ln.startswith(f"- {titles(data)['cultivate-belonging']}:")
    )
    assert f"3 in {w[3]} to {w[6][5:]}, back to 1 in {w[7]}." in line
    assert line.endswith(f"Fell back from 3 to 1 in {w[7]}.")
    # A behaviour that never moved has no line: nothing to see in its path.
    assert (
        f"- {titles(data)['prompt-insight']}:"
        not in md.split("## Highs and lows")[1].split("##")[0]
    )


def test_experiments_linked_to_the_ratings_that_followed(
    cli: CliRunner, known: KnownJournal
) -> None:
    data = bundle(cli, known)
    links = {x["title"]: x for x in data["experiment_links"]}
    # Tried or partly only (E1, E2, E4, E5): not tried, dropped, skipped, open are not linked.
    assert set(links) == {known.experiment_titles[i] for i in (0, 1, 3, 4)}
    seen = {t: (x["outcome"], x["effect"], x["before"], x["after"]) for t, x in links.items()}
    assert seen == {
        "Ask the quietest person to open the retro": ("tried", "rose", 1, 2),  # W1 1, W2 2
        "Block Friday mornings to think": ("partly", "same", 4, 4),  # W2 4, then 1 and 4
        "Hand the release plan over": ("tried", "rose", 2, 3),  # W4 2, W5 3
        "Say why before what in the kickoff": ("partly", "rose", 1, 4),  # W5 1, W6 4
    }
    md = report(cli, known)
    rose, flat = md.split("Followed by a rise:\n\n", 1)[1].split("Followed by no rise:\n\n", 1)
    assert links["Hand the release plan over"]["text"] in rose
    assert links["Block Friday mornings to think"]["text"] in flat.split("\n\n")[0]


def test_what_the_person_wrote_takeaways_tips_tags_and_people(
    cli: CliRunner, known: KnownJournal
) -> None:
    data = bundle(cli, known)
    writing = data["writing"]
    said = [(t["week"], t["text"], t["private"]) for t in writing["takeaways"]]
    taken = [t for t in said if not any(q in _question(writing, t) for q in (TIP, WIN))]
    tips = [t for t in said if TIP in _question(writing, t)]
    wins = [t for t in said if WIN in _question(writing, t)]
    assert taken == list(known.takeaways)
    assert tips == list(known.tips)
    assert wins == list(known.wins)
    assert {t["tag"]: tuple(t["weeks"]) for t in writing["tags"]} == known.tags
    assert [t["tag"] for t in writing["tags"]] == list(known.tags)  # most used first
    assert {m["name"]: m["count"] for m in writing["people"]} == known.people
    md = report(cli, known)
    assert "People you wrote about most (only in your own report): Jonas (5), Priya (4)." in md
    assert "Your tags: planning (3: " in md  # the 1.x weeks': the 2.0 weekly asks no tags
    for week, text, _ in (*known.tips, *known.wins):
        assert f"- {week}" in md and text in md
    assert f"### {WIN}" in md


def _question(writing: dict[str, Any], said: tuple[str, str, bool]) -> str:
    return next(
        t["question"] or "" for t in writing["takeaways"] if (t["week"], t["text"]) == said[:2]
    )


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_shared_report_keeps_private_words_and_the_people_at_home(
    cli: CliRunner, known: KnownJournal, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"shared.{fmt}"
    result = cli("--home", str(known.home), "report", "--share", "--out", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    for _, words, private in (*known.takeaways, *known.tips, *known.wins):
        assert (words in text) is not private, words
    assert "People you wrote about" not in text
    # The private note on the biggest move stays home; the move's figures go.
    assert "Gave the team the credit for the launch" not in text
    if fmt == "json":
        data = json.loads(text)
        assert data["writing"]["people"] == []
        assert data["top"]["move"]["note"] is None and data["top"]["move"]["change"] == 3
        assert len(data["top"]["lines"]) == 5


def test_a_week_report_tops_with_this_weeks_biggest_move(
    cli: CliRunner, known: KnownJournal
) -> None:
    # This week against the reflection before it: protect-time 1 -> 4 is the largest.
    data = bundle(cli, known, "--period", "week")
    move = data["top"]["move"]
    assert (move["behaviour_id"], move["start"], move["latest"]) == ("protect-time", 1, 4)
    assert move["note"] == "Blocked Friday mornings and kept them"
    assert data["top"]["lines"][0] == "Rhythm: 1 reflection this week; 8 weeks in a row."
