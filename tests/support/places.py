"""Where the repository, the tests and the hostile corpus are, wherever a test module sits."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
HOSTILE = TESTS / "hostile"
