"""The session engine on its own: questions, conditions, rotation, suggestions, records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from belonging_cli.clock import iso_week, next_week
from belonging_cli.content.flows import Flow, load_flows
from belonging_cli.content.rubrics import Rubric, load_rubric
from belonging_cli.engine.answers import fallback
from belonging_cli.engine.history import History, choose_prompts
from belonging_cli.engine.questions import Question
from belonging_cli.engine.session import Engine, split_tags
from belonging_cli.records import Answer, AnswerValue, Experiment, Rating, Session

T0 = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric()


@pytest.fixture(scope="module")
def weekly() -> Flow:
    return load_flows().get("weekly")


def engine_for(
    flow: Flow, rubric: Rubric, history: History | None = None, when: dt.datetime = T0
) -> Engine:
    return Engine(flow, rubric, history or History(), iso_week(when.date()), when.date())


def run(engine: Engine, answers: dict[str, AnswerValue], at: dt.datetime = T0) -> list[Question]:
    """Answer every question: from `answers`, else the default; returns those asked."""
    asked = []
    while (q := engine.next_question()) is not None:
        asked.append(q)
        engine.answer(q, answers.get(q.id, fallback(q)), at)
    return asked


def completed(engine: Engine, session_id: str, at: dt.datetime = T0) -> Session:
    draft = Session(session_id, engine.flow.id, "belonging-core", "1", at, engine.week)
    return engine.completed(draft, at)


def test_a_first_weekly_session_asks_pulse_focus_reflections_and_experiment(
    rubric: Rubric, weekly: Flow
) -> None:
    engine = engine_for(weekly, rubric)
    asked = run(engine, {"pulse.protect-time": 1, "focus": "protect-time"})
    ids = [q.id for q in asked]
    assert ids[:2] == ["wellbeing", "win"]  # steady: what would help is not asked
    assert ids[2:12] == [f"pulse.{b}" for b in rubric.ids()]
    assert "review" not in ids  # nothing to review yet
    assert not any(i.endswith(".evidence") for i in ids)  # no earlier rating to move from
    assert ids[12:] == [
        "focus",
        "reflect.1",  # one a week: the lens is the second look
        "levers",
        "control",  # the lens of a first week: control, then influence, environment, people
        "next-experiment",
        "next-experiment.when",  # the experiment's plan: when and with whom, how sure
        "next-experiment.confidence",
        "takeaway",
    ]
    rate = asked[2]
    assert len(rate.details) == 5 and rate.details[0].startswith("1 Not yet: ")
    reflect = [q for q in asked if q.id.startswith("reflect.")]
    assert all(q.behaviour_id == "protect-time" and q.prompt_id for q in reflect)
    assert len(reflect) == 1
    control = next(q for q in asked if q.id == "control")
    assert control.private is True
    assert asked[0].private is True  # the wellbeing check: never shared


def test_records_follow_the_step_id_conventions(rubric: Rubric, weekly: Flow) -> None:
    engine = engine_for(weekly, rubric)
    run(
        engine,
        {
            "focus": "navigate-paradox",
            "reflect.1": "I held two goals",
            "levers": "structural",
            "next-experiment": "Ask one more question",
        },
    )
    session = completed(engine, "s1")
    assert session.focus_behaviour_id == "navigate-paradox"
    assert len(session.ratings) == 10
    first = session.answer("reflect.1")
    assert first is not None and first.kind == "long_text" and first.value == "I held two goals"
    assert first.prompt_id and first.question and first.behaviour_id == "navigate-paradox"
    levers = session.answer("levers")
    assert levers is not None and (levers.value, levers.role) == ("structural", "levers")
    control = session.answer("control")
    assert control is not None and control.private
    outcome = engine.outcome("s1", T0, "e1")
    assert outcome.new is not None
    assert outcome.new.title == "Ask one more question"
    assert outcome.new.rubric_experiment_id is None
    assert outcome.new.week == next_week(engine.week)
    assert outcome.new.status == "open"


def test_tags_are_kept_in_the_flows_that_ask_them(rubric: Rubric) -> None:
    # The 2.0 weekly asks no tags; the deep dive (and the monthly, the mirror) still do.
    engine = engine_for(load_flows().get("deep-dive"), rubric)
    run(engine, {"focus": "navigate-paradox", "tags": "Team, hard talk"})
    assert completed(engine, "s1").tags == ("team", "hard-talk")


def test_a_rubric_experiment_is_kept_with_its_minutes_and_signal(
    rubric: Rubric, weekly: Flow
) -> None:
    engine = engine_for(weekly, rubric)
    run(
        engine, {"focus": "cultivate-belonging", "next-experiment": "cultivate-belonging.last-word"}
    )
    new = engine.outcome("s1", T0, "e1").new
    assert new is not None and new.rubric_experiment_id == "cultivate-belonging.last-word"
    assert new.title == "Give the last word away" and new.minutes == 20 and new.signal
    saved = completed(engine, "s1").answer("next-experiment")
    assert saved is not None and saved.value == "Give the last word away"


def _experiment(week: str, title: str = "Give the last word away") -> Experiment:
    return Experiment(
        id="e0",
        behaviour_id="cultivate-belonging",
        title=title,
        week=week,
        created_at=T0 - dt.timedelta(days=7),
    )


def test_last_weeks_experiment_is_reviewed_and_closed(rubric: Rubric, weekly: Flow) -> None:
    history = History(open_experiments=(_experiment(iso_week(T0.date())),))
    engine = engine_for(weekly, rubric, history)
    asked = run(
        engine,
        {"review": "partly", "review.happened": "Twice", "review.learned": "Silence is ok"},
    )
    # How you are first, then the review.
    assert [q.id for q in asked[:4]] == ["wellbeing", "review", "review.happened", "review.learned"]
    reviewed = engine.outcome("s1", T0, "e1").reviewed
    assert len(reviewed) == 1
    done = reviewed[0]
    assert (done.status, done.outcome, done.happened, done.learned) == (
        "done",
        "partly",
        "Twice",
        "Silence is ok",
    )
    assert done.reviewed_session_id == "s1"
    review = completed(engine, "s1").answer("review")
    assert review is not None and review.value == "partly"
    assert review.question == "Give the last word away"


def test_not_tried_drops_it_and_skip_leaves_it_open(rubric: Rubric, weekly: Flow) -> None:
    week = iso_week(T0.date())
    history = History(open_experiments=(_experiment(week),))
    engine = engine_for(weekly, rubric, history)
    asked = run(engine, {"review": "not_tried"})
    assert asked[2].message == "What got in the way?"  # after the wellbeing and the review
    assert engine.outcome("s", T0, "n").reviewed[0].status == "dropped"
    assert not engine.outcome("s", T0, "n").reviewed[0].private

    engine = engine_for(weekly, rubric, history)
    run_until(engine, "review.happened", {"review": "partly"})
    question = engine.next_question()
    assert question is not None
    engine.answer(question, "Sam froze", T0, private=True)
    run(engine, {})
    done = engine.outcome("s", T0, "n").reviewed[0]
    # The note is private on its own: the experiment (its title) is not hidden by it.
    assert (done.happened_private, done.learned_private, done.private) == (True, False, False)

    engine = engine_for(weekly, rubric, history)
    asked = run(engine, {"review": "skip"})
    assert asked[2].id == "win"  # no follow-up questions
    assert engine.outcome("s", T0, "n").reviewed == ()


def test_an_experiment_for_a_later_week_is_not_reviewed_yet(rubric: Rubric, weekly: Flow) -> None:
    history = History(open_experiments=(_experiment(next_week(iso_week(T0.date()))),))
    assert "review" not in [q.id for q in run(engine_for(weekly, rubric, history), {})]


def _history_session(
    week_offset: int, ratings: dict[str, int], focus: str | None = None
) -> Session:
    at = T0 - dt.timedelta(weeks=week_offset)
    return Session(
        id=f"old{week_offset}",
        flow_id="weekly",
        rubric_id="belonging-core",
        rubric_version="1",
        started_at=at,
        week=iso_week(at.date()),
        status="complete",
        focus_behaviour_id=focus,
        ratings=tuple(Rating(b, level, at) for b, level in ratings.items()),
    )


def test_ratings_default_to_last_time_and_a_move_asks_for_evidence(
    rubric: Rubric, weekly: Flow
) -> None:
    history = History(sessions=(_history_session(1, dict.fromkeys(rubric.ids(), 3)),))
    engine = engine_for(weekly, rubric, history)
    engine.pulse = "all"  # every behaviour, as the `pulse` setting's "all" asks
    run_until(engine, "pulse.cultivate-belonging", {})  # past how you are and the win
    first = engine.next_question()
    assert first is not None and first.default == 3 and "(last time 3)" in first.message
    engine.answer(first, 4, T0)
    evidence = engine.next_question()
    assert evidence is not None and evidence.id == "pulse.cultivate-belonging.evidence"
    assert "3 Intentional -> 4 Consistent" in evidence.message
    saved = engine.answer(evidence, "Ran the opening round", T0)
    assert saved.rating is not None and saved.rating.evidence == "Ran the opening round"
    assert saved.rating.level == 4
    nxt = engine.next_question()
    assert nxt is not None and nxt.id == "pulse.protect-time"  # unchanged ratings ask nothing


def test_focus_suggestion_prefers_coach_then_lowest_then_least_recent(
    rubric: Rubric, weekly: Flow
) -> None:
    ratings = dict.fromkeys(rubric.ids(), 3)
    coach = History(assigned_behaviours=("embrace-messiness",))
    engine = engine_for(weekly, rubric, coach)
    run_until(engine, "focus", {"pulse.protect-time": 1})
    assert engine.suggestion()[0] == "embrace-messiness"

    engine = engine_for(weekly, rubric)
    run_until(engine, "focus", {"pulse.protect-time": 1})
    assert engine.suggestion() == ("protect-time", "your lowest rating (1 Not yet)")

    # All equal: the one explored longest ago (never explored wins, in rubric order).
    explored = History(
        sessions=(
            _history_session(1, ratings, focus="cultivate-belonging"),
            _history_session(2, ratings, focus="protect-time"),
        )
    )
    engine = engine_for(weekly, rubric, explored)
    run_until(engine, "focus", {})
    assert engine.suggestion()[0] == "ambiguous-decisions"


def run_until(engine: Engine, stop: str, answers: dict[str, AnswerValue]) -> None:
    while (q := engine.next_question()) is not None and q.id != stop:
        engine.answer(q, answers.get(q.id, fallback(q)), T0)


def test_prompts_do_not_repeat_until_all_were_used_over_many_weeks(
    rubric: Rubric, weekly: Flow
) -> None:
    behaviour = rubric.get("cultivate-belonging")
    total = len(behaviour.prompts)
    sessions: list[Session] = []
    asked: list[str] = []
    weeks = total + 2  # every prompt once, and the next round begun
    for week in range(weeks):
        at = T0 + dt.timedelta(weeks=week)
        engine = engine_for(weekly, rubric, History(sessions=tuple(sessions)), when=at)
        run(engine, {"focus": behaviour.id}, at=at)
        session = completed(engine, f"s{week}", at)
        asked += [a.prompt_id for a in session.answers if a.prompt_id and a.behaviour_id]
        sessions.append(session)
    assert len(asked) == weeks  # one prompt a week (the lens of the week is the second look)
    for start in range(0, len(asked) - total + 1, total):
        window = asked[start : start + total]
        assert len(set(window)) == total, f"a prompt repeated within round at {start}"
    assert set(asked) == {p.id for p in behaviour.prompts}


def test_choose_prompts_takes_unused_prompts_first(rubric: Rubric) -> None:
    behaviour = rubric.get("protect-time")
    used = behaviour.prompts[0].id
    session = Session(
        id="x",
        flow_id="weekly",
        rubric_id="r",
        rubric_version="1",
        started_at=T0,
        week="2026-W48",
        answers=(Answer("reflect.1", "long_text", "a", T0, used, behaviour.id),),
    )
    picked = choose_prompts(behaviour, History(sessions=(session,)), 3)
    assert used not in [p.id for p in picked]
    assert len(picked) == 3


def test_a_restored_draft_asks_only_what_is_unanswered(rubric: Rubric, weekly: Flow) -> None:
    engine = engine_for(weekly, rubric)
    run_until(engine, "levers", {"focus": "prompt-insight", "reflect.1": "first"})
    answers, ratings = engine.records()
    draft = Session(
        id="d",
        flow_id="weekly",
        rubric_id="r",
        rubric_version="1",
        started_at=T0,
        week=engine.week,
        answers=answers,
        ratings=ratings,
    )
    planned = [q.prompt_id for q in engine.questions() if q.id.startswith("reflect.")]
    resumed = engine_for(weekly, rubric)
    resumed.restore(draft)
    nxt = resumed.next_question()
    assert nxt is not None and nxt.id == "levers"
    assert [q.prompt_id for q in resumed.questions() if q.id.startswith("reflect.")] == planned


def test_conditions_skip_steps(rubric: Rubric, weekly: Flow) -> None:
    asked = [q.id for q in run(engine_for(weekly, rubric), {"wellbeing": "steady"})]
    assert "wellbeing-help" not in asked
    asked = [q.id for q in run(engine_for(weekly, rubric), {"wellbeing": "low"})]
    assert asked[:2] == ["wellbeing", "wellbeing-help"]


def test_privacy_default_follows_the_step_and_can_be_flipped(rubric: Rubric, weekly: Flow) -> None:
    engine = engine_for(weekly, rubric)
    run_until(engine, "control", {})
    control = engine.next_question()
    assert control is not None and control.private
    saved = engine.answer(control, "About Sam", T0, private=False)
    assert saved.answer is not None and not saved.answer.private
    after = engine.next_question()  # one lens a week: influence waits for its turn
    assert after is not None and after.id == "next-experiment"


def test_split_tags() -> None:
    assert split_tags(" Team ,#1:1s, hard   talk,team") == ["team", "1:1s", "hard-talk"]
    assert split_tags(None) == []
    assert split_tags(["A", "a"]) == ["a"]


def test_every_packaged_flow_runs_to_the_end(rubric: Rubric, tmp_path: Path) -> None:
    for flow in load_flows().flows:
        engine = engine_for(flow, rubric)
        asked = run(engine, {})
        assert asked, flow.id


def test_an_experiment_not_tried_is_offered_again(rubric: Rubric, weekly: Flow) -> None:
    history = History(open_experiments=(_experiment(iso_week(T0.date())),))
    engine = engine_for(weekly, rubric, history)
    run_until(engine, "next-experiment", {"review": "not_tried", "focus": "cultivate-belonging"})
    question = engine.next_question()
    assert question is not None
    # Behind the menu's one "Again: ..." entry, first; not also among the new ones.
    assert any(c.title.startswith("Again: one you tried before") for c in question.choices)
    assert question.again[0].title == "Give the last word away (20 min)"
    assert not any(c.title.startswith("Give the last word away") for c in question.choices)
    engine.answer(question, question.again[0].value, T0)
    new = engine.outcome("s", T0, "n").new
    assert new is not None and new.title == "Give the last word away"
    assert new.rubric_experiment_id == "cultivate-belonging.last-word"  # the same one again


def test_the_suggested_experiment_is_one_not_tried_before(rubric: Rubric, weekly: Flow) -> None:
    behaviour = rubric.get("cultivate-belonging")
    done = Experiment(
        id="old",
        behaviour_id=behaviour.id,
        title=behaviour.experiments[0].title,
        week="2026-W40",
        created_at=T0 - dt.timedelta(weeks=8),
        rubric_experiment_id=behaviour.experiments[0].id,
        status="done",
    )
    engine = engine_for(weekly, rubric, History(past_experiments=(done,)))
    run_until(engine, "next-experiment", {"focus": behaviour.id})
    question = engine.next_question()
    assert question is not None and question.default == behaviour.experiments[1].id


def test_the_monthly_recap_shows_the_ratings_trend_and_lessons(rubric: Rubric) -> None:
    monthly = load_flows().get("monthly")
    old = [_history_session(w, {"protect-time": level}) for w, level in ((3, 2), (2, 3), (1, 4))]
    # What the review closed: the experiment, with what was learned (the recap's source).
    lesson = Experiment(
        id="e",
        behaviour_id="protect-time",
        title="Block an hour",
        week=iso_week((T0 - dt.timedelta(weeks=2)).date()),
        created_at=T0 - dt.timedelta(weeks=2),
        status="done",
        outcome="tried",
        learned="Mornings work",
        reviewed_at=old[-1].started_at,
    )
    engine = engine_for(monthly, rubric, History(sessions=tuple(old), past_experiments=(lesson,)))
    recap = engine.next_question()
    assert recap is not None and recap.ask == "info"
    assert "  Protect time to reflect, experiment, engage and rest: 2 3 4  (+2)" in recap.details
    assert "  Block an hour: Mornings work" in recap.details
    engine.answer(recap, None, T0)
    goals = engine.next_question()  # shown next: the month's goals (issue 15)
    assert goals is not None and goals.ask == "info" and goals.kind == "goals"
    engine.answer(goals, None, T0)
    nxt = engine.next_question()
    assert nxt is not None and nxt.id == "pattern"


def test_a_condition_on_a_moved_rating(rubric: Rubric, tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text(
        "id: f\ntitle: F\ndescription: d\nminutes: 1\nsteps:\n"
        "  - {id: pulse, kind: pulse, evidence: never}\n"
        "  - {id: why, kind: text, question: What changed?, when: {step: pulse, moved: true}}\n"
        "  - id: sleep\n    kind: text\n    question: Sleep?\n"
        "    when: {step: pulse.protect-time, moved: true}\n",
        encoding="utf-8",
    )
    flow = load_flows(tmp_path).get("f")

    def every(engine: Engine) -> Engine:  # the condition is tested, not this week's few
        engine.pulse = "all"
        return engine

    history = History(sessions=(_history_session(1, dict.fromkeys(rubric.ids(), 3)),))
    asked = [q.id for q in run(every(engine_for(flow, rubric, history)), {})]
    assert "why" not in asked and "sleep" not in asked
    asked = [q.id for q in run(every(engine_for(flow, rubric, history)), {"pulse.protect-time": 1})]
    assert asked[-2:] == ["why", "sleep"]
    asked = [
        q.id for q in run(every(engine_for(flow, rubric, history)), {"pulse.prompt-insight": 5})
    ]
    assert asked[-1] == "why"
