"""A complete answers file for the built-in weekly flow, to vary one answer at a time.

from support.weekly_answers import weekly_answers, write_answers

path = write_answers(tmp_path, weekly_answers(**{"next-experiment": "Tell Sam #private"}))
cli("reflect", "--answers", str(path))
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from belonging_cli.content.rubrics import load_rubric
from support import places

BEHAVIOURS = tuple(b.id for b in load_rubric(places.REPO / "rubrics").behaviours)
# The lenses of the week take turns (`turn: lens`), in the flow's order: a first
# weekly reflection asks `control`, the second `influence`, and so on.
LENSES = ("control", "influence", "environment", "people")
LENS_NOTES = {
    "control": "Set the deadline myself",
    "influence": "Asked why it mattered",
    "environment": "Moved the stand-up to the afternoon",
    "people": "Ana felt heard; Sam I am less sure about",
}


def weekly_answers(lens: str = "control", /, **changed: Any) -> dict[str, Any]:
    """The weekly flow answered in full (no open experiment to review), with `changed`
    applied; `lens`: the lens this sitting asks (the first week's: control)."""
    answers: dict[str, Any] = {
        "wellbeing": "steady",
        "win": "The plan went out on time",
        **{f"pulse.{b}": 3 for b in BEHAVIOURS},
        "focus": "protect-time",
        "reflect.1": "I cut my thinking hour",
        "levers": "both",
        lens: LENS_NOTES[lens],
        "next-experiment": "Block one hour to think",
    }
    answers.update(changed)
    return {"flow": "weekly", "answers": answers}


def write_answers(folder: Path, data: dict[str, Any], name: str = "answers.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path
