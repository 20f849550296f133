"""Print how long `belonging status` takes on an encrypted 10-year journal, the key in
the keyring, beside plain `status` on the same journal before it was encrypted.

Run: python benchmarks/encrypted_status.py [--runs N]
Target (issue 20): at most 150 ms median with the key in the keyring. The keyring is
tests/support/file_keyring.py (PYTHON_KEYRING_BACKEND=support.file_keyring.Keyring: a
JSON file, no D-Bus), so the figure is keyring's own import and lookup plus
SQLCipher's, not a desktop keyring's round trip. The two journals hold the same rows
(a plain copy, and it encrypted); the runs alternate, pair by pair, so both see the
same machine load. Exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from harness import belonging, child_env, machine, run_child, summary

TARGET_MS = 150.0
TESTS = Path(__file__).resolve().parent.parent / "tests"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from status import make_journal  # the 10-year weekly journal status.py times

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        plain_home, secret_home = root / "plain", root / "encrypted"
        make_journal(plain_home / "journal.db", weeks=520)
        shutil.copytree(plain_home, secret_home)
        keyring = {
            "PYTHON_KEYRING_BACKEND": "support.file_keyring.Keyring",
            "BELONGING_TEST_KEYRING": str(root / "keyring.json"),
            "PYTHONPATH": str(TESTS),
        }
        pycache = root / "pycache"
        plain_env = child_env(plain_home, pycache)
        secret_env = child_env(secret_home, pycache, **keyring)
        # A second copy, its key in a key file only: SQLCipher's cost without keyring's.
        file_home, key_file = root / "keyfile", root / "journal.key"
        shutil.copytree(plain_home, file_home)
        file_env = child_env(file_home, pycache, BELONGING_KEY_FILE=str(key_file))
        run_child(belonging("journal", "encrypt", "--keyring"), secret_env)
        run_child(belonging("journal", "encrypt"), file_env)
        status = belonging("status")
        for env in (plain_env, secret_env, file_env):  # warm the caches
            run_child(status, env)
        plain, secret, filed = [], [], []
        for _ in range(runs):
            plain.append(run_child(status, plain_env))
            secret.append(run_child(status, secret_env))
            filed.append(run_child(status, file_env))
    plain_fig, secret_fig, file_fig = summary(plain), summary(secret), summary(filed)
    print(f"machine: {machine()}")
    print(f"runs: {runs} each, alternated")
    print(
        f"status, plain journal:     {plain_fig.seconds * 1000:6.1f} ms "
        f"(CPU {plain_fig.cpu * 1000:.1f} ms)"
    )
    print(
        f"status, encrypted journal: {secret_fig.seconds * 1000:6.1f} ms "
        f"(CPU {secret_fig.cpu * 1000:.1f} ms), key in the keyring"
    )
    print(
        f"  the same, key file instead: {file_fig.seconds * 1000:6.1f} ms "
        f"(CPU {file_fig.cpu * 1000:.1f} ms)"
    )
    ratio = secret_fig.seconds / plain_fig.seconds
    held = secret_fig.seconds * 1000 <= TARGET_MS
    verdict = "held" if held else "MISSED"
    print(f"encrypted / plain: {ratio:.2f}x; target {TARGET_MS:.0f} ms: {verdict}")
    return 0 if held else 1


if __name__ == "__main__":
    raise SystemExit(main())
