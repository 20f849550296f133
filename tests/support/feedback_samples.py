"""A sample feedback aggregate, exactly as `belonging feedback collect` writes it
(docs/feedback.md): five raters in three groups, three direct reports, one peer and
one manager. The peer and the manager are merged into "others", still fewer than
three, so they are left out (none of their answers is in the aggregate): three
raters, all direct reports. For tests of `feedback import` and the report's
self-beside-others view.
"""

from __future__ import annotations

from typing import Any

BEHAVIOURS = (
    "cultivate-belonging",
    "protect-time",
    "ambiguous-decisions",
    "credit-to-others",
    "navigate-paradox",
    "prompt-insight",
    "meaningful-vision",
    "energy-for-possibility",
    "focus-over-competition",
    "embrace-messiness",
)


def five_raters_three_groups(
    *,
    leader: str = "Alex Rivera",
    requested_on: str = "2026-11-02",
    collected_on: str = "2026-11-20",
) -> dict[str, Any]:
    """The aggregate of a round of five raters (3 direct reports, 1 peer, 1 manager)."""
    return {
        "format": "belonging-feedback",
        "version": 1,
        "leader": leader,
        "rubric": {"id": "belonging-core", "version": "2.0.0"},
        "requested_on": requested_on,
        "collected_on": collected_on,
        "raters": {"total": 3, "groups": {"direct-report": 3}},
        "behaviours": [
            {
                "id": "cultivate-belonging",
                "level": {
                    "mean": 2.33,
                    "min": 2,
                    "max": 3,
                    "n": 3,
                    "by_group": {"direct-report": {"mean": 2.33, "n": 3}},
                },
                "look_fors": [
                    {
                        "text": "Quieter or newer people speak in meetings without being "
                        "called on.",
                        "mean": 1.67,
                        "n": 3,
                    },
                    {
                        "text": "People bring you bad news early, while there is still time "
                        "to act on it.",
                        "mean": 2.67,
                        "n": 3,
                    },
                ],
            },
            {
                "id": "protect-time",
                "level": {
                    "mean": 4.0,
                    "min": 3,
                    "max": 5,
                    "n": 3,
                    "by_group": {"direct-report": {"mean": 4.0, "n": 3}},
                },
                "look_fors": [
                    {
                        "text": "Protected blocks in your calendar are still there, and were used "
                        "as intended, at the end of the week.",
                        "mean": 3.33,
                        "n": 3,
                    }
                ],
            },
            # Two raters said "can't say": no level, and no look-for with fewer than three.
            {"id": "navigate-paradox", "level": None, "look_fors": []},
        ],
        "comments": {
            "keep": [
                "The opening round in our Monday meeting.",
                "Asking 'what would make this easier?' in one-to-ones.",
            ],
            "change": [
                "Less jumping in with the answer when we are stuck.",
                "More time on why a decision went the way it did.",
            ],
        },
    }
