"""Behaviours #5, #8 and #9 in Rubric 2.0: what a person rating themselves would notice.

#5 rates the essay's own tensions (conflict between people is #1's now), #8 rates what
people see and hear you do (never how energetic you feel), #9 reads right for someone
with no rivals, and each reads right for someone who leads without a team.
"""

from __future__ import annotations

import re

import pytest

from belonging_cli.content.rubrics import Behaviour, Rubric, load_rubric
from belonging_cli.content.wording import words

PARTS = ("navigate-paradox", "energy-for-possibility", "focus-over-competition")

# The prompt and experiment ids these behaviours had in rubric 1.0: each is still
# asked, or retired (never dropped silently, never reused), so history stays comparable.
ONE_X_IDS = {
    "navigate-paradox": (
        "both-true direct-or-let-go authority-used conflict-avoided vision-and-reach "
        "unresolved-tension missing-option pendulum accountable-not-in-control "
        "team-language name-both-sides argue-their-side control-log say-whose-call "
        "pendulum-review"
    ),
    "energy-for-possibility": (
        "lit-up past-or-future first-response drained source performed others-energy "
        "after-setback rituals if-it-worked open-with-possible curiosity-first energy-log "
        "specific-excitement look-forward"
    ),
    "focus-over-competition": (
        "reacted passed-on success-talk internal-contest underlying-fear user-evidence "
        "not-chasing metrics pulled-off steered-back one-place-for-news filter-pressure "
        "not-chasing-list vision-metric user-first"
    ),
}


# Words that assume you lead a team of your own ("another team" does not).
ASSUMES_A_TEAM = r"\b(your|the) team\b|\byour (people|reports)\b|meetings you lead"


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric()


def _rated(behaviour: Behaviour) -> list[str]:
    """What a person rates against: the levels (and their solo lines), look-fors, traps."""
    texts = [level.descriptor for level in behaviour.levels]
    texts += [level.solo for level in behaviour.levels if level.solo]
    return [*texts, *behaviour.look_fors, *behaviour.control_traps]


def _all_text(behaviour: Behaviour) -> list[str]:
    texts = [behaviour.title, behaviour.statement, *_rated(behaviour)]
    texts += [p.text for p in behaviour.prompts]
    for e in behaviour.experiments:
        texts += [e.title, e.practice, *(text for _, text in e.signals())]
    return texts


def _has(texts: list[str], pattern: str) -> list[str]:
    return [t for t in texts if re.search(pattern, t, re.IGNORECASE)]


@pytest.mark.parametrize("behaviour_id", PARTS)
def test_every_1x_id_is_still_asked_or_retired(rubric: Rubric, behaviour_id: str) -> None:
    behaviour = rubric.get(behaviour_id)
    live = {p.id for p in behaviour.prompts} | {e.id for e in behaviour.experiments}
    retired = {*behaviour.retired_prompts, *behaviour.retired_experiments}
    for short in ONE_X_IDS[behaviour_id].split():
        full = f"{behaviour_id}.{short}"
        assert (full in live) != (full in retired), full
    assert retired, "2.0 replaced some of its prompts: they are listed as retired"
    assert all(r.startswith(f"{behaviour_id}.") for r in retired)


@pytest.mark.parametrize("behaviour_id", PARTS)
def test_levels_that_assume_a_team_say_how_they_read_without_one(
    rubric: Rubric, behaviour_id: str
) -> None:
    behaviour = rubric.get(behaviour_id)
    for level in behaviour.levels:
        if re.search(ASSUMES_A_TEAM, level.descriptor, re.IGNORECASE):
            assert level.solo, f"level {level.level} assumes a team: {level.descriptor}"
    assert any(level.solo for level in behaviour.levels)


def test_paradox_rates_the_essays_tensions_and_leaves_conflict_to_belonging(
    rubric: Rubric,
) -> None:
    paradox = rubric.get("navigate-paradox")
    rated = _rated(paradox)
    assert not _has(rated, r"conflict|disagree|argument|side channel|dissent")
    assert not _has([p.text for p in paradox.prompts], r"conflict|disagree")
    assert "navigate-paradox.conflict-avoided" in paradox.retired_prompts
    assert "navigate-paradox.argue-their-side" in paradox.retired_experiments
    levels = " ".join(level.descriptor for level in paradox.levels)
    # The essay's pairs: structural and relational power, accountable vs can change.
    assert re.search(r"authority|position", levels) and re.search(r"\bask", levels)
    assert "cannot" in levels and "can" in words(levels)
    # L4 is something people see you do, not a feeling you stay with.
    assert not _has([paradox.level(4).descriptor], r"discomfort|stay with")


def test_the_control_questions_prompts_are_still_marked(rubric: Rubric) -> None:
    marked = {p.id: p.asks for p in rubric.get("navigate-paradox").prompts if p.asks}
    assert marked["navigate-paradox.authority-used"] == ("control", "influence")
    assert marked["navigate-paradox.direct-or-let-go"] == ("balance",)


FEELINGS = r"\bfeel|genuine|real excitement|\bexcit(ed|ement) about\b|drain|energy log"


def test_energy_rates_what_people_see_and_hear_never_how_you_feel(rubric: Rubric) -> None:
    energy = rubric.get("energy-for-possibility")
    assert not _has([level.descriptor for level in energy.levels], FEELINGS + r"|energy")
    assert not _has([p.text for p in energy.prompts], FEELINGS + r"|energy")
    # Energy and load are the weekly flow's wellbeing check, never a rating; the why says so.
    assert re.search(r"wellbeing", energy.why) and re.search(r"never", energy.why)
    assert {"energy-for-possibility.energy-log", "energy-for-possibility.drained"} <= {
        *energy.retired_experiments,
        *energy.retired_prompts,
    }
    # After good and after bad news: what you say in the meeting.
    assert _has([energy.level(2).descriptor], r"good") and _has(
        [energy.level(4).descriptor], r"bad news"
    )


def test_curiosity_before_critique_has_left_energy(rubric: Rubric) -> None:
    energy = rubric.get("energy-for-possibility")
    assert not _has(_all_text(energy), r"curiosity")
    assert "energy-for-possibility.curiosity-first" in energy.retired_experiments


def test_focus_reads_right_for_someone_with_no_rivals(rubric: Rubric) -> None:
    focus = rubric.get("focus-over-competition")
    assert not _has(_all_text(focus), r"\busers?\b")
    levels = [level.descriptor for level in focus.levels]
    # Comparison and pressure from above lead; a rival is one example among others.
    assert len(_has(levels, r"rival|competitor")) <= 1
    assert len(_has(levels, r"compar|pressure|from above|senior")) >= 4
    prompts = [p.text for p in focus.prompts]
    assert len(_has(prompts, r"rival|competitor")) <= 1
    assert "comparison" in focus.title.lower()
    # The essay says "ignore"; the rubric says "filter", and the why says why.
    assert re.search(r"ignore", focus.why, re.IGNORECASE) and "filter" in focus.why


@pytest.mark.parametrize("behaviour_id", PARTS)
def test_every_experiment_fits_a_week_with_signals_it_can_show(
    rubric: Rubric, behaviour_id: str
) -> None:
    for experiment in rubric.get(behaviour_id).experiments:
        assert experiment.minutes <= 60, experiment.id
        assert experiment.did and experiment.saw and experiment.signal is None, experiment.id
        assert not re.search(r"next week|two weeks|within a month", experiment.saw)
