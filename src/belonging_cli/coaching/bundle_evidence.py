"""The bundle's `evidence` key (format_minor 6): a client's calendar and meeting
figures, read as hostile.

It is what reports/sections/evidence.py writes (docs/report-json.md, Evidence), when
the client included it in a shared report: per source, weeks of figures and the
levels beside them, and each figure's trend in the tool's own words. Read as figures
only: each source at most once, a week's figures only the names its source stores
(evidence/measures.STORED), each a finite number within bounds or `quietest` as
"speaker N of M" (never a name), every word one bounded line without a control
character, the lists bounded. Unlike the rest of the bundle, no key is ignored here:
evidence is where a tampered bundle could carry a person's words, so every key is
one this model defines, a source's heading, a week's shown figures and a trend's
words are exactly the tool's own (sections/evidence.py), and a week's ratings are
of the source's behaviours. Anything else refuses the bundle at file:line:col, at
the key or value at fault (bundle_feedback.PLACE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from belonging_cli.coaching.bundle_feedback import PLACE
from belonging_cli.content.validation import ONE_LINE
from belonging_cli.evidence.measures import MEASURES, QUIETEST, STORED
from belonging_cli.reports.sections.evidence import SOURCE_NAMES, shown, trend_text, trend_words
from belonging_cli.safe_text import MAX_NAME

if TYPE_CHECKING:
    from belonging_cli.journal.evidence_store import Source as EvidenceSource

MAX_WEEKS = 5000  # a source's weeks: as a rating's series
Week = Annotated[str, StringConstraints(pattern=r"^\d{4}-W\d{2}$")]
Name = Annotated[str, StringConstraints(max_length=MAX_NAME), ONE_LINE]
Level = Annotated[int, Field(ge=1, le=5)]
# Hours in a week, seconds of a monologue, counts of a week's meetings: all far below.
MAX_FIGURE = 1_000_000
Number = Annotated[float, Field(ge=0, le=MAX_FIGURE, allow_inf_nan=False)]


def _figure(value: object) -> float | str:
    """A number from 0 to MAX_FIGURE, or "speaker N of M" (`quietest`: never a name)."""
    if isinstance(value, str):
        if QUIETEST.fullmatch(value):
            return value
        raise ValueError('a figure is a number, or "speaker N of M" for quietest')
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("a figure is a number")
    if not 0 <= value <= MAX_FIGURE:  # NaN fails this too
        raise ValueError(f"a figure is a number from 0 to {MAX_FIGURE:,}")
    return value


Figure = Annotated[float | str, PlainValidator(_figure)]


def _refused(why: str, *at: str | int) -> PydanticCustomError:
    """A refusal at the key or value `at` below the model that finds it."""
    return PydanticCustomError("evidence", "{why}", {"why": why, PLACE: at})


class _Part(BaseModel):
    # Not the bundle's "unknown keys ignored": an unknown key here may carry words.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        """Every key one this part defines: refused at the first other, in plain words."""
        if isinstance(data, dict):
            for key in data:
                if key not in cls.model_fields:
                    raise _refused(f"{key!r} is not part of a bundle's evidence", key)
        return data


class WeekFigures(_Part):
    week: Week
    figures: dict[Name, Figure] = Field(max_length=20)
    ratings: dict[Name, Level] = Field(default_factory=dict, max_length=10)
    shown: dict[Name, Name] = Field(default_factory=dict, max_length=20)  # "8 h", "54%"


class Beside(_Part):
    behaviour_id: Name
    title: Name
    latest: Level | None
    previous: Level | None
    week: Week | None


class Trend(_Part):
    figure: Name
    column: Name
    label: Name
    unit: Name | None = None  # the figure's own (a bundle before it has none)
    week: Week
    latest: Number
    start: Number
    moved: Literal["rose", "fell", "steady", ""]
    run: Annotated[int, Field(ge=0, le=MAX_WEEKS)]
    words: Name
    text: Name


class Source(_Part):
    source: Literal["calendar", "transcript"]
    name: Name | None = None  # its heading: SOURCE_NAMES's, nothing else
    behaviours: list[Beside] = Field(max_length=10)
    weeks: list[WeekFigures] = Field(max_length=MAX_WEEKS)
    trends: list[Trend] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _figures_only(self) -> Source:
        """Only the figures this source stores, `quietest` the only words among them,
        and every other word the tool's own."""
        if self.name is not None and self.name != SOURCE_NAMES[self.source]:
            raise _refused(f"the {self.source}'s heading is {SOURCE_NAMES[self.source]!r}", "name")
        known = STORED[self.source]
        rated = {b.behaviour_id for b in self.behaviours}
        for index, week in enumerate(self.weeks):
            for name, value in week.figures.items():
                if name not in known:
                    why = f"{week.week}: {name!r} is not a {self.source} figure"
                    raise _refused(why, "weeks", index, "figures", name)
                if isinstance(value, str) and name != "quietest":
                    raise _refused(
                        f"{week.week}: {name!r} is a number", "weeks", index, "figures", name
                    )
            for behaviour in week.ratings:
                if behaviour not in rated:
                    why = f"{week.week}: a rating of a behaviour this evidence is not beside"
                    raise _refused(why, "weeks", index, "ratings", behaviour)
            _check_shown(self.source, week, index)
        for index, trend in enumerate(self.trends):
            _check_trend(self.source, trend, index)
        return self


def _check_shown(source: EvidenceSource, week: WeekFigures, index: int) -> None:
    """A shown figure is a followed one, in the words the report gives its number."""
    followed = {m.name: m for m in MEASURES[source]}
    for name, said in week.shown.items():
        figure = followed.get(name)
        value = week.figures.get(name)
        if figure is None or isinstance(value, str) or value is None:
            why = f"{week.week}: {name!r} is not a figure shown for this week"
            raise _refused(why, "weeks", index, "shown", name)
        if said != shown(value, figure.unit):
            why = f"{week.week}: {name} is shown as its figure is: {shown(value, figure.unit)!r}"
            raise _refused(why, "weeks", index, "shown", name)


def _check_trend(source: EvidenceSource, trend: Trend, index: int) -> None:
    """A trend's words are the tool's own for its figure and its move, nothing else."""
    figure = next((m for m in MEASURES[source] if m.name == trend.figure), None)
    if figure is None:
        raise _refused(f"{trend.figure!r} is not a {source} figure", "trends", index, "figure")
    expected = {
        "column": figure.column,
        "label": figure.label,
        "unit": figure.unit if trend.unit is not None else None,
        "words": trend_words(trend.moved, trend.run),
        "text": trend_text(figure, trend.moved, trend.run, trend.start, trend.latest),
    }
    for key, words in expected.items():
        if getattr(trend, key) != words:
            why = f"a {trend.figure} trend's {key} is the tool's own words: {words!r}"
            raise _refused(why, "trends", index, key)


def _once(sources: list[Source]) -> list[Source]:
    names = [s.source for s in sources]
    if len(set(names)) != len(names):
        raise ValueError("a source is listed twice")
    return sources


Evidence = Annotated[list[Source], Field(max_length=2), AfterValidator(_once)]
