"""Synthetic client bundles, shaped like `belonging report --share --format json`.

For the roll-up's tests and benchmark: realistic enough (ratings that drift,
weeks skipped, exercises due and overdue), deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from belonging_cli.clock import iso_week

BEHAVIOURS = (
    ("cultivate-belonging", "Cultivate belonging"),
    ("protect-time", "Protect time to reflect, experiment, engage and rest"),
    ("ambiguous-decisions", "Decide amid ambiguity across stakeholders"),
    ("credit-to-others", "Grow others without needing credit"),
    ("navigate-paradox", "Navigate paradox and tension"),
    ("prompt-insight", "Engage people so they learn and find insight"),
    ("meaningful-vision", "Share a meaningful vision, and adjust it"),
    ("energy-for-possibility", "Bring energy for what is possible"),
    ("focus-over-competition", "Keep focus on the vision, not the competition"),
    ("embrace-messiness", "Accept messiness as part of the process"),
)
LABELS = ("Not yet", "Occasional", "Intentional", "Consistent", "Multiplying")
EXERCISES = (
    ("first-month/ask-dont-tell", "Ask before you tell", "prompt-insight"),
    ("first-month/weekly-rhythm", "Protect one hour a week", "protect-time"),
    ("first-month/credit-round", "Give the credit away", "credit-to-others"),
)


def sample_bundle(
    name: str,
    seed: int,
    end: dt.date,
    weeks: int = 12,
    rubric_version: str = "1.0.0",
) -> dict[str, Any]:
    """One client's shared bundle for the `weeks` ISO weeks ending with `end`'s week."""
    rng = random.Random(seed)
    last_monday = end - dt.timedelta(days=end.weekday())
    mondays = [last_monday - dt.timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    quiet_tail = rng.choice((0, 0, 0, 1, 3))  # some clients stopped a while ago
    reflected = [m for m in mondays[: weeks - quiet_tail] if rng.random() < 0.85]
    levels = [rng.randint(1, 4) for _ in BEHAVIOURS]
    ratings = []
    for index, (behaviour_id, title) in enumerate(BEHAVIOURS):
        series: list[dict[str, Any]] = []
        values: list[int] = []
        level = levels[index]
        for monday in reflected:
            if rng.random() < 0.2:
                level = max(1, min(5, level + rng.choice((-1, 1, 1))))
            values.append(level)
            series.append(
                {"week": iso_week(monday), "level": level, "evidence": None, "private": False}
            )
        ratings.append(
            {
                "behaviour_id": behaviour_id,
                "number": index + 1,
                "title": title,
                "count": len(values),
                "first": values[0] if values else None,
                "latest": values[-1] if values else None,
                "change": values[-1] - values[0] if values else None,
                "average": round(sum(values) / len(values), 2) if values else None,
                "latest_label": LABELS[values[-1] - 1] if values else None,
                "latest_descriptor": None,
                "series": series,
            }
        )
    last = reflected[-1] + dt.timedelta(days=4) if reflected else None
    exercises = []
    for k, (ident, title, behaviour) in enumerate(EXERCISES):
        due = end + dt.timedelta(days=rng.randint(-20, 14) + k)
        state = rng.choice(("done", "due", "due", "dropped"))
        if state == "due" and due < end:
            state = "overdue"
        exercises.append(
            {
                "id": ident,
                "title": title,
                "behaviour_id": behaviour,
                "coach": "Sam Rivera",
                "due": due.isoformat(),
                "state": state,
                "times_done": 1 if state == "done" else 0,
                "completed_at": None,
            }
        )
    open_behaviour = BEHAVIOURS[rng.randrange(len(BEHAVIOURS))]
    return {
        "format": "belonging-report",
        "format_version": 1,
        "generated_at": f"{end.isoformat()}T17:00:00+00:00",
        "tool_version": "0.1.0",
        "person": {"name": name},
        "period": {
            "name": "quarter",
            "start": mondays[0].isoformat(),
            "end": (last_monday + dt.timedelta(days=6)).isoformat(),
            "first_week": iso_week(mondays[0]),
            "last_week": iso_week(last_monday),
            "weeks": weeks,
        },
        "rubric": {
            "id": "belonging-core",
            "version": rubric_version,
            "title": "Leadership of belonging",
        },
        "behaviour_filter": None,
        "summary": {
            "sessions_completed": len(reflected),
            "weeks_reflected": len(reflected),
            "weeks_in_period": weeks,
            "current_streak": 0,
            "longest_streak": 0,
            "last_reflection": last.isoformat() if last else None,
        },
        "ratings": ratings,
        "highlights": {
            "strongest": None,
            "growth_edge": None,
            "most_improved": None,
            "least_explored": None,
        },
        "focus_reflections": [],
        "experiments": {
            "counts": {"tried": 3, "partly": 1, "not_tried": 1, "open": 1, "dropped": 0},
            "items": [],
            "open": {
                "id": f"exp-{seed}",
                "week": iso_week(last_monday),
                "behaviour_id": open_behaviour[0],
                "behaviour_title": open_behaviour[1],
                "title": "Ask one more question before answering",
                "status": "open",
                "outcome": None,
                "happened": None,
                "learned": None,
                "private": False,
            },
        },
        "balance": {
            "series": [],
            "first": None,
            "latest": None,
            "change": None,
            "average": None,
            "notes": [],
        },
        "exercises": {"counts": {}, "items": exercises},
        "suggested_next_focus": None,
        "shared": True,
        "private_left_out": rng.randint(0, 4),
    }
