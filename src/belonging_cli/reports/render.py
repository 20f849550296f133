"""Turn a report into text: JSON directly, Markdown and HTML through Jinja templates.

Built-in templates live in `templates/` beside this module, compiled ahead of
time (builtin_templates.py). A user's own template (`--template FILE`,
user_template.py) runs in Jinja's sandbox, in a confined child process, with
StrictUndefined and sees only plain data: the JSON bundle as dicts and lists,
the charts as strings, and the filters below. jinja2 and markdown-it are imported here,
inside functions, so the JSON format never pays for them.
"""

from __future__ import annotations

import functools
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from belonging_cli.clock import week_monday
from belonging_cli.errors import BelongingError
from belonging_cli.reports import charts, words
from belonging_cli.reports.data import render_json
from belonging_cli.reports.escape import md_cell, md_inline, md_note, md_quote
from belonging_cli.reports.model import SHOWN, BehaviourTrend, Report

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("md", "html", "json")

SPARK_POINTS = words.LATEST_WEEKS  # a sparkline shows the latest half year of weeks rated
BALANCE_LABEL = "Control (1) or influence (5)"
AVERAGE_COLOUR = "#1f5f8b"
BALANCE_COLOUR = "#c0622b"


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS, from the built-in templates."""
    if fmt == "json":
        return render_json(report)
    if fmt not in FORMATS:
        raise BelongingError(f"unknown report format {fmt!r}", hint="use md, html or json")
    from belonging_cli.reports import builtin_templates

    html = fmt == "html"
    # The built-in templates read the model itself (no copy to dicts: a 10,000
    # session report stays fast and small); they are written to work on the
    # plain data too, so they are good starting points for a user's template.
    context = {"report": report, "charts": chart_texts(report, html=html), "limit": SHOWN}
    return builtin_templates.load(fmt).render(context)


def template_options(*, html: bool) -> dict[str, Any]:
    """Every template's Jinja options: a user's copy of a built-in one renders as it does."""
    from jinja2 import StrictUndefined

    return {
        "autoescape": html,
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }


def render_user_template(report: Report, path: Path) -> str:
    """A user's Jinja template, sandboxed and confined; any error names the template's line."""
    from belonging_cli.reports import user_template

    return user_template.render(report, path)


def chart_texts(report: Report, *, html: bool) -> dict[str, Any]:
    """Mermaid blocks (for Markdown) or inline SVG (for HTML), as strings."""
    rated = [r for r in report.ratings if r.series]
    average = charts.weekly_average([(p.week, p.level) for p in r.series] for r in rated)
    balance = [(p.week, float(p.value)) for p in report.balance.series]
    if not html:
        single = len(rated) == 1
        title = f"{rated[0].title}: rating by week" if single else "Average rating by week"
        balance_chart = charts.mermaid_xychart(BALANCE_LABEL, balance, "Balance")
        return {
            "ratings": charts.mermaid_xychart(title, average) if average else "",
            "balance": balance_chart if len(balance) > 1 else "",
        }
    from markupsafe import Markup

    period = report.period
    # The axis starts at the first week with anything to draw: a newcomer's two weeks
    # are two weeks wide, not two dots at the end of an empty quarter.
    drawn = [w for w, _ in average] + [w for w, _ in balance]
    first = max(min(drawn, default=period.first_week), period.first_week)
    weeks = charts.weeks_between(first, period.last_week)
    lines = [charts.Line("Average rating", average, AVERAGE_COLOUR)] if average else []
    if balance:
        lines.append(charts.Line(BALANCE_LABEL, balance, BALANCE_COLOUR, dashed=True))
    overview = charts.svg_chart(lines, weeks, title="Ratings and balance by week") if lines else ""
    if len(set(drawn)) == 1:
        when = words.day(week_monday(drawn[0]))
        overview = _one_week(
            f"one week so far ({when}): the chart starts with your second week"
            if all(_first_rated(r) for r in rated)
            else f"one week in this period ({when}): a longer one (--period month) draws "
            "the weeks before it"
        )
    behaviours = {r.behaviour_id: Markup(_behaviour_chart(r, weeks)) for r in rated}
    return {"overview": Markup(overview), "behaviours": behaviours}


def _behaviour_chart(trend: BehaviourTrend, weeks: list[str]) -> str:
    """A behaviour's small chart, or in words when it has one rating to show."""
    points = [(p.week, float(p.level)) for p in trend.series]
    if len(points) == 1:
        only = trend.series[0]
        when = words.day(week_monday(only.week))
        label = f", {trend.latest_label}" if trend.latest_label else ""
        if _first_rated(trend):
            return _one_week(f"one week so far: {only.level}{label} ({when})")
        before = f"; {trend.previous} the time before"
        return _one_week(f"rated once in this period: {only.level}{label} ({when}){before}")
    return charts.svg_chart(
        [charts.Line(trend.title, points, AVERAGE_COLOUR)],
        weeks,
        width=340,
        height=110,
        title=f"{trend.title}: rating by week",
        legend=False,
    )


