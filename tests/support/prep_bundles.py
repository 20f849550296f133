"""A typical month of one client, as a shared bundle, for the session prep sheet's tests:
the synthetic sample (coaching/samples.py) with the words a client shares filled in
(rating evidence, what an experiment taught, exercise answers, the prep flow's answers)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from belonging_cli.clock import iso_week
from belonging_cli.coaching.samples import sample_bundle

WANT = "Help me say no to the board's extra review"
EVIDENCE = "I waited and Priya answered her own question"
LEARNED = "People answer each other when I hold back"
EXERCISE_ANSWER = "They found the answer themselves"


def typical_month(name: str, today: dt.date) -> dict[str, Any]:
    data = sample_bundle(name, 1, today)
    data["shared"] = True
    for rating in data["ratings"]:
        series = rating["series"]
        if series:
            series[-1]["evidence"] = EVIDENCE
    week = iso_week(today - dt.timedelta(days=7))
    data["experiments"]["items"] = [
        {
            "week": week,
            "behaviour_id": "prompt-insight",
            "behaviour_title": "Engage people so they learn and find insight",
            "title": "Wait out the silence",
            "status": "done",
            "private": False,
            "outcome": "tried",
            "learned": LEARNED,
            "state": "tried",
        }
    ]
    for item in data["exercises"]["items"]:
        item["answers"] = (
            [{"week": week, "question": "What happened?", "answer": EXERCISE_ANSWER}]
            if item["state"] == "done"
            else []
        )
    data["prep"] = [
        {
            "week": iso_week(today),
            "date": today.isoformat(),
            "question": "What do I want from our next session?",
            "text": WANT,
        }
    ]
    return data


def write_bundle(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
