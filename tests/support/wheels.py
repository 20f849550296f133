"""The package as a wheel, installed offline into a new environment, as a user would have it.

No network: the wheel goes in with --no-deps, and the environment sees the test
environment's third-party packages through a plain path entry (which, unlike the
editable install's .pth hooks, cannot put the source tree on its path).
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

from support.places import REPO


def build_wheel(out: Path) -> Path:
    """The repository built as a wheel into `out`."""
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--wheel-dir", str(out), str(REPO)),
        ],
        check=True,
    )
    (found,) = out.glob("belonging_cli-*.whl")
    return found


def install_offline(python: Path, wheel: Path) -> None:
    """Install `wheel` with the venv's `python`, its dependencies seen from this environment."""
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
