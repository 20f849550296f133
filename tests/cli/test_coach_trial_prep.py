"""`coach prep` shows each answer the client shared with its question's words,
the answer to a question asked only when an earlier answer fitted (`when:`) too."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from support.cli import CliRunner
from support.coach_runs import coach
from support.coach_trial import HOLD_BACK, client, do_exercise, import_pack, share

IMPORTED = dt.date(2026, 11, 2)
DONE = dt.date(2026, 11, 6)
TODAY = dt.date(2026, 11, 17)
ANSWERS = {
    "what-happened": "They found the answer themselves",
    "how-hard": "very hard",
    "why-hard": "My team waits for me to speak first",  # asked: how-hard is "very hard"
    "kept-it": 4,
}
ASKED = {
    "what-happened": "What happened when you asked first?",
    "how-hard": "How hard was it to hold back?",
    "why-hard": "What made it so hard?",
    "kept-it": "How often did you ask first?",
}


def _bundle(cli: CliRunner, folder: Path, answers: dict[str, object]) -> Path:
    with client(cli, folder, "a"):
        import_pack(cli, IMPORTED)
        done = do_exercise(cli, folder, HOLD_BACK, answers, DONE)
        assert done.code == 0, done.err
        return share(cli, folder / "a.json", on=TODAY)


def test_each_shared_answer_shows_with_its_question(cli: CliRunner, tmp_path: Path) -> None:
    bundle = _bundle(cli, tmp_path, ANSWERS)
    for fmt in ("md", "html"):
        sheet = coach(cli, "prep", str(bundle), "--format", fmt, day=TODAY)
        exercises = sheet.split("Exercises", 1)[1].split("Questions for the session", 1)[0]
        for step, question in ASKED.items():
            assert question in exercises, (fmt, step)
            assert str(ANSWERS[step]) in exercises, (fmt, step)
        # Each answer follows its own question, in the exercise's order.
        places = [exercises.index(q) for q in ASKED.values()]
        assert places == sorted(places), fmt


def test_a_long_question_and_answer_are_cut_at_a_word(cli: CliRunner, tmp_path: Path) -> None:
    bundle = _bundle(cli, tmp_path, {**ANSWERS, "what-happened": "word " * 200})
    data = json.loads(bundle.read_text(encoding="utf-8"))
    (item,) = [i for i in data["exercises"]["items"] if i["id"] == HOLD_BACK]
    item["answers"][0]["question"] = "Why " + "really " * 100 + "?"
    bundle.write_text(json.dumps(data), encoding="utf-8")
    sheet = coach(cli, "prep", str(bundle), day=TODAY)
    (line,) = [x for x in sheet.splitlines() if "Why really" in x]
    assert len(line) < 500 and "\u2026" in line
    assert ASKED["why-hard"] in sheet  # the conditional one still shown
