"""Merge an exercise pack into the assignments a journal already holds.

Pure: given what is stored and the pack, say what to write. The rules:
- importing the same version again changes nothing (relative due dates stay
  counted from the first import);
- a newer version updates titles, instructions, questions and due dates (a
  relative due time still counts from the exercise's first import, so an update
  never moves a date the coach did not change) and keeps everything the client
  did: times done, completion, a drop;
- an exercise no longer in the pack and still to do is withdrawn, never deleted
  (its answers stay); one that comes back is assigned again, its time counted from
  its return;
- one the client completed or dropped keeps that status when the pack no longer
  holds it: the client's record stands (the roll-up, the report, the bundle and
  `exercises list` still count it done, or dropped with its reason). Nothing is
  written for it, so it keeps the version it last came with: that it is out of the
  pack is read from that (`out_of_pack`), as every exercise the pack still holds
  moves to the new version;
- an older version is refused: it would undo the coach's update.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypedDict

from belonging_cli.coaching.progress import all_done, next_due
from belonging_cli.errors import BelongingError
from belonging_cli.records import Assignment, AssignmentStatus

if TYPE_CHECKING:
    from belonging_cli.content.packs import Exercise, Pack


@dataclass(frozen=True)
class ImportPlan:
    """What an import writes, and what it means for the user."""

    pack_id: str
    version: str
    previous_version: str | None
    writes: tuple[Assignment, ...] = ()
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    withdrawn: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = field(default=())
    # For each exercise updated, what the client would notice change ("due ... -> ...").
    changes: tuple[tuple[str, str], ...] = ()
    # Out of the pack from this import on, but done or dropped by the client: kept so.
    kept: tuple[tuple[str, AssignmentStatus], ...] = ()

    def summary(self, *, dry_run: bool = False) -> str:
        if not self.writes:
            return (
                f"pack {self.pack_id} version {self.version} is already imported; nothing changed"
            )
        first = self.previous_version is None
        verb = ("would import" if first else "would update") if dry_run else ""
        verb = verb or ("imported" if first else "updated")
        parts = [
            f"{len(names)} {label}"
            for names, label in (
                (self.added, "added"),
                (self.updated, "updated"),
                (self.withdrawn, "withdrawn"),
                (self.unchanged, "unchanged"),
            )
            if names
        ]
        kept = Counter(status for _, status in self.kept)
        parts += [f"{n} kept as {status}" for status, n in sorted(kept.items())]
        since = "" if self.previous_version is None else f" (was {self.previous_version})"
        return f"{verb} pack {self.pack_id} version {self.version}{since}: {', '.join(parts)}"


def assignment_id(pack_id: str, exercise_id: str) -> str:
    return f"{pack_id}/{exercise_id}"


def _status_after_update(existing: Assignment, cadence_weeks: int) -> AssignmentStatus:
    if existing.status == "dropped":
        return "dropped"  # the client's decision; a new pack version does not undo it
    return "done" if all_done(existing.times_done, cadence_weeks) else "assigned"


def plan_import(pack: Pack, stored: list[Assignment], now: dt.datetime) -> ImportPlan:
    """What to write so that the journal reflects `pack`, given its `stored` assignments."""
    from belonging_cli.content.packs import version_key

    mine = {a.id: a for a in stored if a.pack_id == pack.id}
    previous = max((a.pack_version for a in mine.values()), key=version_key, default=None)
    if previous is not None and version_key(pack.version) < version_key(previous):
        raise BelongingError(
            f"pack {pack.id} version {previous} is already imported; this file is the "
            f"older version {pack.version}",
            hint="ask your coach for the latest version",
        )
    newer = previous is None or version_key(pack.version) > version_key(previous)
    today = now.date()
    writes: list[Assignment] = []
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    changes: list[tuple[str, str]] = []
    for exercise in pack.exercises:
        key = assignment_id(pack.id, exercise.id)
        old = mine.get(key)
        if old is None:
            record = _new_assignment(pack, exercise, key, now)
            writes.append(record)
            added.append(key)
            continue
        due, imported_at = old.due, old.imported_at
        if old.status == "withdrawn":
            imported_at = now  # assigned again: its time counts from its return
            due = exercise.due_date(today)
        elif newer:
            due = _due_after_update(old, exercise)
        status = _status_after_update(old, exercise.cadence)
        record = replace(
            old,
            due=due,
            status=status,
            imported_at=imported_at,
            **_as_the_pack_says(pack, exercise),
        )
        if record == old:
            unchanged.append(key)
        else:
            writes.append(record)
            updated.append(key)
            noticed = what_changed(old, record)
            if noticed:
                changes.append((key, noticed))
    withdrawn: list[str] = []
    kept: list[tuple[str, AssignmentStatus]] = []
    in_pack = {assignment_id(pack.id, e.id) for e in pack.exercises}
    for key, old in sorted(mine.items()):
        if key in in_pack or old.status == "withdrawn":
            continue
        if old.status == "assigned":
            writes.append(replace(old, status="withdrawn"))
            withdrawn.append(key)
        elif previous is not None and version_key(old.pack_version) == version_key(previous):
            # Done or dropped, and in the pack until now: said once, on this import.
            kept.append((key, old.status))
    return ImportPlan(
        pack_id=pack.id,
        version=pack.version,
        previous_version=previous,
        writes=tuple(writes),
        added=tuple(added),
        updated=tuple(updated),
        withdrawn=tuple(withdrawn),
        unchanged=tuple(unchanged),
        changes=tuple(changes),
        kept=tuple(kept),
    )


OUT_OF_PACK = "withdrawn from the pack"


def kept_line(key: str, status: AssignmentStatus) -> str:
    """What an import says of an exercise out of the pack that the client finished."""
    did = "did it" if status == "done" else f"{status} it"
    return f"  keep: {key}  {OUT_OF_PACK}; you {did}, so it stays {status}"


def out_of_pack(stored: Iterable[Assignment]) -> set[str]:
    """The ids of the exercises the latest import of their pack no longer held (withdrawn,
    or done or dropped and kept so): those still on an older version than their pack's."""
    from belonging_cli.content.packs import version_key

    items = list(stored)
    latest: dict[str, tuple[int, ...]] = {}
    for a in items:
        latest[a.pack_id] = max(latest.get(a.pack_id, ()), version_key(a.pack_version))
    return {a.id for a in items if version_key(a.pack_version) < latest[a.pack_id]}


