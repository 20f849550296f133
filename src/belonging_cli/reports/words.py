"""What a report says in words: short, warm sentences built from the plain report data.

Every renderer and template shares these, so the Markdown, HTML and terminal
reports tell the same story. Inputs are parts of the report, either the model's
records or their plain-data dicts (what a user's template sees); no user text
ends up in these sentences (templates escape that themselves).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PERIOD_LABELS = {
    "week": "this week",
    "month": "the last 4 weeks",
    "quarter": "the last 12 weeks",
    "year": "the last 52 weeks",
    "all": "all your reflections",
}
# An experiment as counted (sections/experiments.py STATES); `outcome` in a template.
OUTCOME_WORDS = {
    "tried": "tried",
    "partly": "partly tried",
    "not_tried": "not tried",
    "dropped": "dropped",
    "skipped": "skipped",
    "open": "open",
}
STATE_WORDS = {
    "done": "done",
    "due": "due",
    "overdue": "overdue",
    "dropped": "dropped",
    "withdrawn": "withdrawn by your coach",
}


def _get(part: Any, key: str) -> Any:
    return part[key] if isinstance(part, dict) else getattr(part, key)


def _date(value: str | dt.date) -> dt.date:
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def day(value: str | dt.date | None) -> str:
    """`2026-11-27` -> `27 Nov 2026`."""
    if value is None:
        return ""
    date = _date(value)
    return f"{date.day} {date:%b %Y}"


def date_range(start: str | dt.date, end: str | dt.date, joiner: str = "to") -> str:
    """`7 Sep to 29 Nov 2026`; after "between", `joiner="and"`."""
    first, last = _date(start), _date(end)
    if first.year == last.year:
        return f"{first.day} {first:%b} {joiner} {day(last)}"
    return f"{day(first)} {joiner} {day(last)}"


def period_label(period: Any) -> str:
    """`the last 12 weeks`, or the dates of a custom period."""
    label = PERIOD_LABELS.get(_get(period, "name"))
    return label or date_range(_get(period, "start"), _get(period, "end"))


def period_phrase(period: Any) -> str:
    """`the last 12 weeks (7 Sep to 29 Nov 2026)`; a custom period is just its dates."""
    dates = date_range(_get(period, "start"), _get(period, "end"))
    label = PERIOD_LABELS.get(_get(period, "name"))
    return f"{label} ({dates})" if label else dates


def signed(change: int | float | None) -> str:
    """`+2`, `\u22121` (a real minus sign, U+2212), `0`; empty when unknown."""
    if change is None:
        return ""
    if change > 0:
        return f"+{change:g}"
    if change < 0:
        return f"\u2212{abs(change):g}"
    return "0"


def one_decimal(value: float, *, sign: bool = False) -> str:
    """An average as shown anywhere (`3.3`; `+0.3` with `sign`): one decimal, half up.

    Python's own rounding is half to even on the float (3.25 -> 3.2 beside 2.75 ->
    2.8); a person rounds the digits written half up, so the figure is rounded from its
    shortest decimal form (2.675 -> 2.7, though the float is 2.67499...)."""
    from decimal import ROUND_HALF_UP, Decimal

    shown = Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    shown = shown.copy_abs() if shown.is_zero() else shown  # never "-0.0"
    return f"{shown:+}" if sign else f"{shown}"


def clause(text: str) -> str:
    """A sentence set before "; ..." in a longer one: without its own full stop, so
    "...calendar.; least" reads "...calendar; least" (an ellipsis, ? or ! is kept)."""
    text = text.rstrip()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def change_words(change: int | None) -> str:
    if change is None:
        return ""
    if change > 0:
        return f"up {plural(change, 'level')}"
    if change < 0:
        return f"down {plural(-change, 'level')}"
    return "steady"


def rhythm(summary: Any) -> str:
    """How regularly the user reflected, and what to make of it."""
    reflected, weeks = _get(summary, "weeks_reflected"), _get(summary, "weeks_in_period")
    sessions = _get(summary, "sessions_completed")
    if sessions == 0:
        return "No reflections in this period yet."
    if weeks == 1:
        opening = f"You reflected this week ({plural(sessions, 'session')})."
    else:
        opening = (
            f"You reflected in {reflected} of the {weeks} weeks ({plural(sessions, 'session')})."
        )
    streak, longest = _get(summary, "current_streak"), _get(summary, "longest_streak")
    if weeks > 1 and reflected == weeks:
        return f"{opening} Every single week: that rhythm is the practice."
    if streak >= 2:
        best = " your longest yet" if streak >= longest else f" (longest: {longest})"
        return f"{opening} You are on a {streak}-week streak,{best}."
    if streak == 1:
        return f"{opening} A fresh streak has started; next week makes it two."
    return f"{opening} Your streak has paused: one reflection this week starts it again."


def balance_words(balance: Any) -> str:
    """How the control-or-influence balance moved, 1 mostly control .. 5 mostly influence."""
    first, latest = _get(balance, "first"), _get(balance, "latest")
    change = _get(balance, "change")
    if latest is None:
        return ""
    series = _get(balance, "series")
    if len(series) == 1:
        return f"You placed your week at {latest} of 5 (1 is mostly control, 5 mostly influence)."
    if _trend(balance) == "up and down":
        values = [_get(p, "value") for p in series]
        average = one_decimal(_get(balance, "average"))
        return (
            f"Up and down, between {min(values)} and {max(values)} of 5, now {latest} "
            f"(average {average}). Notice what the weeks nearer influence had in common."
        )
    if change > 0:
        return (
            f"You moved towards influence, from {first} to {latest} of 5. "
            "Notice what made the difference, so you can do more of it."
        )
    if change < 0:
        return (
            f"You leaned back towards control, from {first} to {latest} of 5. That happens "
            "under pressure; it is worth asking what the recent weeks asked of you."
        )
    return (
        f"Steady at {latest} of 5 (average {one_decimal(_get(balance, 'average'))}). "
        "A small experiment in letting go could shift it."
    )


# The 2.0 weekly's levers (the `levers` role), as a sentence says them.
LEVER_WORDS = {
    "both": "both combined",
    "structural": "mostly structural",
    "relational": "mostly relational",
    "neither": "neither stood out",
}


def levers_words(balance: Any) -> str:
    """Which levers the weeks were led with, counted; "" without any (a plain-data
    part from before the levers were kept has none)."""
    points = balance.get("levers") if isinstance(balance, dict) else balance.levers
    values = [_get(p, "value") for p in points or ()]
    if not values:
        return ""
    counts = [f"{LEVER_WORDS[v]} {values.count(v)}" for v in LEVER_WORDS if v in values]
    return (
        f"The levers you led with, over {plural(len(values), 'week')}: {', '.join(counts)}. "
        "Structural and relational power both have their place: what matters is whether "
        "each fitted its moment."
    )


# The latest half year of weeks: what a sparkline draws (render.SPARK_POINTS) and the
# levers week by week say.
LATEST_WEEKS = 26
LEVER_WEEKS_SAID = LATEST_WEEKS


def levers_weeks(balance: Any) -> str:
    """The levers week by week: "2026-W46 mostly relational, 2026-W47 both combined";
    the latest half year of them, saying so, when there are more: a ten-year report's
    line of every week was most of the report, and nobody reads it."""
    found = balance.get("levers") if isinstance(balance, dict) else balance.levers
    points = list(found or ())
    said = ", ".join(
        f"{_get(p, 'week')} {LEVER_WORDS.get(_get(p, 'value'), _get(p, 'value'))}"
        for p in points[-LEVER_WEEKS_SAID:]
    )
    if len(points) <= LEVER_WEEKS_SAID:
        return said
    return f"{said} (the latest {LEVER_WEEKS_SAID} of {len(points)} weeks answered)"


def left_out(count: int) -> str:
    return f"{plural(count, 'private note')} left out."


def _trend(part: Any) -> str:
    """A series' trend word; a plain-data part from before trends were kept has none."""
    found = part.get("trend") if isinstance(part, dict) else getattr(part, "trend", "")
    return str(found or "")


def experiments_words(counts: Any) -> str:
    """`Of 8 experiments: 2 tried, 2 partly tried, 1 not tried, 1 dropped, ...`: each
    experiment counted once, so the parts add up to the total said."""
    found = {key: _get(counts, key) for key in OUTCOME_WORDS}
    total = sum(found.values())
    if total == 0:
        return "No experiment in this period yet."
    # In OUTCOME_WORDS' order: the first three always, the others when there are some.
    parts = [
        f"{found[k]} {word}" + (" (still open)" if k == "skipped" else "")
        for n, (k, word) in enumerate(OUTCOME_WORDS.items())
        if n < 3 or found[k]
    ]
    lead = f"Of {plural(total, 'experiment')}: " + ", ".join(parts) + "."
    answered = found["tried"] + found["partly"] + found["not_tried"] + found["dropped"]
    if answered == 0:
        return lead + " Your next reflection asks how it went."
    if found["tried"] + found["partly"] >= max(1, answered * 2 // 3):
        return lead + " You are turning intentions into practice."
    return lead + " Smaller experiments are easier to start: ten minutes is enough."
