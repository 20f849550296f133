"""The in-process CLI's result type, shared by the `cli` fixture (conftest.py) and tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    code: int
    out: str
    err: str


CliRunner = Callable[..., Result]


# The repository's root, for tests that read its files (rubrics, docs).
from support.places import REPO  # noqa: E402

__all__ = ["REPO", "CliRunner", "Result"]
