"""`belonging status` pays for the settings file only when there is one to read."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from support.startup import modules_after


def test_status_without_a_settings_file_never_loads_the_toml_reader(tmp_path: Path) -> None:
    loaded = modules_after("--home", str(tmp_path), "status", "--json")
    assert "tomllib" not in loaded and "tomli" not in loaded
    assert "belonging_cli.config" in loaded  # the defaults still come from the table


def test_status_with_a_settings_file_reads_it(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "config.toml").write_text('timezone = "Asia/Tokyo"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "belonging_cli", "--home", str(tmp_path), "status"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "(Asia/Tokyo)" in result.stdout.splitlines()[0]


def test_the_habit_rules_do_not_load_the_settings() -> None:
    # Zones are time (clock.py): the pure status rules need no settings table.
    code = "import sys, belonging_cli.habits; print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(ast.literal_eval(out.stdout))
    assert "belonging_cli.config" not in loaded
