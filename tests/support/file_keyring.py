"""A keyring backend for tests and the benchmark: a JSON file, no D-Bus, no real keyring.

    PYTHON_KEYRING_BACKEND=support.file_keyring.Keyring
    BELONGING_TEST_KEYRING=/tmp/.../keyring.json

keyring loads it by that dotted name (tests/ on PYTHONPATH for a child process).
Entries persist across processes in the file, as the OS keyring's do.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

BACKEND = "support.file_keyring.Keyring"
FILE_ENV = "BELONGING_TEST_KEYRING"


class Keyring(KeyringBackend):
    priority = 1

    def _file(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _entries(self) -> dict[str, str]:
        try:
            data: dict[str, str] = json.loads(self._file().read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return data

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self._file().write_text(json.dumps(entries), "utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._file().write_text(json.dumps(entries), "utf-8")
