"""Building a report: journal records + rubric facts + period -> the `Report`, by pure code.

No database and no terminal here: the caller loads the journal and the rubric
and chooses the period; each section of the report is built by its module in
reports/sections/ against one `Scope`, and sharing is decided by
reports/privacy.py as the sections copy text in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from belonging_cli._gc import collector_paused
from belonging_cli.reports.model import (
    SHOWN,
    Listed,
    Person,
    Report,
    ReportPeriod,
    RubricInfo,
    Summary,
)
from belonging_cli.reports.privacy import Privacy
from belonging_cli.reports.scope import Scope, is_reflection, when
from belonging_cli.reports.sections.balance import balance
from belonging_cli.reports.sections.evidence import disagreements, evidence_sources
from belonging_cli.reports.sections.exercises import exercises
from belonging_cli.reports.sections.experiments import experiments
from belonging_cli.reports.sections.feedback import feedback_view
from belonging_cli.reports.sections.focus import next_focus
from belonging_cli.reports.sections.goals import goals
from belonging_cli.reports.sections.links import links
from belonging_cli.reports.sections.prep import prep_answers
from belonging_cli.reports.sections.ratings import highlights, trends
from belonging_cli.reports.sections.reflections import focus_reflections
from belonging_cli.reports.sections.timeline import timelines
from belonging_cli.reports.sections.top import top
from belonging_cli.reports.sections.writing import Writing, people, rubric_words, tags, takeaways
from belonging_cli.reports.sections.writing import written as written_texts
from belonging_cli.reports.versions import wording_change
from belonging_cli.streaks import current_streak, longest_streak

if TYPE_CHECKING:
    from belonging_cli.journal.evidence_store import WeekEvidence
    from belonging_cli.records import JournalData, Session
    from belonging_cli.reports.period import Period
    from belonging_cli.reports.rubric_facts import RubricFacts


def build_report(
    data: JournalData,
    rubric: RubricFacts,
    period: Period,
    *,
    now: dt.datetime,
    share: bool = False,
    behaviours: Sequence[str] | None = None,
    person: str | None = None,
    zone: dt.tzinfo | None = None,
    tool_version: str = "",
    privacy: Privacy | None = None,
    evidence: Sequence[WeekEvidence] = (),
    reflection_weeks: Sequence[str] | None = None,
) -> Report:
    """Everything a report says about `period`, from the journal's records.

    `behaviours` (rubric ids) narrows ratings, reflections, experiments and
    exercises to those behaviours; `zone` is the user's time zone for dates.
    `privacy` (else `Privacy(share)`) is given by a caller that reads what was left out.
    `evidence`: the calendar and transcript weeks the caller read for the period
    (sections/evidence.weeks_to_read). `reflection_weeks`: the week of every completed
    reflection, given when `data` holds only what a period's report reads
    (journal/period_read.py); else they are `data`'s.
    """
    # Thousands of small records and no cycles: full collections would only
    # re-walk the journal already in memory (as the journal's loader does too).
    with collector_paused():
        decided = privacy if privacy is not None else Privacy(share)
        scope = Scope(data, rubric, period, now, decided, behaviours, zone)
        weeks = weeks_of(scope.reflections) if reflection_weeks is None else reflection_weeks
        return _assemble(scope, person, tool_version, evidence, weeks)


def _assemble(
    scope: Scope,
    person: str | None,
    tool_version: str,
    evidence: Sequence[WeekEvidence],
    weeks: Sequence[str],
) -> Report:
    ratings = trends(scope)
    period = scope.period
    # Built before the privacy count is read: each section adds what it left out.
    every_focus = focus_reflections(scope)
    tried = experiments(scope)
    balanced = balance(scope)
    exercised = exercises(scope)
    every_taken = takeaways(scope)
    listed = Listed(len(every_focus), len(tried.items), len(every_taken))
    # The long lists keep their latest entries (model.SHOWN), and what is said of them
    # (what followed each experiment, the people named) is said of those.
    focus, taken = every_focus[-SHOWN:], every_taken[-SHOWN:]
    tried.items = tried.items[-SHOWN:]
    # The people written about: in the person's own report only, never a shared one.
    texts = written_texts(ratings, focus, tried, balanced, exercised, taken)
    named = () if scope.privacy.share else people(texts, rubric_words(scope))
    summed = summary(scope, weeks)
    paths = timelines(ratings)
    linked = links(ratings, tried.items)
    suggested = next_focus(scope, ratings)
    prep = prep_answers(scope)
    measured = evidence_sources(
        evidence, period.first_week, period.last_week, ratings, scope.privacy
    )
    return Report(
        generated_at=scope.now,
        tool_version=tool_version,
        person=Person(person or None),
        period=ReportPeriod(
            period.name,
            period.start,
            period.end,
            period.first_week,
            period.last_week,
            period.weeks,
        ),
        rubric=RubricInfo(
            scope.rubric.id,
            scope.rubric.version,
            scope.rubric.title,
            wording_change(
                (scope.local_date(when(s)), s.rubric_id, s.rubric_version) for s in scope.sessions
            ),
        ),
        behaviour_filter=scope.filter,
        summary=summed,
        top=top(summed, ratings, paths, linked, suggested, disagreements(measured)),
        ratings=ratings,
        timeline=paths,
        highlights=highlights(ratings, Counter(s.focus_behaviour_id for s in scope.sessions)),
        focus_reflections=focus,
        experiments=tried,
        experiment_links=linked,
        balance=balanced,
        exercises=exercised,
        writing=Writing(taken, tags(scope), named),
        suggested_next_focus=suggested,
        shared=scope.privacy.share,
        private_left_out=scope.privacy.left_out,
        prep=prep,
        feedback=feedback_view(
            scope.data.feedback_rounds,
            scope.reflections,
            scope.titles,
            scope.period.end,
            scope.zone,
            scope.filter,
        ),
        goals=goals(scope),
        evidence=measured,
        listed=listed,
    )


def summary(scope: Scope, weeks: Sequence[str]) -> Summary:
    """`weeks`: the week of every completed reflection (the streaks')."""
    upto = [w for w in weeks if w <= scope.period.last_week]
    # The day the latest reflection is for, as its week says (`reflect --date` back-dates
    # it; journal/rows.py keeps it as `started_day`), not the day it was completed: a
    # coach judges "quiet" by the weeks reflected on (docs/report-json.md).
    latest = scope.sessions[-1] if scope.sessions else None  # sorted by week
    return Summary(
        sessions_completed=len(scope.sessions),
        weeks_reflected=len({s.week for s in scope.sessions}),
        weeks_in_period=scope.period.weeks,
        current_streak=current_streak(upto, scope.period.last_week),
        longest_streak=longest_streak(upto),
        last_reflection=latest.started_at.date() if latest else None,
    )


def weeks_of(sessions: Iterable[Session]) -> list[str]:
    """The weeks reflected on by completed reflections (where an `all` period starts)."""
    return [s.week for s in sessions if is_reflection(s)]
