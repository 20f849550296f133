"""The bundle's `evidence` key (format_minor 6): a client's calendar and meeting
figures, read as hostile.

It is what reports/sections/evidence.py writes (docs/report-json.md, Evidence), when
the client included it in a shared report: per source, weeks of figures and the
levels beside them, and each figure's trend in the tool's own words. Read as figures
only: each source at most once, a week's figures only the names its source stores
(evidence/measures.STORED), each a finite number within bounds or `quietest` as
"speaker N of M" (never a name), every word one bounded line without a control
character, the lists bounded. Anything else refuses the bundle at file:line:col.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    model_validator,
)

from belonging_cli.content.validation import ONE_LINE
from belonging_cli.evidence.measures import QUIETEST, STORED
from belonging_cli.safe_text import MAX_NAME

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


class _Part(BaseModel):
    # Unknown keys ignored, as the bundle contract lets writers add them.
    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)


class WeekFigures(_Part):
    week: Week
    figures: dict[Name, Figure] = Field(max_length=20)
    ratings: dict[Name, Level] = Field(default_factory=dict, max_length=10)


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
    week: Week
    latest: Number
    start: Number
    moved: Literal["rose", "fell", "steady", ""]
    run: Annotated[int, Field(ge=0, le=MAX_WEEKS)]
    words: Name
    text: Name


class Source(_Part):
    source: Literal["calendar", "transcript"]
    behaviours: list[Beside] = Field(max_length=10)
    weeks: list[WeekFigures] = Field(max_length=MAX_WEEKS)
    trends: list[Trend] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _figures_only(self) -> Source:
        """Only the figures this source stores, `quietest` the only words among them."""
        known = STORED[self.source]
        for week in self.weeks:
            for name, value in week.figures.items():
                if name not in known:
                    raise ValueError(f"{week.week}: {name!r} is not a {self.source} figure")
                if isinstance(value, str) and name != "quietest":
                    raise ValueError(f"{week.week}: {name!r} is a number")
        for trend in self.trends:
            if trend.figure not in known:
                raise ValueError(f"{trend.figure!r} is not a {self.source} figure")
        return self


def _once(sources: list[Source]) -> list[Source]:
    names = [s.source for s in sources]
    if len(set(names)) != len(names):
        raise ValueError("a source is listed twice")
    return sources


Evidence = Annotated[list[Source], Field(max_length=2), AfterValidator(_once)]
