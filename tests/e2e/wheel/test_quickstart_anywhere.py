"""The README's quick start leaves `belonging` working in the next terminal (issue 13).

The first command, as the README gives it, in a throwaway HOME (never the real
one): `pip install .` becomes an offline install of the built wheel (no network),
every other step runs as written. Then a new login shell with none of this
shell's PATH finds `belonging`. The second command is the one CI runs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.places import REPO
from support.wheels import build_wheel, install_offline

pytestmark = pytest.mark.slow


def quick_start() -> list[str]:
    """The shell commands of the README's Quick start, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.S)


def test_the_first_command_installs_for_every_new_terminal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    for profile in (".profile", ".bashrc"):  # what a new account starts with
        if Path("/etc/skel", profile).exists():
            shutil.copy(Path("/etc/skel", profile), home / profile)
    first = quick_start()[0]
    steps = first.split(" && ")
    installs = [i for i, step in enumerate(steps) if step.endswith("pip install .")]
    assert len(installs) == 1, first
    assert steps[-1].endswith("belonging reflect"), first
    env = {"HOME": str(home), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
    wheel = build_wheel(tmp_path / "dist")
    for i, step in enumerate(steps[:-1]):
        if i == installs[0]:
            venv = Path(step.removesuffix("/bin/pip install .").replace("~", str(home)))
            install_offline(venv / "bin" / "python", wheel)
            continue
        subprocess.run(["bash", "-c", step], env=env, cwd=REPO, check=True)
    # Next week: a new login shell, started elsewhere, with the system's PATH only.
    if not (home / ".profile").exists():  # no /etc/skel here: the README's export line
        (home / ".profile").write_text('export PATH="$HOME/.local/bin:$PATH"\n')
    shell = "command -v belonging && belonging --version && belonging status"
    new = subprocess.run(
        ["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "bash", "-lc", shell],
        cwd="/",
        capture_output=True,
        text=True,
        check=False,
    )
    assert new.returncode == 0, new.stderr
    where, version, *status = new.stdout.splitlines()
    assert where == f"{home}/.local/bin/belonging"
    assert version.startswith("belonging ")
    assert status[-1] == "Next: belonging reflect"


def test_the_second_command_is_the_one_ci_runs() -> None:
    second = quick_start()[-1]
    assert second.endswith("pip install -e '.[test]' && python -m pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install --quiet -e '.[test]'\n" in ci
    assert "\npython -m pytest\n" in ci
