"""The floor of `journal export` / `import`: the same records, a plain json dump and load.

Run as a child by benchmarks/journal.py --exchange:
  python exchange_floor.py export JOURNAL.db OUT.json   the same SELECTs, json.dumps a record a line
  python exchange_floor.py import EXPORT.json JOURNAL.db  json.load, executemany, one transaction
No checks, no records: what any program doing the same job must at least pay.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

SESSION = "id, flow_id, rubric_id, rubric_version, week, status, started_at, completed_at, "
SESSION += "focus_behaviour_id, assignment_id"
ANSWER = "step_id, kind, value_json, answered_at, prompt_id, behaviour_id, private, question, role"
RATING = "behaviour_id, level, rated_at, evidence, evidence_private"


def export(db: Path, out: Path) -> None:
    conn = sqlite3.connect(db)
    children: dict[str, dict[str, list[dict[str, object]]]] = {}
    for table, columns in (("answers", ANSWER), ("ratings", RATING), ("session_tags", "tag")):
        found = children[table] = {}
        names = [c.strip() for c in columns.split(",")]
        for row in conn.execute(f"SELECT session_id, {columns} FROM {table} ORDER BY position"):
            found.setdefault(row[0], []).append(dict(zip(names, row[1:], strict=True)))
    names = [c.strip() for c in SESSION.split(",")]
    with out.open("w", encoding="utf-8") as handle:
        handle.write('{"sessions": [\n')
        for row in conn.execute(f"SELECT {SESSION} FROM sessions ORDER BY started_utc, id"):
            record = dict(zip(names, row, strict=True))
            record["tags"] = [t["tag"] for t in children["session_tags"].get(row[0], [])]
            record["ratings"] = children["ratings"].get(row[0], [])
            record["answers"] = children["answers"].get(row[0], [])
            handle.write(json.dumps(record, ensure_ascii=False) + ",\n")
        handle.write('{}],\n"experiments": [\n')
        cursor = conn.execute("SELECT * FROM experiments ORDER BY created_utc, id")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            handle.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False))
            handle.write(",\n")
        handle.write("{}]}\n")


def _utc(text: str) -> str:
    moment = dt.datetime.fromisoformat(text).astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def load(export_file: Path, db: Path) -> None:
    from belonging_cli.journal.store import open_journal

    with open_journal(db):  # the journal's schema, as a new journal has it
        pass
    document = json.loads(export_file.read_text(encoding="utf-8"))
    sessions, answers, ratings, tags = [], [], [], []
    for s in document["sessions"]:
        sessions.append(
            (
                *(s[c.strip()] for c in SESSION.split(",")),
                _utc(s["started_at"]),
                s["started_at"][:10],
            )
        )
        for i, a in enumerate(s["answers"]):
            value = json.dumps(a["value"], ensure_ascii=False)
            answers.append((s["id"], a["step_id"], a["kind"], value, *list(a.values())[3:], i))
        for i, r in enumerate(s["ratings"]):
            ratings.append((s["id"], *r.values(), i))
        tags += [(s["id"], i, tag) for i, tag in enumerate(s["tags"])]
    experiments = [(*e.values(), _utc(e["created_at"])) for e in document["experiments"]]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    marks = ", ".join("?" * 12)
    conn.executemany(
        f"INSERT INTO sessions ({SESSION}, started_utc, started_day) VALUES ({marks})", sessions
    )
    conn.executemany(
        f"INSERT INTO answers (session_id, {ANSWER}, position) VALUES ({', '.join('?' * 11)})",
        answers,
    )
    conn.executemany(
        f"INSERT INTO ratings (session_id, {RATING}, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ratings,
    )
    conn.executemany("INSERT INTO session_tags (session_id, position, tag) VALUES (?, ?, ?)", tags)
    if experiments:
        names = ", ".join([*document["experiments"][0].keys(), "created_utc"])
        marks = ", ".join("?" * len(experiments[0]))
        conn.executemany(f"INSERT INTO experiments ({names}) VALUES ({marks})", experiments)
    conn.execute("COMMIT")


if __name__ == "__main__":
    job, source, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    export(source, target) if job == "export" else load(source, target)
