"""A journal with known answers, built through the real CLI, whose figures are counted by hand.

from support.known_journal import build_known_journal

known = build_known_journal(tmp_path / "known")   # a BELONGING_HOME folder
cli("--home", str(known.home), "report", "--format", "json")

Eight weekly reflections, one a week, the last one today (W1 .. W8 below are the
ISO weeks in `known.weeks`, W8 this week; `known.dates` their days). Each is a
`belonging reflect --answers FILE` with `date:`: W1 .. W4 with the weekly flow as
rubric 1.x shipped it (tests/support/weekly_1x: the balance scale, the tip, tags,
three reflections), W5 .. W8 with the 2.0 weekly (wellbeing, a win, the levers, one
lens in turn, one reflection), as a journal kept across the upgrade holds them.
Then the journal is exported with
`journal export`, one experiment in the export is marked dropped (as an export from
elsewhere can be: no flow drops one) and the whole is imported with `journal import`
into `known.home`, the folder the tests read.

The hand count (what a person counts looking at the answers below):

Ratings, W1 .. W8 (None: "not seen this week"):
    cultivate-belonging     1 2 2 3 3 3 3 1   up and down (relapse: 3 in W4-W7, 1 in W8)
    protect-time            1 4 1 4 1 4 1 4   up and down (never steady, though first 1 -> last 4)
    ambiguous-decisions     3 3 3 3 3 3 3 3   steady
    credit-to-others        1 1 2 2 3 3 3 4   rising
    navigate-paradox        4 4 4 3 3 3 2 2   falling
    prompt-insight          2 2 2 2 2 2 2 2   steady
    meaningful-vision       2 2 2 3 3 3 3 4   rising
    energy-for-possibility  3 3 3 3 3 3 3 3   steady
    focus-over-competition  4 4 4 4 4 4 4 4   steady
    embrace-messiness       - - - - - - - 2   one week so far
  Over the whole journal (first -> latest, change): cultivate 1 -> 1 (0), protect 1 -> 4 (+3),
  credit 1 -> 4 (+3), paradox 4 -> 2 (-2), vision 2 -> 4 (+2), messiness 2 (one rating), the
  rest 0.
  This week (W8) against the reflection before it (W7), four ratings moved:
    cultivate-belonging 3 -> 1, protect-time 1 -> 4, credit-to-others 3 -> 4,
    meaningful-vision 3 -> 4 (embrace-messiness is rated for the first time: not a move).

Balance (1 mostly control .. 5 mostly influence), W1 .. W4 (the 1.x weekly): 3 2 3 2.
  The tip ("what would influence have looked like") is asked when it is 2: W2, W4.
Levers (the 2.0 weekly), W5 .. W8: relational, both, structural, both.
  The lens of the week in turn: W5 environment, W6 people (never asked before), W7
  control, W8 influence (both last asked in W4: the flow's order).
Wins (the 2.0 weekly's "what went well"), W5 .. W8, private but W6's (#share).

Experiments: one set each week (E1 in W1 .. E8 in W8), each for the following week and
reviewed in the reflection of that week:
    E1  tried              (reviewed W2)
    E2  partly             (reviewed W3)
    E3  not tried          (reviewed W4: "No, not this time")
    E4  tried              (skipped in W5, tried in W6)
    E5  partly             (reviewed W6)
    E6  dropped            (skipped in W7 and W8; marked dropped in the export)
    E7  skipped            (its review in W8 skipped: still open)
    E8  open               (set in W8 for next week)
  A report counts the experiments for weeks in its period: over the last 12 weeks (W1 ..
  W8) E1 .. E7, 7 experiments: 2 tried, 2 partly, 1 not tried, 1 dropped, 1 skipped,
  0 open (`outcomes`); E8, for next week, is the one "open now" (`open_now`). Over
  `--period week`: E7 alone, skipped.
  Reviews answered: 5 (E1 .. E5); reviews skipped: 4 (E4 in W5, E6 in W7 and W8, E7 in W8).

Tags (the 1.x weekly's; the 2.0 weekly asks none): planning 3 (W1 W2 W4), team 2
(W3 W4), 1-1s 1 (W2).

People named in what was written: Jonas in 5 answers (reflect.1 of W1 W2 W3 W6 W8; those
of W1 and W6 shared), Priya in 4 (reflect.1 of W2 W4 W7, private; the tip of W4, shared);
`people_shared` counts only the answers left shared.

Takeaways (W5 none): see `takeaways` (week, text, private).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from belonging_cli import settings
from belonging_cli.clock import iso_week
from belonging_cli.main import main

WEEKS = 8
RATINGS: dict[str, tuple[int | None, ...]] = {
    "cultivate-belonging": (1, 2, 2, 3, 3, 3, 3, 1),
    "protect-time": (1, 4, 1, 4, 1, 4, 1, 4),
    "ambiguous-decisions": (3, 3, 3, 3, 3, 3, 3, 3),
    "credit-to-others": (1, 1, 2, 2, 3, 3, 3, 4),
    "navigate-paradox": (4, 4, 4, 3, 3, 3, 2, 2),
    "prompt-insight": (2, 2, 2, 2, 2, 2, 2, 2),
    "meaningful-vision": (2, 2, 2, 3, 3, 3, 3, 4),
    "energy-for-possibility": (3, 3, 3, 3, 3, 3, 3, 3),
    "focus-over-competition": (4, 4, 4, 4, 4, 4, 4, 4),
    "embrace-messiness": (None, None, None, None, None, None, None, 2),
}
TRENDS = {
    "cultivate-belonging": "up and down",
    "protect-time": "up and down",
    "ambiguous-decisions": "steady",
    "credit-to-others": "rising",
    "navigate-paradox": "falling",
    "prompt-insight": "steady",
    "meaningful-vision": "rising",
    "energy-for-possibility": "steady",
    "focus-over-competition": "steady",
    "embrace-messiness": "one week so far",
}
OLD_WEEKS = 4  # W1 .. W4: the 1.x weekly; W5 .. W8: the 2.0 weekly
WEEKLY_1X = Path(__file__).parent / "weekly_1x"
BALANCE = (3, 2, 3, 2)  # W1 .. W4
LEVERS = ("relational", "both", "structural", "both")  # W5 .. W8
LENSES = ("environment", "people", "control", "influence")  # W5 .. W8, in turn
LENS_NOTES = {
    "environment": "Moved the stand-up to the afternoon",
    "people": "Two of the three felt heard, I think",
    "control": "Set the deadline myself",
    "influence": "Asked why it mattered",
}
# W5 .. W8: what went well (private by default, like every text a person writes).
WINS = (
    "The launch went out calmly",
    "Friday morning stayed free #share",
    "A hard call went better than I feared",
    "The retro ran without me",
)
FOCUS = (
    "cultivate-belonging",
    "protect-time",
    "cultivate-belonging",
    "credit-to-others",
    "protect-time",
    "cultivate-belonging",
    "navigate-paradox",
    "protect-time",
)
TAGS: tuple[tuple[str, ...], ...] = (  # W1 .. W4
    ("planning",),
    ("planning", "1-1s"),
    ("team",),
    ("planning", "team"),
)
# The experiment set each week (W1 .. W8), in the person's own words.
EXPERIMENTS = (
    "Ask the quietest person to open the retro",
    "Block Friday mornings to think",
    "Let the quietest person speak first",
    "Hand the release plan over",
    "Say why before what in the kickoff",
    "Publish a not-chasing list",
    "Thank whoever brings bad news",
    "Ask what would make it easier",
)
# Each week's review: (prefix, outcome, happened, learned); "skip" leaves it open.
REVIEWS: tuple[tuple[tuple[str, str, str | None, str | None], ...], ...] = (
    (),
    (("review", "tried", "They ran it and people spoke up", "Go first less often"),),
    (("review", "partly", "Two of the three mornings held", "Book them on Monday"),),
    (("review", "not_tried", "A launch ate the week", "Pick a calmer week"),),
    (("review", "skip", None, None),),
    (
        ("review", "tried", "The plan came out better than mine", "Hand over earlier"),
        ("review.2", "partly", "Said why once, forgot it later", "Write the why down"),
    ),
    (("review", "skip", None, None),),
    (("review", "skip", None, None), ("review.2", "skip", None, None)),
)
DROPPED = 5  # E6: marked dropped in the export (index into EXPERIMENTS)
# Reflection texts (reflect.1 .. 3 in the 1.x weekly, reflect.1 in 2.0): private by
# default; `#share` leaves one shared.
REFLECTIONS: tuple[tuple[str, ...], ...] = (
    ("Jonas waited until the end to speak #share", "I spoke first again", "Planning ran long"),
    ("Jonas and Priya disagreed and I let it run", "Friday was free", "Reading"),
    ("Jonas stayed quiet in the review", "I asked one question", "Team day #share"),
    ("Priya took the release plan", "I held back", "Fewer status checks"),
    ("A calm week",),
    ("Jonas brought a bad number early #share",),
    ("Priya pushed back on the date",),
    ("I cut Jonas off in the retro",),
)
# Balance 2 asks the tip: what influence would have looked like (private by default).
TIPS = {
    1: "Ask the team which problem to solve first",
    3: "Let Priya set the date #share",
}
TAKEAWAYS: dict[int, tuple[str, bool]] = {
    0: ("Speaking last opens the room", False),
    1: ("Protected time needs a calendar block", False),
    2: ("Silence is not agreement", False),
    3: ("Handing over takes trust I can give", True),
    5: ("Bad news early is a gift", False),
    6: ("Under pressure I decide alone", False),
    7: ("Relapse: I slipped back under pressure", False),
}
# A note on a moved rating, agreeing with its direction: (week index, behaviour) -> text.
EVIDENCE = {
    (7, "cultivate-belonging"): "Under pressure I cut people off again",
    (7, "protect-time"): "Blocked Friday mornings and kept them",
    (4, "credit-to-others"): "Gave the team the credit for the launch",
}


@dataclass(frozen=True)
class KnownJournal:
    """The journal's home and the figures a person counts by hand (see the module)."""

    home: Path
    dates: tuple[dt.date, ...]  # W1 .. W8, the last one today
    weeks: tuple[str, ...]  # their ISO weeks
    ratings: dict[str, tuple[int | None, ...]] = field(default_factory=lambda: dict(RATINGS))
    trends: dict[str, str] = field(default_factory=lambda: dict(TRENDS))
    # This week against the reflection before it: behaviour -> (from, to).
    moved_this_week: dict[str, tuple[int, int]] = field(
        default_factory=lambda: {
            "cultivate-belonging": (3, 1),
            "protect-time": (1, 4),
            "credit-to-others": (3, 4),
            "meaningful-vision": (3, 4),
        }
    )
    balance: tuple[int, ...] = BALANCE  # W1 .. W4
    levers: tuple[str, ...] = LEVERS  # W5 .. W8
    outcomes: dict[str, int] = field(
        default_factory=lambda: {
            "tried": 2,
            "partly": 2,
            "not_tried": 1,
            "dropped": 1,
            "skipped": 1,
            "open": 0,
        }
    )
    experiments_total: int = 7  # E1 .. E7: the weeks of a quarter report
    open_now: str = EXPERIMENTS[-1]  # E8, set this week for next week
    experiment_titles: tuple[str, ...] = EXPERIMENTS
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # tag -> its weeks
    people: dict[str, int] = field(default_factory=lambda: {"Jonas": 5, "Priya": 4})
    people_shared: dict[str, int] = field(default_factory=lambda: {"Jonas": 2, "Priya": 1})
    takeaways: tuple[tuple[str, str, bool], ...] = ()  # (week, text, private)
    tips: tuple[tuple[str, str, bool], ...] = ()  # (week, text, private)
    wins: tuple[tuple[str, str, bool], ...] = ()  # (week, text, private)


