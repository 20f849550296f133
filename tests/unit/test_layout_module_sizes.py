"""Each module stays small enough to hold in one's head (issue 12: under ~400 lines).

reports/ is left out: it is split on its own, and its templates compiled ahead of
time (reports/_compiled/) are generated, not written.
"""

from __future__ import annotations

from support.places import REPO

PACKAGE = REPO / "src" / "belonging_cli"
MOST_LINES = 400


def test_no_module_outside_reports_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "reports"
    }
    assert sizes, PACKAGE
    assert {name: n for name, n in sizes.items() if n > MOST_LINES} == {}
