"""Evidence in a report: the period's weeks of calendar and transcript figures, set
beside the ratings of the behaviours they speak to, each figure's trend in words.

Which behaviour a source informs is evidence/beside.INFORMS; which figures, and which
way counts, evidence/measures.py. A trend is the latest move and how many weeks in a
row the figure moved that way ("rose three weeks running"); weeks without a figure
break a run. Reading starts LOOKBACK weeks before the period, so a week's report can
still say what the weeks before it did; the series shown are the period's own.

Evidence is private by default: in a shared report each source is one private item
(`evidence/calendar`, `evidence/transcript`), left out unless the person includes it,
and then as figures only. The person's example sentences are never in a report.

The top's line (`disagreements`): a behaviour's latest rating at or above the one
before it while a figure that speaks to it moved against it RUN weeks running or
more, or the rating fell while the figure moved its way as long, the run reaching
the rating's week or the week before it. At most MAX_TOP, the longest runs first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from belonging_cli.clock import previous_week
from belonging_cli.evidence.beside import INFORMS
from belonging_cli.evidence.measures import MEASURES, QUIETEST, SPEAKS_TO, STORED, Measure, measure
from belonging_cli.reports.words import plural

if TYPE_CHECKING:
    from belonging_cli.journal.evidence_store import Figure, Source, WeekEvidence
    from belonging_cli.reports.model import BehaviourTrend
    from belonging_cli.reports.privacy import Privacy

RUN = 3  # weeks in a row a figure moved one way before the top says so
LOOKBACK = RUN  # weeks read before the period: enough for one run
MAX_TOP = 2  # lines of the top, at most
ROSE, FELL, STEADY = "rose", "fell", "steady"
_COUNTS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
SOURCE_NAMES = {"calendar": "Calendar", "transcript": "Meetings"}  # as headings show them


@dataclass(slots=True)
class EvidenceWeek:
    week: str
    figures: dict[str, Figure]  # numbers, and `quietest` as "speaker N of M"
    ratings: dict[str, int]  # the level of each behaviour beside, when rated that week
    shown: dict[str, str]  # each trend's figure as a reader sees it: "23 h", "64%"


@dataclass(slots=True)
class FigureTrend:
    figure: str
    column: str
    label: str
    unit: str
    week: str  # the latest week with the figure
    latest: float
    start: float  # where the latest run began
    moved: str  # rose, fell, steady, "" (one week)
    run: int  # weeks in a row it moved that way, up to `week`
    words: str  # "rose three weeks running"
    text: str  # "Meeting hours rose three weeks running, 2 h → 8 h."


@dataclass(slots=True)
class Beside:
    behaviour_id: str
    title: str
    latest: int | None
    previous: int | None  # the rating before the latest (None: the first ever)
    week: str | None  # the latest rating's week


@dataclass(slots=True)
class EvidenceSource:
    source: Source  # calendar or transcript
    name: str  # as a heading shows it
    behaviours: tuple[Beside, ...]
    weeks: tuple[EvidenceWeek, ...]
    trends: tuple[FigureTrend, ...]


@dataclass(slots=True)
class Disagreement:
    behaviour_id: str
    title: str
    level: int
    previous: int
    figure: str
    moved: str
    run: int
    text: str


def weeks_to_read(first_week: str, last_week: str) -> tuple[str, str]:
    """The weeks a report reads: its period's, and LOOKBACK weeks before it."""
    start = first_week
    for _ in range(LOOKBACK):
        start = previous_week(start)
    return start, last_week


def evidence_sources(
    items: Iterable[WeekEvidence],
    first_week: str,
    last_week: str,
    ratings: Sequence[BehaviourTrend],
    privacy: Privacy,
) -> tuple[EvidenceSource, ...]:
    """Each source with figures in the period, beside its behaviours in `ratings`."""
    by_source: dict[str, list[WeekEvidence]] = {}
    for item in sorted(items, key=lambda i: i.week):
        if item.week <= last_week:
            by_source.setdefault(item.source, []).append(item)
    rated = {r.behaviour_id: r for r in ratings}
    found: list[EvidenceSource] = []
    for source, measures in MEASURES.items():
        weeks = by_source.get(source, [])
        shown = [i for i in weeks if i.week >= first_week]
        behaviours = [rated[b] for b, s in INFORMS.items() if s == source and b in rated]
        if not shown or not behaviours:
            continue
        span = f"{shown[0].week} to {shown[-1].week}" if len(shown) > 1 else shown[0].week
        words = f"{SOURCE_NAMES[source]} figures of {plural(len(shown), 'week')}"
        if not privacy.keep(
            True, ("evidence", "evidence", source), section="Evidence", week=span, text=words
        ):
            continue
        found.append(
            EvidenceSource(
                source,
                SOURCE_NAMES[source],
                tuple(_beside(r) for r in behaviours),
                tuple(_week(i, behaviours, measures) for i in shown),
                tuple(t for m in measures if (t := _trend(m, weeks)) is not None),
            )
        )
    return tuple(found)


def _beside(rating: BehaviourTrend) -> Beside:
    last = rating.series[-1] if rating.series else None
    return Beside(
        rating.behaviour_id,
        rating.title,
        rating.latest,
        last.previous if last else None,
        last.week if last else None,
    )