def _answers(i: int, day: dt.date) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for prefix, outcome, happened, learned in REVIEWS[i]:
        answers[prefix] = outcome
        if happened is not None:
            answers[f"{prefix}.happened"] = happened
            answers[f"{prefix}.learned"] = learned
    for behaviour, series in RATINGS.items():
        level = series[i]
        note = EVIDENCE.get((i, behaviour))
        rating: Any = "not seen" if level is None else level
        answers[f"pulse.{behaviour}"] = {"level": level, "evidence": note} if note else rating
    answers["focus"] = FOCUS[i]
    for n, text in enumerate(REFLECTIONS[i], start=1):
        answers[f"reflect.{n}"] = text
    if i < OLD_WEEKS:  # the 1.x weekly
        answers["control"] = LENS_NOTES["control"]
        answers["influence"] = LENS_NOTES["influence"]
        answers["balance"] = BALANCE[i]
        if i in TIPS:
            answers["tip"] = TIPS[i]
        answers["tags"] = list(TAGS[i])
    else:  # the 2.0 weekly
        answers["wellbeing"] = "steady"
        answers["win"] = WINS[i - OLD_WEEKS]
        answers["levers"] = LEVERS[i - OLD_WEEKS]
        lens = LENSES[i - OLD_WEEKS]
        answers[lens] = LENS_NOTES[lens]
    answers["next-experiment"] = EXPERIMENTS[i]
    if i in TAKEAWAYS:
        text, private = TAKEAWAYS[i]
        answers["takeaway"] = {"text": text, "private": True} if private else text
    return {"flow": "weekly", "date": day.isoformat(), "answers": answers}


