"""The rubric facts' cache file: where it is, what it is keyed by, reading it trusted.

Light on purpose (stdlib only, no dataclasses): `belonging status` reads behaviour
titles from here on every run, and status must not pay for the rubric's records
(reports/rubric_facts.py builds those from the same file) nor ever for YAML or
pydantic. With no cache, or one that cannot be believed, callers keep ids.
"""

from __future__ import annotations

import json
import os
import zlib
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


def cache_file(folder: Path) -> Path | None:
    base = cache_dir("rubric-facts")
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


def cached_titles(folder: Path) -> dict[str, str]:
    """Behaviour id -> title from the current cache; empty when there is none (ids stay)."""
    facts = current_facts(folder)
    behaviours = facts.get("behaviours") if isinstance(facts, dict) else None
    if not isinstance(behaviours, list):
        return {}
    from belonging_cli.safe_text import text_problem

    titles: dict[str, str] = {}
    for b in behaviours:
        id_, title = (b.get("id"), b.get("title")) if isinstance(b, dict) else (None, None)
        # One line of text, as the validated rubric's titles are; anything else keeps
        # its id (a line of status is never a terminal escape).
        if (
            isinstance(id_, str)
            and isinstance(title, str)
            and title.strip()
            and text_problem(title, one_line=True) is None
        ):
            titles[id_] = title
    return titles
