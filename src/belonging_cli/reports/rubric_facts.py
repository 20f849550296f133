"""The few facts about the rubric a report needs, cached so reports skip pydantic and YAML.

A report needs the rubric's id, version, title and scale labels, and each
behaviour's id, number, title and level descriptors. Loading and validating
the rubric (pydantic, YAML) costs more than the rest of a report together, so
once a rubric folder has been validated, these facts are kept in a small JSON
file in the cache folder, keyed by the name, size and modification time of
every file in the folder: any change to the rubric and it is validated again.
A cache that cannot be read or written is simply not used. The file itself (its
place, its key, the trust checks) is reports/facts_cache.py's, light for status.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from belonging_cli import paths
from belonging_cli.reports.facts_cache import cache_file, cache_key, read_facts
from belonging_cli.settings import rubric_folder

if TYPE_CHECKING:
    from belonging_cli.content.rubrics import Rubric
    from belonging_cli.errors import BelongingError

LEVELS = 5  # a scale label and a descriptor for each level 1..5


# NamedTuples, not frozen dataclasses: `rubric list` and `journal list` import this
# module, and the two dataclasses cost them ~3 ms of their start-up budget.
class BehaviourFacts(NamedTuple):
    id: str
    number: int
    title: str
    descriptors: tuple[str, ...]  # levels 1..5

    def descriptor(self, level: int) -> str:
        return self.descriptors[level - 1]


class RubricFacts(NamedTuple):
    id: str
    version: str
    title: str
    labels: tuple[str, ...]  # the scale's labels for levels 1..5
    behaviours: tuple[BehaviourFacts, ...]

    def label(self, level: int) -> str:
        return self.labels[level - 1]

    def find(self, ref: str) -> BehaviourFacts | None:
        """A behaviour by id or number, as `rubric show` accepts them."""
        ref = ref.strip()
        if ref.isdigit():
            return next((b for b in self.behaviours if b.number == int(ref)), None)
        return next((b for b in self.behaviours if b.id == ref.lower()), None)


def facts_of(rubric: Rubric) -> RubricFacts:
    return RubricFacts(
        id=rubric.id,
        version=rubric.version,
        title=rubric.manifest.title,
        labels=tuple(s.label for s in rubric.manifest.scale),
        behaviours=tuple(
            BehaviourFacts(b.id, b.number, b.title, tuple(lv.descriptor.strip() for lv in b.levels))
            for b in rubric.behaviours
        ),
    )


def rubric_facts(option: Path | None = None) -> RubricFacts:
    """The facts of the rubric in use (`--rubrics`, $BELONGING_RUBRICS, else packaged)."""
    folder = rubric_folder(option)
    key = cache_key(folder)
    cache = cache_file(folder)
    if key is not None and cache is not None:
        cached = _facts_from(read_facts(cache, key))
        if cached is not None:
            return cached
    from belonging_cli.content.rubrics import load_rubric

    facts = facts_of(load_rubric(folder))  # validates, and raises every problem found
    if key is not None and cache is not None:
        _write(cache, key, facts)
    return facts


def validated_titles(folder: Path) -> dict[str, str]:
    """Behaviour id -> title, validating the rubric and keeping its facts unless they are
    cached and current (facts_cache.titles calls this on a miss); a rubric that does not
    validate: {} (its ids are shown; `rubric validate` says what is wrong)."""
    from belonging_cli.errors import BelongingError

    try:
        facts = rubric_facts(folder)
    except BelongingError:
        return {}
    return {b.id: b.title for b in facts.behaviours}


def remember(rubric: Rubric, folder: Path, home: Path | None = None) -> None:
    """Cache the facts of a rubric just loaded (so validated) from `folder`, unless the
    cache is current: `reflect` and `demo` (for `home`, the demo's) call it, so status
    and listings show titles at once. Costs a folder listing and a small read when
    already cached."""
    key, cache = cache_key(folder), cache_file(folder, home)
    if key is None or cache is None or _facts_from(read_facts(cache, key)) is not None:
        return
    _write(cache, key, facts_of(rubric))


def resolve_behaviours(facts: RubricFacts, refs: list[str], option: Path | None) -> list[str]:
    """Behaviour ids for `--behaviour` refs; an unknown one gets the loader's suggestions."""
    found: list[str] = []
    for ref in refs:
        behaviour = facts.find(ref)
        if behaviour is None:
            raise unknown_behaviour(ref, rubric_folder(option))
        if behaviour.id not in found:
            found.append(behaviour.id)
    return found


def unknown_behaviour(ref: str, folder: Path) -> BelongingError:
    """The error for a behaviour `ref` the rubric in `folder` lacks: `rubric show`'s own
    (exit 1, naming close matches, else pointing at `belonging rubric list`)."""
    from belonging_cli.content.rubrics import load_rubric
    from belonging_cli.errors import BelongingError

    try:
        load_rubric(folder).get(ref)
    except BelongingError as exc:
        return exc
    return BelongingError(f"no behaviour {ref!r}")  # pragma: no cover - get() found it


def _facts_from(facts: object) -> RubricFacts | None:
    """The cached facts, or None unless they have exactly the shape `_write` gives them
    (valid JSON of another shape, e.g. `[]`, is a cache to rebuild, not a crash)."""
    if not isinstance(facts, dict) or not isinstance(facts.get("behaviours"), list):
        return None
    id_, version, title = (facts.get(name) for name in ("id", "version", "title"))
    if not (isinstance(id_, str) and isinstance(version, str) and isinstance(title, str)):
        return None
    labels = _texts(facts.get("labels"), LEVELS)
    behaviours = [_behaviour_from(b) for b in facts["behaviours"]]
    found = [b for b in behaviours if b is not None]
    if labels is None or not found or len(found) != len(behaviours):
        return None
    return RubricFacts(id_, version, title, labels, tuple(found))


def _behaviour_from(b: object) -> BehaviourFacts | None:
    if not isinstance(b, dict):
        return None
    id_, number, title = b.get("id"), b.get("number"), b.get("title")
    descriptors = _texts(b.get("descriptors"), LEVELS)
    if not (isinstance(id_, str) and isinstance(title, str) and descriptors is not None):
        return None
    if not isinstance(number, int) or isinstance(number, bool):
        return None
    return BehaviourFacts(id_, number, title, descriptors)


def _texts(value: object, count: int) -> tuple[str, ...] | None:
    if not isinstance(value, list) or len(value) != count:
        return None
    if not all(isinstance(item, str) for item in value):
        return None
    return tuple(value)


def _write(cache: Path, key: list[Any], facts: RubricFacts) -> None:
    record = {
        "key": key,
        "facts": {
            "id": facts.id,
            "version": facts.version,
            "title": facts.title,
            "labels": list(facts.labels),
            "behaviours": [
                {
                    "id": b.id,
                    "number": b.number,
                    "title": b.title,
                    "descriptors": list(b.descriptors),
                }
                for b in facts.behaviours
            ],
        },
    }
    import json  # only when writing: reading is facts_cache's

    try:
        paths.ensure_private_dir(cache.parent)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        partial.chmod(0o600)
        partial.replace(cache)  # atomic: a reader sees the old file or the new one
    except OSError:
        return
