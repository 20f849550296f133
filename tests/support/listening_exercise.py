"""A coach's exercise as a journal keeps it (an `Assignment`), for export and import tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from belonging_cli.records import Assignment


def listening_exercise(imported_at: dt.datetime, **changes: Any) -> Assignment:
    """The pack's "Listen first" exercise, imported at `imported_at`, with `changes`."""
    return Assignment(
        "coach-pack/listening",
        "coach-pack",
        "2",
        "listening",
        "prompt-insight",
        "Listen first",
        "Ask three questions\nbefore giving advice.",
        imported_at,
        **{
            "questions_json": '[{"id": "q1", "kind": "text", "question": "What did you hear?"}]',
            **changes,
        },
    )
