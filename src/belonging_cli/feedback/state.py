"""The collector's memory of earlier collects: `.belonging-collect-state.json` beside
the aggregate, one salted hash per form counted, never in the aggregate.

Why: two aggregates of the same round that differ by one or two forms give those
raters away (the difference of the two averages is theirs), so such a collect is
refused unless forced. Hashes are of what a form says (its parsed answers), so the
same reply saved again with other line endings or quoting is the same form; the
salt is random per state file, so a hash says nothing outside it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from belonging_cli.errors import BelongingError
from belonging_cli.feedback.collect import MIN_RATERS
from belonging_cli.feedback.form import Round
from belonging_cli.feedback.parse import Filled
from belonging_cli.files import write_private

STATE_NAME = ".belonging-collect-state.json"
_FORMAT = "belonging-collect-state"
_MAX_BYTES = 4 * 1024 * 1024
_MAX_COLLECTS = 1_000


class State(NamedTuple):
    path: Path
    salt: str
    collects: list[dict[str, Any]]  # {"round": str, "forms": [hash, ...]}


def state_path(aggregate: Path) -> Path:
    return aggregate.parent / STATE_NAME


def round_id(round_: Round) -> str:
    return f"{round_.rubric_id}/{round_.rubric_version} {round_.requested_on} {round_.leader}"


def load(path: Path) -> State:
    """The state at `path` (a fresh one if there is none)."""
    if not path.exists():
        return State(path, secrets.token_hex(16), [])
    broken = BelongingError(
        f"{path} is not a collect state belonging wrote",
        hint="move it away to start afresh: earlier collects are then not compared",
    )
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= _MAX_BYTES else None
    except OSError as exc:
        raise BelongingError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError:
        raise broken from None
    if not (
        isinstance(data, dict)
        and data.get("format") == _FORMAT
        and isinstance(data.get("salt"), str)
        and isinstance(collects := data.get("collects"), list)
        and len(collects) <= _MAX_COLLECTS
        and all(
            isinstance(c, dict)
            and isinstance(c.get("round"), str)
            and isinstance(c.get("forms"), list)
            and all(isinstance(h, str) for h in c["forms"])
            for c in collects
        )
    ):
        raise broken
    return State(path, data["salt"], collects)


def form_hash(salt: str, form: Filled) -> str:
    said = [
        form.group,
        sorted(form.frequency.items()),
        sorted(form.levels.items()),
        form.keep,
        form.change,
    ]
    text = json.dumps(said, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256((salt + text).encode()).hexdigest()


def revealing(state: State, round_: Round, forms: Sequence[Filled]) -> int:
    """How many forms this collect differs by from an earlier one, when 1 or 2 (else 0)."""
    now = Counter(form_hash(state.salt, form) for form in forms)
    for earlier in state.collects:
        if earlier["round"] != round_id(round_):
            continue
        before = Counter(earlier["forms"])
        differ = sum(((now - before) + (before - now)).values())
        if 0 < differ < MIN_RATERS:
            return differ
    return 0


def record(state: State, round_: Round, forms: Sequence[Filled]) -> None:
    """Remember this collect's forms (written whole, private)."""
    hashes = sorted(form_hash(state.salt, form) for form in forms)
    entry = {"round": round_id(round_), "forms": hashes}
    kept = [c for c in state.collects if c != entry][-(_MAX_COLLECTS - 1) :]
    collects = [*kept, entry]
    data = {"format": _FORMAT, "version": 1, "salt": state.salt, "collects": collects}
    write_private(state.path, [json.dumps(data, indent=1) + "\n"])
