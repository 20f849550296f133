"""Rubric 2.0 for behaviours #6, #7 and #10 (issue 15, the coach's review, Part A):
the essay's words read right, one home per strand, a line for leading without a team,
the essay's missing halves in the levels, and history kept comparable by retired ids."""

from __future__ import annotations

import re

import pytest

from belonging_cli.content.rubrics import Behaviour, load_behaviour_document
from support.places import REPO

RUBRICS = REPO / "rubrics"
# The essay's words, verbatim (its bullet list, and its questions about leaders).
ESSAY_BULLET = (
    "Engage people in ways that prompt them to learn, experience, and experience new insights."
)
ESSAY_QUESTION = "Do they feel responsible for having the answers?"

FILES = {
    "prompt-insight": "06-prompt-insight.yaml",
    "meaningful-vision": "07-meaningful-vision.yaml",
    "embrace-messiness": "10-embrace-messiness.yaml",
}

# The ids these behaviours had in rubric 1.0.0: a journal's answers and experiments
# point at them, so each one is still live or retired, never silently gone or reused.
IDS_1_0 = {
    "prompt-insight": (
        "answer-held-back first-minute talk-ratio their-words having-answers "
        "leading-question try-not-tell learned-from-them routines watching-struggle",
        "three-questions wait-out-silence experience-not-explanation say-i-dont-know peer-debrief",
    ),
    "meaningful-vision": (
        "own-words heard-back means-least feedback-changed defended linked-work "
        "avoided-skeptic say-vs-fund revision-routine still-moves-you",
        "two-sentences why-it-matters revise-out-loud connect-routine-work invite-critic",
    ),
    "embrace-messiness": (
        "first-minute-rough own-unfinished urge-to-tidy process-added failure-talk "
        "hidden-mess false-certainty mess-paid-off saw-it-late left-it-with-them",
        "thirty-percent remove-one-sign-off share-own-draft failure-first test-not-rule",
    ),
}

# Words that say a level assumes direct reports: such a level also says how it reads
# for someone who leads without a team (peers, a project, stakeholders, their own work).
_ASSUMES_A_TEAM = re.compile(
    r"\b(?:team|team's|1:1s?|reports|all-hands|the people doing the work)\b|^People\b",
    re.IGNORECASE,
)


def behaviour(behaviour_id: str) -> Behaviour:
    loaded, _ = load_behaviour_document(RUBRICS / FILES[behaviour_id])
    return loaded


def levels_text(b: Behaviour) -> str:
    return " ".join(" ".join(level.descriptor.split()) for level in b.levels)


def test_insight_statement_reads_experiment_for_the_essays_repeated_word() -> None:
    insight = behaviour("prompt-insight")
    statement = " ".join(insight.statement.split())
    assert "experience, and experience" not in statement
    assert statement == ESSAY_BULLET.replace("learn, experience,", "learn, experiment,")
    why = " ".join(insight.why.split())
    # The why says what the essay wrote, that it is the essay's slip, and why we read it so.
    assert '"learn, experience, and experience new insights" [sic]' in why
    assert '"experiment"' in why


def test_insight_why_quotes_the_essays_question_rather_than_claiming_a_verdict() -> None:
    """The essay asks this of any leader; it never names it "a mark of control"."""
    why = " ".join(behaviour("prompt-insight").why.split())
    assert "mark of control" not in why
    assert f'"{ESSAY_QUESTION}"' in why


@pytest.mark.parametrize(
    ("behaviour_id", "strand"),
    [
        ("prompt-insight", "ask before you tell"),
        ("meaningful-vision", "keep people on the vision"),
        ("embrace-messiness", "curiosity before critique"),
    ],
)
def test_each_overlapping_strand_has_its_one_home_here(behaviour_id: str, strand: str) -> None:
    """The review's overlap map: these three strands were in two or three behaviours."""
    assert strand in behaviour(behaviour_id).strands


@pytest.mark.parametrize("behaviour_id", sorted(FILES))
def test_a_level_that_assumes_a_team_reads_for_leading_without_one(behaviour_id: str) -> None:
    for level in behaviour(behaviour_id).levels:
        if _ASSUMES_A_TEAM.search(" ".join(level.descriptor.split())):
            assert level.solo, f"level {level.level} assumes a team and has no solo line"


def test_vision_levels_form_it_with_others_and_name_the_clash_with_targets() -> None:
    text = levels_text(behaviour("meaningful-vision"))
    assert "with at least some of the people doing the work" in text.lower()
    assert "clashes with" in text and "targets" in text


def test_messiness_levels_hold_human_mess_and_outcomes_nobody_can_forecast() -> None:
    text = levels_text(behaviour("embrace-messiness"))
    assert "emotional" in text
    assert "nobody can forecast" in text
    # L4 softened: the mess shows, said plainly, rather than rough work sent up as it is.
    assert "even when senior people will see it" not in text


@pytest.mark.parametrize("behaviour_id", sorted(FILES))
def test_every_1_0_id_is_still_live_or_retired(behaviour_id: str) -> None:
    b = behaviour(behaviour_id)
    prompts, experiments = (ids.split() for ids in IDS_1_0[behaviour_id])
    live_prompts = {p.id for p in b.prompts}
    live_experiments = {e.id for e in b.experiments}
    for name in prompts:
        full = f"{behaviour_id}.{name}"
        assert (full in live_prompts) != (full in b.retired_prompts), full
    for name in experiments:
        full = f"{behaviour_id}.{name}"
        assert (full in live_experiments) != (full in b.retired_experiments), full


@pytest.mark.parametrize(
    "retired",
    [
        "prompt-insight.first-minute",
        "prompt-insight.having-answers",
        "meaningful-vision.feedback-changed",
        "meaningful-vision.revision-routine",
        "meaningful-vision.still-moves-you",
        "embrace-messiness.process-added",
    ],
)
def test_a_prompt_whose_question_changed_is_retired_not_reworded(retired: str) -> None:
    b = behaviour(retired.split(".")[0])
    assert retired in b.retired_prompts
    assert b.prompt(retired) is None


@pytest.mark.parametrize("behaviour_id", sorted(FILES))
def test_a_later_signal_is_not_labelled_twice(behaviour_id: str) -> None:
    """The screen labels it 'Later:'; the text says when, not the label again."""
    for experiment in behaviour(behaviour_id).experiments:
        if experiment.later is not None:
            assert not experiment.later.lower().startswith("later"), experiment.id
