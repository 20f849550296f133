"""The rubric facts' cache file: where it is, what it is keyed by, reading it trusted.

Light on purpose (stdlib only, no dataclasses): `belonging status` reads behaviour
titles from here on every run, and status must not pay for the rubric's records
(reports/rubric_facts.py builds those from the same file), nor for YAML or pydantic
while the cache is current. With no cache, or one that cannot be believed, `titles`
validates the rubric once and writes the cache (the next run is quick again); a
rubric that does not validate leaves ids.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from belonging_cli import __version__
from belonging_cli.reports.cache import cache_dir

# Bump when the cached shape changes; the tool version is part of the key too.
FACTS_VERSION = 1


def cache_key(folder: Path) -> list[Any] | None:
    """What the cached facts depend on: every file's name, size and change time."""
    try:
        entries = sorted(
            (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
            for entry in os.scandir(folder)
            if entry.is_file()
        )
    except OSError:
        return None
    return [FACTS_VERSION, __version__, str(folder.resolve()), entries]


def cache_file(folder: Path, home: Path | None = None) -> Path | None:
    """The cache of `folder`'s facts, in `home`'s cache (default: the run's home's)."""
    base = cache_dir("rubric-facts", home)
    if base is None:
        return None
    # A name for the folder, not a secret: the key inside is checked, so two folders
    # sharing a name only rebuild each other's facts (hashlib would cost `rubric
    # list` ~5 ms of OpenSSL loading).
    path = str(folder.resolve()).encode()
    return base / f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}.json"


def read_facts(cache: Path, key: list[Any]) -> object:
    """The cached `facts` as plain JSON data, or None unless the file is believed: the
    user's own (not a link), JSON, and keyed by exactly `key` (the rubric as it is now)."""
    from belonging_cli.files import is_mine

    try:
        # Someone else's file in a shared home could put any title on the screen: only
        # a cache the user wrote is believed (another is rebuilt over).
        if cache.is_symlink() or not is_mine(cache.lstat()):
            return None
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != json.loads(json.dumps(key)):
        return None
    return data.get("facts")


def current_facts(folder: Path) -> object:
    """The folder's cached facts if the cache is current, else None."""
    key, cache = cache_key(folder), cache_file(folder)
    return None if key is None or cache is None else read_facts(cache, key)


def cached_titles(folder: Path) -> dict[str, str] | None:
    """Behaviour id -> title from the current cache; None when there is none to believe
    (none, stale, someone else's, or any entry not as the rubric's facts are written)."""
    facts = current_facts(folder)
    behaviours = facts.get("behaviours") if isinstance(facts, dict) else None
    if not isinstance(behaviours, list) or not behaviours:
        return None
    from belonging_cli.safe_text import text_problem

    titles: dict[str, str] = {}
    for b in behaviours:
        id_, title = (b.get("id"), b.get("title")) if isinstance(b, dict) else (None, None)
        # One line of text, as the validated rubric's titles are: anything else is not
        # a cache the tool wrote (a line of status is never a terminal escape).
        if not (
            isinstance(id_, str)
            and isinstance(title, str)
            and title.strip()
            and text_problem(title, one_line=True) is None
        ):
            return None
        titles[id_] = title
    return titles


def titles(folder: Path) -> dict[str, str]:
    """Behaviour id -> title of the rubric in `folder` as it is now: from the cache when
    it is current, else the rubric validated once and its facts kept (rubric_facts), so
    a title edited shows on the next run. A rubric that does not validate: {} (ids)."""
    cached = cached_titles(folder)
    if cached is not None:
        return cached
    from belonging_cli.reports.rubric_facts import validated_titles

    return validated_titles(folder)


class Titles(Mapping[str, str]):
    """`titles(folder)`, read when a title is first looked up: a status or listing that
    names no behaviour reads no rubric (a fresh home's first `status` stays light)."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._titles: dict[str, str] | None = None

    def _read(self) -> dict[str, str]:
        if self._titles is None:
            self._titles = titles(self._folder)
        return self._titles

    def __getitem__(self, key: str) -> str:
        return self._read()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())
