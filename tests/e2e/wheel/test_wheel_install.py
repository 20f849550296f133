"""The built wheel carries rubrics/ and prompts/ and runs from a brand-new environment.

No network: the fresh venv gets the wheel with --no-deps, and sees the test
environment's third-party packages through a plain path entry (which, unlike the
editable install's .pth hooks, cannot put the source tree on its path).
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from support.wheels import build_wheel, install_offline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("dist"))


def test_wheel_contains_the_content(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "belonging_cli/_content/rubrics/rubric.yaml" in names
    assert sum(n.startswith("belonging_cli/_content/rubrics/") for n in names) == 11
    assert any(n.startswith("belonging_cli/_content/prompts/") for n in names)


def test_installed_wheel_runs_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install_offline(python, wheel)
    env = {**os.environ, "BELONGING_HOME": str(tmp_path / "home"), "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(venv / "bin" / "belonging"), "rubric", "list", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"cultivate-belonging"' in result.stdout
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import belonging_cli.resources as r; print(r.packaged_dir('rubrics'))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(venv) in where  # the wheel's own copy, not the source tree
