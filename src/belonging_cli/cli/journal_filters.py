"""`journal list`'s filters that need more than a day: `--behaviour` read in the rubric
in use, `--limit` a count of sessions. Light: `journal list` imports it on every run."""

from __future__ import annotations

import click

from belonging_cli.errors import BelongingError
from belonging_cli.limits import MAX_INT
from belonging_cli.settings import Settings

TYPE_CHECKING = False  # as typing's
if TYPE_CHECKING:
    from belonging_cli.journal.store import Journal


def _count(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    """A count of sessions: 1 or more (and one SQLite can hold)."""
    if value is not None and not 1 <= value <= MAX_INT:
        raise click.BadParameter(
            f"{value} is not a number of sessions (allowed: 1 to {MAX_INT})"  # SQLite's most
        )
    return value


behaviour_option = click.option(
    "--behaviour", help="Sessions focused on (or answering about) this behaviour: id or number."
)

limit_option = click.option(
    "--limit",
    # A plain int checked by a callback: click's IntRange prints its range in the help,
    # `INTEGER RANGE [1<=x<=9223372036854775807]`; only a mistake says the range.
    type=int,
    callback=_count,
    metavar="N",
    help="Show at most N sessions (the newest).",
)


def behaviour_id(settings: Settings, ref: str, opened: Journal) -> str:
    """A behaviour's id from its id or number in the rubric in use. One it lacks is
    `rubric show`'s error (exit 1), unless sessions in the journal name it (an older
    rubric's id); a rubric that cannot be read: the filter as typed."""
    from belonging_cli.reports.rubric_facts import rubric_facts, unknown_behaviour

    try:
        facts = rubric_facts(settings.rubrics)  # cached, else validated once and kept
    except BelongingError:
        return ref
    found = facts.find(ref)
    if found is not None:
        return found.id
    if opened.summaries(behaviour=ref, status=None, limit=1):
        return ref
    raise unknown_behaviour(ref, settings.rubrics)
