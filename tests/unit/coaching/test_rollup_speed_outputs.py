"""A faster roll-up shows exactly what the roll-up showed before: `coach summary` of 36
real `report --share` bundles, in every format, with and without --since, byte for
byte as the goldens the code before the speed work wrote (goldens/rollup_speed/).

Regenerate (only after a deliberate change of what the roll-up shows):
BELONGING_WRITE_GOLDENS=1 python -m pytest tests/unit/coaching/test_rollup_speed_outputs.py
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.coach_runs import coach
from support.rollup_speed_bundles import share_bundles

GOLDENS = Path(__file__).resolve().parent / "goldens" / "rollup_speed"
CASES = [(fmt, since) for fmt in ("md", "html", "json") for since in (None, "2026-11-16")]


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from belonging_cli import settings
    from belonging_cli.main import main
    from support.cli import Result

    def cli(*args: str) -> Result:  # the module's own runner: capsys is per test
        import contextlib
        import io

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        settings.install(None)
        return Result(code, out.getvalue(), err.getvalue())

    folder = tmp_path_factory.mktemp("rollup-speed")
    home = folder / "coach"
    before = os.environ.get("BELONGING_HOME")
    os.environ["BELONGING_HOME"] = str(home)
    try:
        return share_bundles(cli, folder)
    finally:
        if before is None:
            del os.environ["BELONGING_HOME"]
        else:
            os.environ["BELONGING_HOME"] = before


@pytest.mark.parametrize(("fmt", "since"), CASES)
def test_the_roll_up_is_byte_identical(
    cli: CliRunner, bundles: list[Path], fmt: str, since: str | None
) -> None:
    args = ["summary", *map(str, bundles), "--format", fmt]
    args += ["--since", since] if since else []
    # The bundles' folder differs each run: the goldens hold it as BUNDLES.
    shown = coach(cli, *args).replace(str(bundles[0].parent), "BUNDLES")
    golden = GOLDENS / f"{fmt}{'-since' if since else ''}.{fmt}.gz"
    if os.environ.get("BELONGING_WRITE_GOLDENS"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(gzip.compress(shown.encode("utf-8"), mtime=0))
    expected = gzip.decompress(golden.read_bytes()).decode("utf-8")
    assert shown == expected
