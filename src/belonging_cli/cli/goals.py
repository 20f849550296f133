"""`belonging goals`: one to three development goals, listed, added, closed and reviewed.

The rules are goals.py's (pure); the journal keeps them (journal/goals_store.py).
Behaviour titles come from the rubric's facts, cached by file times; the journal
store and the terminal's questions are imported inside the commands, so
`goals --help` costs only the options.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from belonging_cli.cli.options import InOrder, json_option, pass_settings, rubrics_option
from belonging_cli.errors import BelongingError, UsageProblem
from belonging_cli.settings import Settings

if TYPE_CHECKING:
    import datetime as dt

    from belonging_cli.content.packs import Pack
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.engine.session import Engine
    from belonging_cli.goals import GoalProgress
    from belonging_cli.journal.store import Journal
    from belonging_cli.records import Goal, GoalStatus, Session
    from belonging_cli.reports.rubric_facts import RubricFacts


@click.group(
    "goals",
    cls=InOrder,
    invoke_without_command=True,
    help="Your development goals (one to three): list, add, close, review.\n\n"
    "Without a command: the goals, open ones first.",
)
@json_option
@click.pass_context
def goals(ctx: click.Context, as_json: bool) -> None:
    settings = ctx.find_object(Settings)
    if ctx.invoked_subcommand is None and settings is not None:
        _list(settings, as_json, closed=True)


@goals.command("list", help="Every goal with its id, open ones first.")
@json_option
@pass_settings
def list_goals(settings: Settings, as_json: bool) -> None:
    _list(settings, as_json, closed=True)


@goals.command("add")
@click.argument("behaviour", required=False)
@click.option("--target", type=int, help="The level to reach, 1 to 5.")
@click.option("--by", "by", metavar="DATE", help="The day to reach it by: YYYY-MM-DD, or 12w.")
@click.option("--success", metavar="TEXT", help="What success looks like, in your words.")
@rubrics_option
@pass_settings
def add(
    settings: Settings,
    rubrics: Path | None,
    behaviour: str | None,
    target: int | None,
    by: str | None,
    success: str | None,
) -> None:
    """Add a goal: BEHAVIOUR (its id or number) --target N --by DATE --success TEXT.

    At a terminal, what is left out is asked. At most three goals are open at once.
    """
    from belonging_cli import goals as rules

    settings = settings.with_folders(rubrics=rubrics)
    facts = _facts(settings)
    today = settings.now().date()
    given = {"behaviour": behaviour, "--target": target, "--by": by, "--success": success}
    missing = [name for name, value in given.items() if value is None]
    if missing:
        from belonging_cli.ask import terminal_available

        if not terminal_available():
            raise UsageProblem(
                "say " + ", ".join(missing) + " (or run `belonging goals add` at a terminal "
                "to be asked)"
            )
        behaviour, target, by, success = _ask(facts, today, behaviour, target, by, success)
    assert behaviour is not None and target is not None and by is not None
    assert success is not None
    found = _behaviour(facts, behaviour)
    try:
        goal = rules.new_goal(found.id, target, rules.parse_due(by, today), success, settings.now())
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    with _journal(settings) as journal:
        journal.add_goal(goal, found.title)
    click.echo(f"Goal {rules.short_id(goal)} added: {_summary(goal, found.title, today)}")


@goals.command("close")
@click.argument("goal_id", metavar="ID")
@click.option("--achieved", "ending", flag_value="achieved", help="You reached it.")
@click.option("--dropped", "ending", flag_value="dropped", help="You let it go.")
@rubrics_option
@pass_settings
def close(
    settings: Settings, rubrics: Path | None, goal_id: str, ending: GoalStatus | None
) -> None:
    """Close goal ID (or the start of it) as --achieved or --dropped."""
    settings = settings.with_folders(rubrics=rubrics)
    if ending is None:
        raise UsageProblem("say how it ended: --achieved or --dropped")
    with _journal(settings) as journal:
        goal = journal.close_goal(goal_id, ending, settings.now())
    title = _titles(settings).get(goal.behaviour_id, goal.behaviour_id)
    click.echo(f"Goal {goal.id[:8]} ({title}) closed: {ending}")


@goals.command("review")
@click.option("--all", "closed", is_flag=True, help="Closed goals too.")
@json_option
@rubrics_option
@pass_settings
def review(settings: Settings, rubrics: Path | None, closed: bool, as_json: bool) -> None:
    """Each goal: where you were when you set it, where you are now, the trend, the date."""
    from belonging_cli.goals import day_words, standing

    settings = settings.with_folders(rubrics=rubrics)
    today = settings.now().date()
    for n, p in enumerate(_to_show(settings, as_json, closed=closed)):
        left = (p.due - today).days
        when = f"{left // 7} weeks left" if left >= 7 else f"{max(left, 0)} days left"
        head = f"{p.id[:8]}  {p.title}: {p.target} by {day_words(p.due, today)}"
        click.echo(("\n" if n else "") + head + (f" ({when})" if p.status == "open" else ""))
        click.echo(f"  Success: {p.success}")
        start = f"at {p.start}" if p.start is not None else "before any rating"
        click.echo(f"  Set {day_words(p.set_on, today)} {start}; {standing(p)}")
        if p.status != "open" and p.closed_on is not None:
            click.echo(f"  Closed {day_words(p.closed_on, today)}: {p.status}")
        if p.by_coach:
            click.echo(f"  From your coach{f' {p.coach}' if p.coach else ''}'s pack")


_NONE = (
    "No goals yet: add one with `belonging goals add BEHAVIOUR --target N --by DATE --success TEXT`"
)


def progress_of(settings: Settings, *, closed: bool = False) -> list[GoalProgress]:
    """Progress against each goal (open ones, or every one), open ones first."""
    from belonging_cli.goals import progress

    with _journal(settings) as journal:
        found = [g for g in journal.goals() if closed or g.status == "open"]
        series = journal.goal_ratings(g.behaviour_id for g in found)
    titles = _titles(settings)
    zone = settings.zone()
    found.sort(key=lambda g: g.status != "open")
    return [
        progress(g, titles.get(g.behaviour_id, g.behaviour_id), series[g.behaviour_id], zone)
        for g in found
    ]


def goal_lines(settings: Settings, journal: Journal, engine: Engine, session: Session) -> list[str]:
    """The recap's line for each open goal whose behaviour the session rated, where the
    person stands now (`Goal: Protect time 2 -> 4 by 1 Mar: now 3, rising`)."""
    from belonging_cli.goals import line, progress

    rated = {r.behaviour_id for r in session.ratings}
    found = [g for g in journal.goals() if g.status == "open" and g.behaviour_id in rated]
    if not found:
        return []
    series = journal.goal_ratings(g.behaviour_id for g in found)
    today = settings.now().date()
    lines = []
    for goal in found:
        behaviour = engine.rubric.find(goal.behaviour_id)
        title = behaviour.title if behaviour else goal.behaviour_id
        lines.append(line(progress(goal, title, series[goal.behaviour_id], settings.zone()), today))
    return lines


def import_pack_goals(settings: Settings, journal: Journal, pack: Pack, rubric: Rubric) -> None:
    """A pack's goals into the journal as the coach's, each outcome one line on stderr."""
    from belonging_cli import goals as rules
    from belonging_cli.cli.output import info

    def title(behaviour_id: str) -> str:
        found = rubric.find(behaviour_id)
        return found.title if found else behaviour_id

    now = settings.now()
    ahead = []
    for g in pack.goals:
        if g.by <= now.date():
            info(f"  goal not added: {title(g.behaviour)} by {g.by.isoformat()} is already past")
            continue
        coach = pack.coach.name
        ahead.append(
            rules.new_goal(
                g.behaviour, g.target, g.by, g.success, now, pack_id=pack.id, coach=coach
            )
        )
    saved = journal.save_pack_goals(ahead, title)
    today = now.date()
    for said, found in (("new goal", saved.added), ("goal updated", saved.updated)):
        for goal in found:
            shown = _summary(goal, title(goal.behaviour_id), today)
            info(f"  {said}: {rules.short_id(goal)}  {shown}")
    for goal, why in saved.refused:
        info(f"  goal not added: {title(goal.behaviour_id)}: {why}")


def _list(settings: Settings, as_json: bool, *, closed: bool) -> None:
    from belonging_cli.goals import line

    today = settings.now().date()
    for p in _to_show(settings, as_json, closed=closed):
        state = "" if p.status == "open" else f" [{p.status}]"
        click.echo(f"{p.id[:8]}  {line(p, today).removeprefix('Goal: ')}{state}")


def _to_show(settings: Settings, as_json: bool, *, closed: bool) -> list[GoalProgress]:
    """The goals to print as text; none when they went out as JSON or there are none."""
    found = progress_of(settings, closed=closed)
    if as_json:
        from belonging_cli.cli.output import print_json
        from belonging_cli.reports.data import plain

        print_json([plain(p) for p in found])
        return []
    if not found:
        click.echo(_NONE)
    return found


def _summary(goal: Goal, title: str, today: dt.date) -> str:
    from belonging_cli.goals import day_words

    return f"{title} to {goal.target} by {day_words(goal.due, today)}"


def _journal(settings: Settings) -> Any:
    from belonging_cli.journal.store import open_journal

    return open_journal(settings.journal_path)


def _facts(settings: Settings) -> RubricFacts:
    from belonging_cli.reports.rubric_facts import rubric_facts

    return rubric_facts(settings.rubrics)


def _titles(settings: Settings) -> dict[str, str]:
    return {b.id: b.title for b in _facts(settings).behaviours}


def _behaviour(facts: RubricFacts, ref: str) -> Any:
    found = facts.find(ref)
    if found is None:
        example = facts.behaviours[0].id if facts.behaviours else "protect-time"
        raise BelongingError(
            f"no behaviour {ref!r} in the rubric: use its id or number, like {example} "
            "(belonging rubric list shows them)"
        )
    return found


def _ask(
    facts: RubricFacts,
    today: dt.date,
    behaviour: str | None,
    target: int | None,
    by: str | None,
    success: str | None,
) -> tuple[str, int, str, str]:
    """What `goals add` was not given, asked at the terminal (each answer checked)."""
    from belonging_cli import goals as rules
    from belonging_cli.ask import ask, say
    from belonging_cli.engine.questions import Choice, Question

    if behaviour is None:
        choices = tuple(Choice(b.id, f"{b.number}. {b.title}") for b in facts.behaviours)
        asked = Question("behaviour", "select", "Which behaviour?", "select", choices=choices)
        value, _ = ask(asked)
        behaviour = str(value)
    if target is None:
        levels = tuple(Choice(n, f"{n}") for n in rules.TARGETS)
        asked = Question("target", "select", "The level to reach?", "select", choices=levels)
        value, _ = ask(asked)
        target = int(str(value))
    while by is None:
        value, _ = ask(Question("by", "text", "By when? (YYYY-MM-DD, or 12w)", "text"))
        try:
            rules.parse_due(str(value), today)
            by = str(value)
        except ValueError as exc:
            say(str(exc))
    while success is None:
        value, _ = ask(Question("success", "text", "What does success look like?", "text"))
        try:
            success = rules.check_success(str(value))
        except ValueError as exc:
            say(str(exc))
    return behaviour, target, by, success
