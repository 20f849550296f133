"""A demo home made by the real `belonging demo` in a subprocess, for module fixtures.

from support.demo_home import demo_home

@pytest.fixture(scope="module")
def demo(tmp_path_factory): return demo_home(tmp_path_factory.mktemp("x"), weeks=30)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def demo_home(folder: Path, *, weeks: int) -> Path:
    """`folder/demo`, a home with `weeks` weeks of the demo's reflections."""
    home = folder / "demo"
    made = subprocess.run(
        [sys.executable, "-m", "belonging_cli", "demo", str(home), "--weeks", str(weeks)],
        capture_output=True,
        text=True,
        env={**os.environ, "BELONGING_HOME": str(folder / "own")},
        check=False,
    )
    assert made.returncode == 0, made.stderr
    return home
