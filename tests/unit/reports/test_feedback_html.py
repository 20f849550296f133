"""The HTML report's "Others' view" (issue 17): self beside others per behaviour, the
verdicts, the look-fors, comments in the raters' words, escaped; none without a round."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import yaml

from belonging_cli.feedback.round import FeedbackRound, from_aggregate
from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.render import render
from support.feedback_samples import five_raters_three_groups
from support.report_builders import NOW, TODAY, rubric, session

HOSTILE = Path(__file__).parents[2] / "hostile" / "feedback-shows" / "comments.yaml"


def _round(keep: list[str] | None = None, collected_on: str = "2026-11-20") -> FeedbackRound:
    aggregate = five_raters_three_groups(collected_on=collected_on)
    if keep is not None:
        aggregate["comments"]["keep"] = keep
    return from_aggregate(aggregate, dt.datetime(2026, 11, 21, tzinfo=dt.timezone.utc))


def _html(*rounds: FeedbackRound) -> str:
    sessions = (session("2026-W47", {"cultivate-belonging": 4, "protect-time": 2}),)
    data = JournalData(sessions=sessions, feedback_rounds=rounds)
    span = resolve_period("year", today=TODAY, journal_weeks=["2026-W47"])
    return render(build_report(data, rubric(), span, now=NOW), "html")


def _section(page: str) -> str:
    found = re.search(r'<section id="others">(.*?)</section>', page, re.S)
    assert found, "no Others' view section"
    return found.group(1)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_self_beside_others_in_html() -> None:
    part = _section(_html(_round()))
    text = " ".join(_text(part).split())
    assert "Others' view" in text
    assert "Feedback from 3 people (3 direct-report), collected 20 Nov 2026" in text
    assert "2.3 (2-3, 3)" in text and "4.0 (3-5, 3)" in text
    assert "too few answers" in text  # navigate-paradox
    assert "blind spot" in text and "hidden strength" in text
    assert "Quieter or newer people speak in meetings" in text
    assert "The opening round in our Monday meeting." in text
    assert "peer" not in text and "manager" not in text


def test_a_second_round_shows_the_change() -> None:
    text = " ".join(_text(_section(_html(_round(collected_on="2026-05-01"), _round()))).split())
    assert "change since the round of 1 May 2026" in text
    assert "Since last" in text


def test_comments_show_as_typed() -> None:
    comments = yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))
    part = _section(_html(_round(keep=comments)))
    assert "<script" not in part and "<img" not in part and 'href="javascript' not in part
    text = _text(part)
    for comment in comments:
        plain = comment.replace("**", "")
        for word in plain.split()[:4]:
            assert html.unescape(word).strip("[]()*") in text


def test_no_round_no_section() -> None:
    assert 'id="others"' not in _html()
