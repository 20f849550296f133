"""Hostile values (tests/hostile/poison/) and the promise every entrance keeps with them.

The promise: an import, answers file or edit is either refused (exit 1, a located
problem, the journal file byte for byte as before) or accepted, and then every
command still works. `still_works` runs those commands.

    from support.poison import JSON_VALUES, seed_document, still_works, journal_bytes
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from support import places

CORPUS = places.HOSTILE / "poison"
TODAY = dt.date(2026, 11, 27)
PACK_ID = "first-month"


def corpus_lines(name: str) -> list[str]:
    """A corpus file's entries: one a line, `#` lines and blank lines left out."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


JSON_VALUES = corpus_lines("json-values.txt")
YAML_VALUES = corpus_lines("yaml-values.txt")
BAD_QUESTIONS: list[str] = [json.loads(line) for line in corpus_lines("questions.txt")]
FACTS_CACHES = corpus_lines("facts-cache.txt")
MERGE_BOMB = CORPUS / "merge-bomb.yaml"

# What a user runs after an import, answers file or edit; all must still exit 0.
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("status",),
    ("report",),
    ("report", "--format", "json"),
    ("progress",),
    ("journal", "list"),
    ("journal", "export"),
    ("journal", "export", "--format", "md"),
    ("exercises", "list"),
)

Run = Callable[..., Any]  # the conftest `cli` fixture: (*args) -> Result(code, out, err)


def seed_document() -> dict[str, Any]:
    """A small real export: two weeks of reflections and the example pack's assignments."""
    from belonging_cli.coaching.example import example_pack
    from belonging_cli.coaching.importing import plan_import
    from belonging_cli.content.packs import parse_pack
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.content.source import parse_text
    from belonging_cli.journal.exchange import export_json
    from belonging_cli.records import JournalData
    from belonging_cli.synthetic import generate

    rubric = load_rubric()
    data = generate(rubric, weeks=2, end=TODAY)
    pack = parse_pack(parse_text(example_pack(rubric), "pack.yaml"), rubric)
    now = dt.datetime.combine(TODAY, dt.time(9), tzinfo=dt.timezone.utc)
    plan = plan_import(pack, [], now)
    data = JournalData(data.sessions, data.experiments, plan.writes)
    document: dict[str, Any] = json.loads(export_json(data))
    return document


def leaves(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON document that holds a plain value."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, (*prefix, i))
    else:
        yield prefix


_MARK = "\x00POISON\x00"


def with_raw_value(document: dict[str, Any], place: tuple[Any, ...], raw: str) -> tuple[str, int]:
    """The document as JSON text with `raw` (JSON source text, maybe not valid JSON for
    Python's encoder, like NaN or a lone surrogate escape) written at `place`, and the
    line it is on (one value a line, so a located problem can be checked)."""
    copy = json.loads(json.dumps(document))
    target = copy
    for part in place[:-1]:
        target = target[part]
    target[place[-1]] = _MARK
    text = json.dumps(copy, ensure_ascii=False, indent=1)
    marked = json.dumps(_MARK)
    line = text[: text.index(marked)].count("\n") + 1
    return text.replace(marked, raw), line


def journal_bytes(home: Path) -> bytes:
    path = home / "journal.db"
    return path.read_bytes() if path.exists() else b""


def assignment_ids(cli: Run, home: Path) -> list[str]:
    result = cli("--home", str(home), "exercises", "list", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    items = rows["exercises"] if isinstance(rows, dict) else rows
    return [row["id"] for row in items]


def still_works(cli: Run, home: Path) -> None:
    """Every everyday command still exits 0 on this home's journal (and says no traceback)."""
    commands = list(COMMANDS)
    commands += [("exercises", "show", i) for i in assignment_ids(cli, home)]
    for command in commands:
        result = cli("--home", str(home), *command)
        assert result.code == 0, f"{' '.join(command)} failed: {result.err}"


_LOCATED = re.compile(r"^\S.*:\d+:\d+: ", re.MULTILINE)


def assert_refused(result: Any, path: Path, before: bytes, home: Path) -> None:
    """Exit 1, every line a `file:line:col:` problem about `path`, the journal untouched."""
    assert result.code == 1, (result.code, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert lines, "refused without saying why"
    assert "Traceback" not in result.err and "unexpected error" not in result.err, result.err
    assert all(line.startswith(f"{path}:") for line in lines), result.err
    assert _LOCATED.match(lines[0]), result.err
    assert journal_bytes(home) == before