def _week(
    item: WeekEvidence, behaviours: Sequence[BehaviourTrend], measures: Sequence[Measure]
) -> EvidenceWeek:
    levels = {r.behaviour_id: p.level for r in behaviours for p in r.series if p.week == item.week}
    values = {m: _value(item.figures, m.name) for m in measures}
    said = {m.name: shown(v, m.unit) for m, v in values.items() if v is not None}
    return EvidenceWeek(item.week, shareable(item.source, item.figures), levels, said)


def shareable(source: Source, figures: Mapping[str, Figure]) -> dict[str, Figure]:
    """The figures a report may carry: the ones the source stores, finite numbers, and
    `quietest` only as "speaker N of M"; anything else in the row is left out."""
    kept: dict[str, Figure] = {}
    for name in sorted(STORED[source] & figures.keys()):
        value = figures[name]
        if name == "quietest":
            if isinstance(value, str) and QUIETEST.fullmatch(value):
                kept[name] = value
        elif _value(figures, name) is not None:
            kept[name] = value
    return kept


def _value(figures: Mapping[str, Figure], name: str) -> float | None:
    value = figures.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _trend(figure: Measure, weeks: Sequence[WeekEvidence]) -> FigureTrend | None:
    series = [(i.week, v) for i in weeks if (v := _value(i.figures, figure.name)) is not None]
    if not series:
        return None
    moved, run, start = trend(series)
    week, latest = series[-1]
    return FigureTrend(
        figure.name,
        figure.column,
        figure.label,
        figure.unit,
        week,
        latest,
        start,
        moved,
        run,
        trend_words(moved, run),
        trend_text(figure, moved, run, start, latest),
    )


def trend_text(figure: Measure, moved: str, run: int, start: float, latest: float) -> str:
    """A trend in words: "Meeting hours rose three weeks running, 2 h \u2192 8 h." (the
    bundle's reader holds a trend's text to these words: coaching/bundle_evidence.py)."""
    text = f"{figure.column} {trend_words(moved, run)}"
    if moved == STEADY:
        text += f", at {shown(latest, figure.unit)}"
    elif moved:
        text += f", {shown(start, figure.unit)} \u2192 {shown(latest, figure.unit)}"
    return text + "."


def trend(series: Sequence[tuple[str, float]]) -> tuple[str, int, float]:
    """(how the latest week moved, weeks in a row it moved so, the value the run began
    at) for a series of (ISO week, value) in week order; a missing week ends a run."""
    moved, run = "", 0
    start = series[-1][1]
    for (week, before), (later, after) in zip(series[-2::-1], series[:0:-1], strict=True):
        if previous_week(later) != week:
            break
        step = ROSE if after > before else FELL if after < before else STEADY
        if moved and step != moved:
            break
        moved, run, start = step, run + 1, before
    return moved, run, start


def trend_words(moved: str, run: int) -> str:
    if not moved:
        return "one week so far"
    if run < 2:
        return f"{moved} from the week before"
    return f"{moved} {_COUNTS.get(run, str(run))} weeks running"


def disagrees(latest: int, previous: int, moved: str, better: int) -> bool:
    """The rating held or rose while the figure moved against the behaviour, or the
    rating fell while the figure moved its way. (The run's length is the caller's.)"""
    if moved not in (ROSE, FELL):
        return False
    against = (moved == ROSE) == (better < 0)
    return against if latest >= previous else not against


def disagreements(sources: Sequence[EvidenceSource]) -> tuple[Disagreement, ...]:
    """The top's evidence lines: per behaviour its longest disagreeing run; MAX_TOP."""
    found: list[tuple[int, int, Disagreement]] = []
    for order, (source, beside) in enumerate((s, b) for s in sources for b in s.behaviours):
        trends = {t.figure: t for t in source.trends}
        best: tuple[int, Disagreement] | None = None
        for name in SPEAKS_TO.get(beside.behaviour_id, ()):
            t = trends.get(name)
            if t is None or beside.latest is None or beside.previous is None:
                continue
            recent = beside.week is not None and t.week >= previous_week(beside.week)
            if not recent or t.run < RUN:
                continue
            better = measure(source.source, name).better
            if not disagrees(beside.latest, beside.previous, t.moved, better):
                continue
            if best is None or t.run > best[0]:
                best = (t.run, _disagreement(beside, beside.latest, beside.previous, t))
        if best is not None:
            found.append((-best[0], order, best[1]))
    return tuple(d for _, _, d in sorted(found, key=lambda f: f[:2])[:MAX_TOP])


def _disagreement(beside: Beside, level: int, previous: int, t: FigureTrend) -> Disagreement:
    text = (
        f"Evidence: rated {beside.title} {level} ({previous} before); "
        f"{t.label} {t.words}, {shown(t.start, t.unit)} \u2192 {shown(t.latest, t.unit)}."
    )
    return Disagreement(
        beside.behaviour_id, beside.title, level, previous, t.figure, t.moved, t.run, text
    )


def shown(value: float, unit: str) -> str:
    """A figure as a reader sees it: "23 h", "64%", "95 s", "5"."""
    if unit == "%":
        return f"{value:.0%}"
    if unit:
        return f"{value:g} {unit}"
    return f"{value:g}"
