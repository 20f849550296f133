"""The report's figures are the ones a person counts by hand (issue 14, "Right figures").

Every test reads the known journal (tests/support/known_journal.py: its module
docstring is the hand count) through the real `belonging report` and `progress`,
in each format, and checks the numbers a person would check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from belonging_cli.reports.data import FORMAT_MINOR
from belonging_cli.reports.words import OUTCOME_WORDS
from support.cli import CliRunner
from support.known_journal import KnownJournal, build_known_journal

# The words each outcome is counted under, in the sentence the report writes.
COUNTED = OUTCOME_WORDS


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnownJournal]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "UTC")
        patch.setenv("NO_COLOR", "1")
        yield build_known_journal(tmp_path_factory.mktemp("figures") / "home")


def report(cli: CliRunner, known: KnownJournal, *args: str) -> str:
    result = cli("--home", str(known.home), "report", *args)
    assert result.code == 0, result.err
    return result.out


def bundle(cli: CliRunner, known: KnownJournal, *args: str) -> dict[str, Any]:
    data = json.loads(report(cli, known, "--format", "json", *args))
    assert isinstance(data, dict)
    return data


def counted(text: str) -> dict[str, int]:
    """The outcome counts said in one experiments sentence ("2 tried, 1 not tried, ...")."""
    line = next(ln for ln in text.splitlines() if re.search(r"\bOf \d+ experiments?\b", ln))
    found = {}
    for key, word in COUNTED.items():
        match = re.search(rf"(\d+) {word}\b", line)
        found[key] = int(match.group(1)) if match else 0
    if match := re.search(r"(\d+) partly\b(?! tried)", line):
        found["partly"] = int(match.group(1))
    found["total"] = int(re.search(r"Of (\d+) experiments?", line).group(1))  # type: ignore[union-attr]
    return found


# Experiment outcomes ---------------------------------------------------------------


def test_the_bundle_counts_each_outcome_as_answered_and_they_add_up(
    cli: CliRunner, known: KnownJournal
) -> None:
    counts = bundle(cli, known)["experiments"]["counts"]
    assert {k: counts[k] for k in known.outcomes} == known.outcomes
    assert counts["total"] == known.experiments_total == sum(known.outcomes.values())


def test_each_experiment_is_shown_as_what_was_answered(cli: CliRunner, known: KnownJournal) -> None:
    items = bundle(cli, known)["experiments"]["items"]
    states = {item["title"]: item["state"] for item in items}
    assert states == dict(
        zip(
            known.experiment_titles[:7],
            ["tried", "partly", "not_tried", "tried", "partly", "dropped", "skipped"],
            strict=True,
        )
    )


@pytest.mark.parametrize("form", ["md", "html"])
def test_the_report_says_the_same_counts_and_their_total(
    cli: CliRunner, known: KnownJournal, form: str
) -> None:
    said = counted(report(cli, known, "--format", form))
    assert said == {**known.outcomes, "total": known.experiments_total}


def test_no_not_this_time_is_ever_called_dropped(cli: CliRunner, known: KnownJournal) -> None:
    text = report(cli, known)
    row = next(ln for ln in text.splitlines() if known.experiment_titles[2] in ln)
    assert "| not tried |" in row
    dropped = next(ln for ln in text.splitlines() if known.experiment_titles[5] in ln)
    assert "| dropped |" in dropped


def test_progress_counts_the_experiments_too(cli: CliRunner, known: KnownJournal) -> None:
    result = cli("--home", str(known.home), "progress")
    assert result.code == 0, result.err
    said = counted(" ".join(result.out.split()))  # as read, whatever the wrapping
    assert said == {**known.outcomes, "total": known.experiments_total}


def test_the_week_counts_what_was_due_in_it(cli: CliRunner, known: KnownJournal) -> None:
    experiments = bundle(cli, known, "--period", "week")["experiments"]
    # This week: E7 (due, its review skipped); E7 and E8 (set for next week) are open
    # now, E7 first: this week's, the one `status` shows (habits.open_now, one rule).
    assert (experiments["counts"]["skipped"], experiments["counts"]["total"]) == (1, 1)
    assert experiments["open"]["title"] == known.experiment_titles[6]
    assert experiments["open"]["state"] == "skipped"  # its review skipped: still open
    titles = [e["title"] for e in experiments["open_now"]]
    assert titles == [known.experiment_titles[6], known.open_now]


# The bundle's version ------------------------------------------------------------------


def test_the_bundle_says_its_minor_version_and_the_roll_up_reads_old_and_new(
    cli: CliRunner, known: KnownJournal, tmp_path: Path
) -> None:
    data = bundle(cli, known, "--share")
    assert (data["format_version"], data["format_minor"]) == (1, FORMAT_MINOR)
    older = {k: v for k, v in data.items() if k != "format_minor"}
    older["experiments"]["counts"] = {"tried": 1, "partly": 0, "not_tried": 0, "open": 1}
    newer = {**data, "format_minor": FORMAT_MINOR + 1, "something_new": {"x": 1}}
    files = []
    for name, doc in (("new", data), ("old", older), ("newer", newer)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(str(path))
    result = cli("coach", "summary", "--format", "json", *files)
    assert result.code == 0, result.err
    assert result.err == ""
    assert len(json.loads(result.out)["clients"]) == 3


def test_every_bundle_field_is_documented(cli: CliRunner, known: KnownJournal) -> None:
    from support.places import REPO

    text = (REPO / "docs" / "report-json.md").read_text(encoding="utf-8")
    data = bundle(cli, known)
    keys = {*data, *data["experiments"]["counts"], *data["experiments"]["items"][0]}
    keys |= set(data["ratings"][0]) | set(data["ratings"][0]["series"][0]) | set(data["balance"])
    assert [k for k in sorted(keys) if f"`{k}`" not in text] == []


# Ratings: the week against the reflection before it, from -> to ----------------------------


def test_a_week_compares_with_the_reflection_before_it(cli: CliRunner, known: KnownJournal) -> None:
    ratings = {r["behaviour_id"]: r for r in bundle(cli, known, "--period", "week")["ratings"]}
    moved = {b: (r["previous"], r["latest"]) for b, r in ratings.items() if r["change"]}
    assert moved == known.moved_this_week
    for behaviour, (before, after) in known.moved_this_week.items():
        assert ratings[behaviour]["change"] == after - before
    assert ratings["embrace-messiness"]["previous"] is None  # rated for the first time


def test_the_week_table_shows_four_moves(cli: CliRunner, known: KnownJournal) -> None:
    text = report(cli, known, "--period", "week")
    rows = [ln for ln in text.splitlines() if re.match(r"\| \d+\. ", ln)]
    changes = [ln.split("|")[4].strip() for ln in rows]
    minus = "\u2212"  # the report's real minus sign
    assert sorted(c for c in changes if c != "0") == sorted([f"{minus}2", "+3", "+1", "+1"])


def test_what_moved_shows_from_and_to(cli: CliRunner, known: KnownJournal) -> None:
    for form in ("md", "html"):
        text = report(cli, known, "--format", form)
        assert re.search(r"Cultivate belonging(, |</td><td[^>]*>)3 (->|→|&rarr;) 1", text), form
        assert re.search(r"engage and rest(, |</td><td[^>]*>)1 (->|→|&rarr;) 4", text), form


def test_over_the_quarter_change_is_from_the_first_rating(
    cli: CliRunner, known: KnownJournal
) -> None:
    ratings = {r["behaviour_id"]: r for r in bundle(cli, known)["ratings"]}
    series = {b: [p["level"] for p in r["series"]] for b, r in ratings.items()}
    assert series == {b: [v for v in s if v is not None] for b, s in known.ratings.items()}
    assert ratings["cultivate-belonging"]["change"] == 0
    assert ratings["protect-time"]["change"] == 3


# Trend words: the whole series -------------------------------------------------------------


def test_the_trend_word_reflects_the_whole_series(cli: CliRunner, known: KnownJournal) -> None:
    ratings = bundle(cli, known)["ratings"]
    assert {r["behaviour_id"]: r["trend"] for r in ratings} == known.trends


@pytest.mark.parametrize("form", ["md", "html"])
def test_the_report_names_each_trend(cli: CliRunner, known: KnownJournal, form: str) -> None:
    text = report(cli, known, "--format", form)
    falling = [ln for ln in text.splitlines() if "Navigate paradox" in ln]
    assert any("falling" in ln for ln in falling), falling
    rows = [ln for ln in text.splitlines() if "Protect time to reflect" in ln]
    assert any("up and down" in ln for ln in rows), rows
    assert not any("steady" in ln.lower() for ln in rows), rows


def test_progress_never_calls_an_up_and_down_series_steady(
    cli: CliRunner, known: KnownJournal
) -> None:
    result = cli("--home", str(known.home), "progress")
    assert result.code == 0, result.err
    protect = [ln for ln in result.out.splitlines() if "Protect time" in ln]
    assert protect and "up and down" in " ".join(protect)
    assert "Steady at" not in result.out  # the balance went 3 2 3 2 (W1 .. W4)


# Control or influence: the 2.0 weekly's levers beside the 1.x weekly's balance -----------


def test_control_or_influence_reads_the_levers_and_the_older_weeks_balance(
    cli: CliRunner, known: KnownJournal
) -> None:
    balance = bundle(cli, known)["balance"]
    old, new = known.weeks[: len(known.balance)], known.weeks[len(known.balance) :]
    assert [(p["week"], p["value"]) for p in balance["series"]] == list(
        zip(old, known.balance, strict=True)
    )
    assert [(p["week"], p["value"]) for p in balance["levers"]] == list(
        zip(new, known.levers, strict=True)
    )
    md = report(cli, known)
    section = md.split("## Control or influence", 1)[1].split("\n## ", 1)[0]
    # relational, both, structural, both: counted as a person counts them
    assert (
        "The levers you led with, over 4 weeks: both combined 2, mostly structural 1, "
        "mostly relational 1." in section
    )
    assert f"Week by week: {new[0]} mostly relational, {new[1]} both combined," in section
    assert "Up and down, between 2 and 3 of 5, now 2" in section  # W1 .. W4: 3 2 3 2