def what_changed(old: Assignment, new: Assignment) -> str:
    """What a client would notice of an update to one exercise, in a line ("" if only
    the version moved): the due date old -> new first, then the parts reworded."""
    parts: list[str] = []
    if old.due != new.due:
        before = old.due.isoformat() if old.due else "no date"
        parts.append(f"due {before} -> {new.due.isoformat() if new.due else 'no date'}")
    if old.status != new.status:
        parts.append(f"{old.status} -> {new.status}")
    for name, label in (
        ("title", "title"),
        ("instructions", "instructions"),
        ("questions_json", "questions"),
        ("cadence_weeks", "how often"),
        ("minutes", "minutes"),
        ("behaviour_id", "behaviour"),
    ):
        if getattr(old, name) != getattr(new, name):
            parts.append(label)
    return "; ".join(parts)


def _due_after_update(old: Assignment, exercise: Exercise) -> dt.date | None:
    """A relative due time counts from the exercise's first import, never from the update
    (an overdue exercise stays overdue); a weekly one done already is next due a week
    after it was last done. One done as often as asked keeps the date it had."""
    if all_done(old.times_done, exercise.cadence):
        return old.due
    last = old.completed_at.date() if old.completed_at else None
    return next_due(exercise.due_date(old.imported_at.date()), old.times_done, last)


def _new_assignment(pack: Pack, exercise: Exercise, key: str, now: dt.datetime) -> Assignment:
    return Assignment(
        id=key,
        pack_id=pack.id,
        exercise_id=exercise.id,
        imported_at=now,
        due=exercise.due_date(now.date()),
        **_as_the_pack_says(pack, exercise),
    )


class _FromPack(TypedDict):
    pack_version: str
    behaviour_id: str
    title: str
    instructions: str
    cadence_weeks: int
    minutes: int | None
    coach: str | None
    questions_json: str
    pack_description: str | None
    coach_contact: str | None
    client: str | None


def _as_the_pack_says(pack: Pack, exercise: Exercise) -> _FromPack:
    """What the coach decides of an assignment: a new version of the pack rewrites it all."""
    from belonging_cli.content.packs import questions_json

    return _FromPack(
        pack_version=pack.version,
        behaviour_id=exercise.behaviour,
        title=exercise.title,
        instructions=exercise.instructions,
        cadence_weeks=exercise.cadence,
        minutes=exercise.minutes,
        coach=pack.coach.name,
        questions_json=questions_json(exercise),
        pack_description=pack.description,
        coach_contact=pack.coach.contact,
        client=pack.client,
    )