def _run(*args: str) -> None:
    try:
        code = main(list(args))
    finally:
        settings.install(None)
    if code != 0:
        raise AssertionError(f"belonging {' '.join(args)} exited {code}")


def build_known_journal(home: Path) -> KnownJournal:
    """Build the known journal in `home` (a new folder) through the real CLI."""
    work = home.parent / f"{home.name}-making"
    work.mkdir(parents=True)
    today = dt.date.today()
    dates = tuple(today - dt.timedelta(days=7 * (WEEKS - 1 - i)) for i in range(WEEKS))
    for i, day in enumerate(dates):
        path = work / f"week-{i + 1}.yaml"
        path.write_text(yaml.safe_dump(_answers(i, day), sort_keys=False), encoding="utf-8")
        flows = ("--flows", str(WEEKLY_1X)) if i < OLD_WEEKS else ()
        _run("--home", str(work / "home"), "reflect", *flows, "--answers", str(path))
    export = work / "export.json"
    _run("--home", str(work / "home"), "journal", "export", "--out", str(export))
    document = json.loads(export.read_text(encoding="utf-8"))
    for experiment in document["experiments"]:
        if experiment["title"] == EXPERIMENTS[DROPPED]:
            experiment["status"] = "dropped"
    export.write_text(json.dumps(document), encoding="utf-8")
    _run("--home", str(home), "journal", "import", str(export))

    weeks = tuple(iso_week(d) for d in dates)
    tags: dict[str, list[str]] = {}
    for week, week_tags in zip(weeks[:OLD_WEEKS], TAGS, strict=True):
        for tag in week_tags:
            tags.setdefault(tag, []).append(week)
    return KnownJournal(
        home=home,
        dates=dates,
        weeks=weeks,
        tags={tag: tuple(w) for tag, w in sorted(tags.items(), key=lambda t: -len(t[1]))},
        takeaways=tuple((weeks[i], text, private) for i, (text, private) in TAKEAWAYS.items()),
        tips=tuple(
            (weeks[i], text.removesuffix(" #share"), not text.endswith("#share"))
            for i, text in TIPS.items()
        ),
        wins=tuple(
            (weeks[OLD_WEEKS + n], text.removesuffix(" #share"), not text.endswith("#share"))
            for n, text in enumerate(WINS)
        ),
    )
