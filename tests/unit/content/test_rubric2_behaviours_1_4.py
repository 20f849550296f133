"""Rubric 2.0 content, behaviours 1-4: the coach's edits as a user meets them in
`belonging rubric show` and `rubric validate --strict` (issue 15, part B)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.cli import REPO, CliRunner

FILES = {
    1: "01-cultivate-belonging.yaml",
    2: "02-protect-time.yaml",
    3: "03-ambiguous-decisions.yaml",
    4: "04-credit-to-others.yaml",
}

# The 1.x prompt and experiment ids of these behaviours. A journal's answers carry
# them, so none may vanish: each stays live (its question unchanged in meaning) or
# is retired (its question changed, and the new question has a new id).
RETIRED_IN_2_0 = {
    1: {
        "cultivate-belonging.anxiety-source",
        "cultivate-belonging.first-reaction",
        "cultivate-belonging.fitting-in",
        "cultivate-belonging.newcomer-view",
        "cultivate-belonging.idea-fate",
    },
    2: {"protect-time.signals-you-send", "protect-time.no-agenda"},
    3: {"ambiguous-decisions.held-open", "ambiguous-decisions.disappointing-others"},
    4: {
        "credit-to-others.whose-names",
        "credit-to-others.credit-elsewhere",
        "credit-to-others.growth-goals",
        "credit-to-others.reshaped-idea",
    },
}
KEPT_FROM_1_X = {
    1: {
        "cultivate-belonging.quietest-voice",
        "cultivate-belonging.bad-news",
        "cultivate-belonging.first-voice",
        "cultivate-belonging.unused-strength",
        "cultivate-belonging.after-the-meeting",
        "cultivate-belonging.last-word",
        "cultivate-belonging.thank-the-messenger",
        "cultivate-belonging.whats-making-it-hard",
        "cultivate-belonging.write-first",
        "cultivate-belonging.close-the-loop",
        "cultivate-belonging.hand-over-the-round",
    },
    2: {
        "protect-time.first-to-go",
        "protect-time.last-read",
        "protect-time.calendar-audit",
        "protect-time.room-in-the-plan",
        "protect-time.real-rest",
        "protect-time.gave-it-up",
        "protect-time.unstarted-experiment",
        "protect-time.running-hot",
        "protect-time.thinking-blocks",
        "protect-time.open-conversation",
        "protect-time.unassigned-tenth",
        "protect-time.quiet-hours",
        "protect-time.plan-the-recovery",
    },
    3: {
        "ambiguous-decisions.who-gave-up-most",
        "ambiguous-decisions.no-seat",
        "ambiguous-decisions.loudest-voice",
        "ambiguous-decisions.cost-of-waiting",
        "ambiguous-decisions.decide-differently",
        "ambiguous-decisions.pushed-up",
        "ambiguous-decisions.explaining-the-trade",
        "ambiguous-decisions.your-criteria",
        "ambiguous-decisions.stakeholder-map",
        "ambiguous-decisions.decision-date",
        "ambiguous-decisions.decision-note",
        "ambiguous-decisions.tell-them-first",
        "ambiguous-decisions.push-one-down",
    },
    4: {
        "credit-to-others.work-you-keep",
        "credit-to-others.absent-advocate",
        "credit-to-others.outgrowing-you",
        "credit-to-others.specific-recognition",
        "credit-to-others.own-need",
        "credit-to-others.peer-recognition",
        "credit-to-others.name-names",
        "credit-to-others.let-them-present",
        "credit-to-others.stretch-handoff",
        "credit-to-others.sponsor-someone",
        "credit-to-others.specific-thanks",
    },
}


def shown(cli: CliRunner, number: int) -> dict[str, Any]:
    result = cli("rubric", "show", str(number), "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def level(data: dict[str, Any], n: int) -> str:
    return " ".join(str(data["levels"][n - 1]["descriptor"]).split())


@pytest.mark.parametrize("number", sorted(FILES))
def test_each_passes_the_strict_content_rules(cli: CliRunner, number: int) -> None:
    path = REPO / "rubrics" / FILES[number]
    result = cli("rubric", "validate", "--strict", str(path))
    assert result.code == 0, result.err
    assert result.out.startswith("ok  ")


@pytest.mark.parametrize("number", sorted(FILES))
def test_replaced_ids_are_retired_and_the_rest_are_kept(cli: CliRunner, number: int) -> None:
    data = shown(cli, number)
    live = {p["id"] for p in data["prompts"]} | {e["id"] for e in data["experiments"]}
    retired = set(data["retired_prompts"]) | set(data["retired_experiments"])
    assert retired == RETIRED_IN_2_0[number]
    assert not live & retired
    assert KEPT_FROM_1_X[number] <= live


@pytest.mark.parametrize("number", sorted(FILES))
def test_every_experiment_shows_did_and_saw_within_an_hour_at_80_columns(
    cli: CliRunner, number: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("rubric", "show", str(number))
    assert result.code == 0, result.err
    assert max(len(line) for line in result.out.splitlines()) <= 80
    experiments = shown(cli, number)["experiments"]
    assert result.out.count("Did it:") == result.out.count("Saw it:") == len(experiments)
    assert "Worked if:" not in result.out and "It works if:" not in result.out
    assert all(e["minutes"] <= 60 for e in experiments)


def test_belonging_gives_quiet_people_a_way_in_instead_of_calling_on_them(
    cli: CliRunner,
) -> None:
    data = shown(cli, 1)
    # The 1.x level 3 said "invite quieter people in by name", the trap it lists.
    assert any("quiet people cold" in trap for trap in data["control_traps"])
    assert "heads-up before you ask someone by name" in level(data, 3)
    assert not any("invite quieter people in by name" in level(data, n) for n in range(1, 6))


def test_belonging_covers_chat_dissent_anxiety_and_strengths(cli: CliRunner) -> None:
    data = shown(cli, 1)
    levels = " ".join(level(data, n) for n in range(1, 6))
    assert "threads and documents" in level(data, 3)
    assert "change one cause in the setting" in level(data, 4)
    assert "disagree" in level(data, 1) and "disagree in the open" in level(data, 5)
    assert "what each does best" in levels
    assert data["strands"] == [
        "a way in for every voice",
        "welcome dissent",
        "change a cause of anxiety",
        "use each person's distinct strengths",
    ]


def test_protect_time_level_3_asks_for_yourself_and_the_team_both(cli: CliRunner) -> None:
    data = shown(cli, 2)
    third = level(data, 3)
    assert third.startswith("Both")
    assert "your own blocks" in third and "the team's plan" in third
    assert "ask upward for slack" in level(data, 4)
    assert data["levels"][2]["solo"]  # read right for someone without a team too


def test_decisions_level_4_reopens_in_public_and_no_seat_moves_to_level_3(
    cli: CliRunner,
) -> None:
    data = shown(cli, 3)
    assert "no seat at the table" in level(data, 3)
    assert "reopen or reverse it in public" in level(data, 4)


def test_credit_level_5_shows_in_weeks_and_level_4_shows_the_restraint(
    cli: CliRunner,
) -> None:
    data = shown(cli, 4)
    fifth = level(data, 5)
    assert "roles elsewhere" not in fifth and "ask to join" not in fifth
    assert "thank each other for specific work" in fifth
    assert "you let it stand" in level(data, 4)
    assert any("Performing generosity" in trap for trap in data["control_traps"])


def test_hand_work_and_hand_decisions_each_have_one_home(cli: CliRunner) -> None:
    decisions, credit = shown(cli, 3), shown(cli, 4)
    assert "decisions made closest to the work" in decisions["strands"]
    assert "stretch work handed over for growth" in credit["strands"]
    assert not set(decisions["strands"]) & set(credit["strands"])
