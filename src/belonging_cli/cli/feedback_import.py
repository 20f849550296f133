"""`belonging feedback import AGGREGATE`: the leader stores a round of others' view.

Its own module (the `feedback` group in cli/feedback.py adds it with one line):
the file is checked as hostile (feedback/aggregate_file.py), then stored as one
round in one transaction; the same aggregate again is a no-op that says so.
"""

from __future__ import annotations

from pathlib import Path

import click

from belonging_cli.cli.options import pass_settings
from belonging_cli.cli.output import info
from belonging_cli.settings import Settings


@click.command("import")
@click.argument("aggregate_file", type=click.Path(path_type=Path), metavar="AGGREGATE")
@pass_settings
def import_round(settings: Settings, aggregate_file: Path) -> None:
    """Store a round of feedback from others (the aggregate your collector sent).

    AGGREGATE is the aggregate.json that `belonging feedback collect` wrote.
    """
    from belonging_cli.feedback.aggregate_file import read_aggregate
    from belonging_cli.feedback.round import from_aggregate
    from belonging_cli.journal.store import open_journal

    round = from_aggregate(read_aggregate(aggregate_file), settings.now())
    with open_journal(settings.journal_path) as journal:
        added = journal.add_feedback_round(round)
    groups = ", ".join(f"{n} {group}" for group, n in round.groups) or "no group shown"
    said = f"the round collected on {round.collected_on.isoformat()}"
    if not added:
        info(f"{said} is already in your journal: nothing changed")
        return
    info(f"imported {said}: {round.raters_total} raters ({groups})")
    info("see yourself beside others with `belonging report`")
