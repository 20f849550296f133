"""A roll-up of thousands of clients does each piece of work once where the clients
share it (issue 19: `coach summary` of 2,000 bundles within twice the time of only
reading them): a behaviour's path through the window's few weeks is worked out once
however many clients take it, and the roll-up is written in large pieces, not in the
template's hundreds of small ones a client. What it shows is unchanged
(test_rollup_speed_outputs.py holds it byte for byte)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

import pytest

from belonging_cli.coaching import client_view, render
from belonging_cli.coaching.bundle import Bundle, parse_bundle
from belonging_cli.coaching.rollup import Rollup, build_rollup
from belonging_cli.coaching.samples import sample_bundle
from belonging_cli.reports.sections.timeline import Stretch, story

END = dt.date(2026, 11, 27)
CLIENTS = 60


def same_paths(count: int) -> list[tuple[str, Bundle]]:
    """`count` clients whose ratings are the same (one seed), under their own names."""
    return [
        (name, parse_bundle(json.dumps(sample_bundle(name, 7, END, weeks=26)).encode(), name))
        for name in (f"client-{n}.json" for n in range(count))
    ]


def test_a_path_shared_by_many_clients_is_told_once(monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[int] = []
    real: Callable[[Sequence[Stretch]], str] = story

    def counted(found: Sequence[Stretch]) -> str:
        told.append(len(found))
        return real(found)

    monkeypatch.setattr(client_view, "story", counted)
    rollup = build_rollup(same_paths(CLIENTS), END)
    lines = {c.timeline for c in rollup.clients}
    assert len(lines) == 1  # every client's timeline is the same
    behaviours = len(rollup.clients[0].timeline)
    assert behaviours >= 5
    # Without: one story for each behaviour of each client (600).
    assert len(told) <= behaviours


def test_a_long_window_is_told_as_a_short_one_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The paths worked out once are the ones worked out each time: a window too long
    to keep its paths shows what the kept paths show."""
    pairs = same_paths(3)
    kept = build_rollup(pairs, END)
    monkeypatch.setattr(client_view, "KEPT_WEEKS", 0)
    assert build_rollup(pairs, END).clients == kept.clients


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_roll_up_is_written_in_large_pieces(fmt: str) -> None:
    rollup: Rollup = build_rollup(same_paths(CLIENTS), END)
    pieces = list(render.chunks(rollup, fmt))
    assert "".join(pieces) == render.render(rollup, fmt)
    # Without: the template's every piece (~280 a client, 16,000 here).
    assert len(pieces) <= CLIENTS
