"""`belonging feedback`: a round of 360 feedback from plain files (docs/feedback.md).

`request` and `collect` (the form and the collector's anonymous aggregate) and
`import` (the leader stores the aggregate as a round: cli/feedback_import.py).
"""

from __future__ import annotations

import click

from belonging_cli.cli.feedback_import import import_round
from belonging_cli.cli.options import InOrder


@click.group(
    "feedback",
    cls=InOrder,
    no_args_is_help=True,
    help="Others' view: ask for feedback, collect it anonymously, import the round.",
)
def feedback() -> None:
    pass


feedback.add_command(import_round)