def _first_rated(trend: BehaviourTrend) -> bool:
    """Whether the period holds the behaviour's first rating ever: a week's report for
    someone with months behind them is not their first week (the whole journal says)."""
    return trend.previous is None


def _one_week(text: str) -> str:
    from html import escape

    return f'<p class="one-point">{escape(text[0].upper() + text[1:])}.</p>'


def outcome_word(state: str | None) -> str:
    """An experiment's outcome as said (the `outcome` filter; the terminal view)."""
    return words.OUTCOME_WORDS.get(state or "", "not reviewed yet")


def _sparkline(series: Any, last: int = SPARK_POINTS) -> str:
    """`series | sparkline`: the latest `last` points as a strip (years of weeks are cut
    to them before their levels are read)."""
    latest = series[-last:] if isinstance(series, (list, tuple)) else list(series)[-last:]
    return charts.sparkline([_level(p) for p in latest])


def _level(point: Any) -> Any:
    """A level from a series point: plain data, a model record or a bare number."""
    if isinstance(point, dict):
        return point.get("level", point.get("value"))
    return getattr(point, "level", getattr(point, "value", point))


def _group_by(items: Any, key: str) -> dict[Any, list[Any]]:
    """`items | group_by("behaviour_id")`: a dict of lists, first-seen order kept.

    By a key of plain records or a field of the model's; never any other attribute
    (a name like `__class__` would hand a template Python's internals).
    """
    if not isinstance(key, str) or key.startswith("_"):
        raise ValueError(f"group_by takes the name of a field, not {key!r}")
    groups: dict[Any, list[Any]] = {}
    for item in items:
        if isinstance(item, dict):
            value = item.get(key)
        elif is_dataclass(item) and key in _field_names(type(item)):  # type: ignore[arg-type]
            value = getattr(item, key)
        else:
            raise ValueError(f"group_by groups records by a field; {key!r} is not one")
        groups.setdefault(value, []).append(item)
    return groups


@functools.cache
def _field_names(kind: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(kind))


def equip(env: Environment, *, html: bool) -> None:
    """The filters and helpers templates may use (plain functions of plain data)."""
    env.filters.update(
        md=md_inline,
        cell=md_cell,
        md_quote=md_quote,
        md_note=md_note,
        sparkline=_sparkline,
        group_by=_group_by,
        signed=words.signed,
        one_decimal=words.one_decimal,
        clause=words.clause,
        change_words=words.change_words,
        day=words.day,
        plural=words.plural,
        outcome=outcome_word,
        state=lambda s: words.STATE_WORDS.get(s, s),
    )
    env.globals.update(
        rhythm=words.rhythm,
        balance_words=words.balance_words,
        levers_words=words.levers_words,
        levers_weeks=words.levers_weeks,
        period_label=words.period_label,
        period_phrase=words.period_phrase,
        date_range=words.date_range,
        left_out=words.left_out,
        experiments_words=words.experiments_words,
    )
    if html:
        from markupsafe import Markup

        from belonging_cli.reports.html_text import markdown_html

        env.filters["markdown"] = lambda text: Markup(markdown_html(str(text)))
